/**
 * Turns lookup facts into ordered recipients: CDN, host, upstream, registrar, then registry desks.
 * A directory entry outranks raw RDAP (docs/providers.md §1), and a CDN never stands in for the host.
 */
import { MAX_NOTE_PARAM, note, noteKey, type Note } from '../model/note';
import type { Recipient, ServiceKind } from '../model/recipient';
import { matchProvider, findProviderById, noticeLanguage, type ProviderMatch } from '../providers/match';
import type { ProviderEntry } from '../providers/schema';
import type { RegistrarInfo } from './abuse';
import type { AutnumInfo } from './asn';
import type { CdnMatch } from './cdn';
import type { AbuseContact, NetworkRecord, WhoisRecord } from './types';

export interface AddressFacts {
  ip: string;
  network: NetworkRecord | null;
  asn: number | null;
  /** True when this address is the CDN's edge, not the host. */
  cdnEdge: boolean;
}

export interface DomainFacts {
  domain: string;
  registrar: RegistrarInfo | null;
  contacts: AbuseContact[];
  notes: Note[];
  source: 'rdap' | 'whois';
  whois?: WhoisRecord | null;
}

export interface RecipientFacts {
  addresses: AddressFacts[];
  cdn: CdnMatch | null;
  domain: DomainFacts | null;
  upstream: Map<number, AutnumInfo>;
}

const ORDER: Record<Recipient['role'], number> = { cdn: 0, host: 1, upstream: 2, registrar: 3, registry: 4, search: 5 };
const GRADE_CONFIDENCE = { A: 0.9, B: 0.75, C: 0.45 } as const;

const clampText = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Notes deduplicated by code and arguments, each argument clamped to what the schema accepts. */
function tidyNotes(notes: Note[]): Note[] {
  const seen = new Set<string>();
  const out: Note[] = [];
  for (const n of notes) {
    const params = Object.fromEntries(
      Object.entries(n.params as Record<string, string>).map(([k, v]) => [k, clampText(v, MAX_NOTE_PARAM)]),
    );
    const tidy = { code: n.code, params } as Note;
    const key = noteKey(tidy);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tidy);
  }
  return out;
}

function finish(r: Recipient): Recipient {
  return {
    ...r,
    name: clampText(r.name, 500),
    emails: r.emails
      .filter((e, i, all) => all.findIndex((x) => x.toLowerCase() === e.toLowerCase()) === i)
      .slice(0, 20),
    notes: tidyNotes(r.notes).slice(0, 50),
    country: r.country && /^[A-Z]{2}$/.test(r.country) ? r.country : null,
  };
}

function matchNote(m: ProviderMatch): Note {
  const known = { name: m.entry.name, grade: m.entry.confidence };
  if (m.by === 'asn') return note('directory_match_asn', { ...known, value: m.detail });
  if (m.by === 'name') return note('directory_match_name', { ...known, value: m.detail });
  if (m.by === 'iana-id') return note('directory_match_iana_id', { ...known, value: m.detail });
  return note('directory_match_cdn', known);
}

/** The directory's headline, then its own free text (requirements, jurisdiction, unverified) labelled as such. */
function entryNotes(m: ProviderMatch, rdapEmails: string[]): Note[] {
  const e = m.entry;
  const notes = [matchNote(m)];
  const extra = rdapEmails.filter((x) => !e.emails.some((y) => y.toLowerCase() === x.toLowerCase()));
  if (extra.length) notes.push(note('rdap_also_lists', { emails: extra.join(', ') }));
  if (e.channel === 'form')
    notes.push(
      e.formUrl ? note('provider_form_url', { name: e.name, url: e.formUrl }) : note('provider_form', { name: e.name }),
    );
  if (e.jurisdictionNote) notes.push(note('provider_jurisdiction', { text: e.jurisdictionNote }));
  for (const text of e.requirements) notes.push(note('provider_requirement', { text }));
  for (const text of e.unverified) notes.push(note('provider_unverified', { text }));
  return notes;
}

function fromEntry(
  role: Recipient['role'],
  m: ProviderMatch,
  rdap: AbuseContact[],
  base: Partial<Recipient>,
): Recipient {
  const e = m.entry;
  // Abuse desks before general addresses (a WHOIS registrar e-mail not labelled abuse), so the latter never leads.
  const ranked = [...rdap].sort((a, b) => Number(b.isAbuseRole) - Number(a.isAbuseRole));
  const rdapEmails = ranked.flatMap((c) => c.emails);
  const useRdap = e.emails.length === 0 && !e.formUrl;
  const emails = e.emails.length ? e.emails : useRdap ? rdapEmails.slice(0, 3) : [];
  const generalOnly = useRdap && ranked[0] !== undefined && !ranked[0].isAbuseRole && emails.length > 0;
  return finish({
    role,
    name: e.name,
    emails,
    formUrl: e.formUrl,
    country: e.country ?? base.country ?? null,
    source: rdapEmails.length ? 'directory+rdap' : 'directory',
    confidence: useRdap
      ? Math.min(GRADE_CONFIDENCE[e.confidence], generalOnly ? 0.4 : 0.6)
      : GRADE_CONFIDENCE[e.confidence],
    // For a CDN the hidden-origin warning leads; otherwise the directory headline does.
    notes: [
      ...(role === 'cdn' ? (base.notes ?? []) : []),
      ...entryNotes(m, rdapEmails),
      ...(role === 'cdn' ? [] : (base.notes ?? [])),
      ...(generalOnly ? (ranked[0]?.notes ?? []) : []),
    ],
    kind: kindFor(e, role),
    providerId: e.id,
    language: noticeLanguage(e),
    handlingDays: e.handlingDays,
    network: base.network,
  });
}

function kindFor(e: ProviderEntry, role: Recipient['role']): ServiceKind {
  if (role === 'cdn') return 'cdn';
  if (role === 'registrar') return 'registrar';
  if (role === 'upstream') return 'network';
  return e.kinds.find((k) => k !== 'registrar' && k !== 'cdn') ?? e.kinds[0] ?? 'unknown';
}

function contactNotes(c: AbuseContact): Note[] {
  return [...c.notes, ...(c.phones.length ? [note('phone', { phones: c.phones.slice(0, 3).join(', ') })] : [])];
}

function rdapRecipient(
  role: Recipient['role'],
  name: string,
  contacts: AbuseContact[],
  base: Partial<Recipient> & { source: string },
): Recipient | null {
  const main = contacts[0];
  if (!main) return null;
  const others = contacts.slice(1).filter((c) => c.emails.length && !c.emails.every((e) => main.emails.includes(e)));
  const confidence = main.emails.length === 0 ? 0.3 : main.isAbuseRole ? 0.7 : 0.4;
  return finish({
    role,
    name,
    emails: main.emails.slice(0, 5),
    formUrl: main.formUrl,
    country: base.country ?? null,
    source: base.source,
    confidence,
    notes: [
      ...(base.notes ?? []),
      ...contactNotes(main),
      ...(others.length
        ? [
            note('also_listed', {
              list: others.map((c) => `${c.emails.join(', ')} (${c.roles.join('/') || c.scope})`).join('; '),
            }),
          ]
        : []),
    ],
    kind: base.kind ?? 'unknown',
    // docs/providers.md §5: Chinese to mainland-Chinese providers, English by default.
    language: base.country === 'CN' ? 'zh' : 'en',
    network: base.network,
  });
}

const networkRef = (a: AddressFacts) => ({
  ip: a.ip,
  ...(a.network?.handle ? { handle: clampText(a.network.handle, 200) } : {}),
  ...(a.asn != null ? { asn: a.asn } : {}),
  ...(a.network?.cidr ? { cidr: a.network.cidr } : {}),
});

export function buildRecipients(f: RecipientFacts): Recipient[] {
  const out: Recipient[] = [];
  const desks: AbuseContact[] = [];

  if (f.cdn) {
    const edges = f.addresses.filter((a) => a.cdnEdge);
    const rdapContacts = edges.flatMap((a) => a.network?.contacts ?? []).filter((c) => c.scope !== 'registry-desk');
    const entry = findProviderById(f.cdn.providerId);
    const base: Partial<Recipient> = {
      notes: [
        note('cdn_origin_hidden', { cdn: f.cdn.name }),
        note('cdn_detected', { cdn: f.cdn.name, confidence: f.cdn.confidence, evidence: f.cdn.evidence.join('; ') }),
      ],
      network: edges[0] ? networkRef(edges[0]) : undefined,
    };
    const r = entry
      ? fromEntry('cdn', { entry, by: 'id', detail: 'CDN detection' }, rdapContacts, base)
      : (rdapRecipient('cdn', f.cdn.name, rdapContacts, { ...base, source: 'rdap', kind: 'cdn' }) ??
        finish({
          role: 'cdn',
          name: f.cdn.name,
          emails: [],
          formUrl: null,
          country: null,
          source: 'cdn-detection',
          confidence: 0.3,
          notes: base.notes ?? [],
          kind: 'cdn',
          providerId: f.cdn.providerId,
          network: base.network,
        }));
    r.kind = 'cdn';
    out.push(r);
  }

  const seenNetworks = new Set<string>();
  const hostEntries = new Set<string>();
  for (const a of f.addresses) {
    if (a.cdnEdge || !a.network) continue;
    const n = a.network;
    const key = `${n.startAddress}-${n.endAddress}`;
    if (seenNetworks.has(key)) continue;
    seenNetworks.add(key);
    desks.push(...n.contacts.filter((c) => c.scope === 'registry-desk'));
    const operator = n.contacts.filter((c) => c.scope !== 'registry-desk');
    const name = n.orgName ?? n.name ?? n.handle ?? a.ip;
    const baseNotes = [
      note('network', {
        name: n.name ?? n.handle ?? '—',
        range: n.cidr ?? `${n.startAddress} - ${n.endAddress}`,
        // Where the record came from: the registry's name, or port-43 WHOIS.
        source: [n.rir?.toUpperCase(), n.via === 'whois' ? 'WHOIS' : null].filter(Boolean).join(', ') || 'RDAP',
      }),
      ...(n.notes ?? []),
    ];
    const match = matchProvider({
      role: 'host',
      asn: a.asn,
      names: [n.orgName, n.name],
      country: n.country,
      asnFallback: !n.orgName,
    });
    if (match) hostEntries.add(match.entry.id);
    const r = match
      ? fromEntry('host', match, operator, { country: n.country, notes: baseNotes, network: networkRef(a) })
      : (rdapRecipient('host', name, operator, {
          source: n.via ?? 'rdap',
          country: n.country,
          notes: baseNotes,
          kind: 'unknown',
          network: networkRef(a),
        }) ??
        finish({
          role: 'host',
          name,
          emails: [],
          formUrl: null,
          country: n.country,
          source: n.via ?? 'rdap',
          confidence: 0.1,
          notes: [...baseNotes, note('host_no_contact')],
          kind: 'unknown',
          network: networkRef(a),
        }));
    out.push(r);

    // Upstream: the origin AS operator, when it is not the host itself.
    if (a.asn != null) {
      const up = matchProvider({ role: 'upstream', asn: a.asn });
      const info = f.upstream.get(a.asn);
      if (up && !hostEntries.has(up.entry.id) && up.entry.id !== match?.entry.id) {
        out.push(
          fromEntry('upstream', up, info?.contacts.filter((c) => c.scope !== 'registry-desk') ?? [], {
            notes: [note('upstream', { asn: String(a.asn) })],
            network: networkRef(a),
          }),
        );
      } else if (!up && info) {
        const sameOrg = (info.orgName && info.orgName === n.orgName) || (info.name && info.name === n.name);
        const contacts = info.contacts.filter((c) => c.scope !== 'registry-desk');
        if (!sameOrg && contacts.length) {
          const r2 = rdapRecipient('upstream', info.orgName ?? info.name ?? `AS${a.asn}`, contacts, {
            source: 'rdap',
            country: info.country,
            notes: [
              info.name
                ? note('upstream_named', { asn: String(a.asn), name: info.name })
                : note('upstream', { asn: String(a.asn) }),
            ],
            kind: 'network',
            network: networkRef(a),
          });
          if (r2) out.push(r2);
        }
      }
    }
  }

  if (f.domain) {
    const d = f.domain;
    const registrarContacts = d.contacts.filter((c) => c.scope === 'registrar' || c.scope === 'domain');
    const regName = d.registrar?.name ?? d.whois?.registrar ?? null;
    const match = matchProvider({ role: 'registrar', ianaId: d.registrar?.ianaId, names: [regName] });
    const notes: Note[] = [
      note('registrar_of', { domain: d.domain }),
      ...(d.registrar?.ianaId ? [note('registrar_iana_id', { id: d.registrar.ianaId })] : []),
      ...(d.source === 'whois' ? [note('from_whois', { server: d.whois?.server ?? 'WHOIS' })] : []),
      note('registrar_acts_on_domain'),
      ...d.notes,
    ];
    if (match) out.push(fromEntry('registrar', match, registrarContacts, { notes }));
    else if (regName || registrarContacts.length) {
      const r =
        rdapRecipient('registrar', regName ?? 'Registrar', registrarContacts, {
          source: d.source,
          notes,
          kind: 'registrar',
        }) ??
        finish({
          role: 'registrar',
          name: regName ?? 'Registrar',
          emails: [],
          formUrl: d.whois?.registrarUrl ?? null,
          country: d.whois?.country ?? null,
          source: d.source,
          confidence: 0.2,
          notes: [...notes, note('registrar_no_abuse')],
          kind: 'registrar',
        });
      out.push(r);
    }
  }

  const deskSeen = new Set<string>();
  for (const c of desks) {
    const key = c.handle ?? c.emails.join(',');
    if (deskSeen.has(key)) continue;
    deskSeen.add(key);
    out.push(
      finish({
        role: 'registry',
        name: c.name ?? c.handle ?? 'Registry desk',
        emails: c.emails,
        formUrl: c.formUrl,
        country: null,
        source: 'rdap',
        confidence: 0.15,
        notes: [note('registry_desk'), ...c.notes],
        kind: 'network',
      }),
    );
  }

  return out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDER[a.r.role] - ORDER[b.r.role] || a.i - b.i)
    .map((x) => x.r);
}
