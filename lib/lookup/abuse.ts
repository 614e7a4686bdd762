/**
 * Abuse-contact extraction from an RDAP object, covering the registry quirks in docs/rdap-quirks.md §4:
 * recursive entity walk (ARIN nests abuse under the org), RIPE `type: abuse`, APNIC `pref`,
 * NIR/RIR desks that are not the operator, LACNIC placeholders, registro.br contacts without
 * e-mail, AFRINIC entities without roles, handle-less registrar abuse entities, RFC 9537 redaction.
 */
import type { RdapEntity, RdapObject } from './rdap-schema';
import { parseVcard, rankedEmails, type Vcard } from './jcard';
import { registrarDisplayName } from '../whois/names';
import { note, type Note, type NoteCode } from '../model/note';
import type { AbuseContact, ContactScope } from './types';

const MAX_DEPTH = 3;

/** Registry desks, not operators (docs/rdap-quirks.md §4): keep as a last resort, never present as the host. */
const DESK_EMAILS: Record<string, string> = {
  'ipas@cnnic.cn': 'CNNIC',
  'hostmaster@nic.or.kr': 'KRNIC',
  'hostmaster@nic.ad.jp': 'JPNIC',
  'abuse@lacnic.net': 'LACNIC',
  'ipadmin@lacnic.net': 'LACNIC',
  'helpdesk@apnic.net': 'APNIC',
  'hostmaster@arin.net': 'ARIN',
};
const DESK_HANDLES: Array<[RegExp, string]> = [
  [/^IRT-CNNIC-CN$/i, 'CNNIC'],
  [/^IRT-KRNIC-KR$/i, 'KRNIC'],
  [/^IRT-JPNIC-JP$/i, 'JPNIC'],
  [/^JNIC\d+-AP$/i, 'JPNIC'],
  [/^ARIN-HOSTMASTER$/i, 'ARIN'],
];
/** A registry's own address space, where its desk address is the operator's (LACNIC 200.3.12.0/22, APNIC 1.1.1.0/24). */
const OWN_SPACE: Record<string, RegExp> = {
  LACNIC: /^LACNIC\b|Latin American and Caribbean IP address/i,
  APNIC: /^APNIC\b|Asia Pacific Network Information Cent/i,
  ARIN: /^ARIN\b|American Registry for Internet Numbers/i,
  CNNIC: /^CNNIC\b|China Internet Network Information Center/i,
  KRNIC: /^KRNIC\b|Korea Internet (?:&|and) Security Agency/i,
  JPNIC: /^JPNIC\b|Japan Network Information Cent/i,
};
/** What each desk says about itself (LACNIC: fail2ban#2920), as note codes. */
const DESK_ADVICE: Record<string, Extract<NoteCode, `desk_${string}`>> = {
  CNNIC: 'desk_cnnic',
  KRNIC: 'desk_krnic',
  JPNIC: 'desk_jpnic',
  LACNIC: 'desk_lacnic',
  APNIC: 'desk_apnic',
  ARIN: 'desk_arin',
};

export interface RegistrarInfo {
  name: string | null;
  handle: string | null;
  ianaId: string | null;
  url: string | null;
}

export interface ContactExtraction {
  /** Best first; registry desks last. */
  contacts: AbuseContact[];
  notes: Note[];
  /** Domain objects: the sponsoring registrar. */
  registrar: RegistrarInfo | null;
  /** Registrant organisation name when published (network and autnum objects). */
  orgName: string | null;
}

interface Found {
  entity: RdapEntity;
  depth: number;
  parent: Found | null;
  roles: string[];
  card: Vcard;
  order: number;
}

function walk(entities: RdapEntity[] | null | undefined, depth: number, parent: Found | null, out: Found[]): void {
  if (!entities || depth > MAX_DEPTH) return;
  for (const entity of entities) {
    const roles = (entity.roles ?? []).map((r) => r.toLowerCase());
    const f: Found = { entity, depth, parent, roles, card: parseVcard(entity.vcardArray), order: out.length };
    out.push(f);
    walk(entity.entities, depth + 1, f, out);
  }
}

function deskOf(f: Found, ownRegistry: string | null): string | null {
  const handle = f.entity.handle ?? '';
  for (const [re, reg] of DESK_HANDLES) if (re.test(handle) && reg !== ownRegistry) return reg;
  const emails = f.card.emails.map((e) => e.value.toLowerCase());
  if (emails.length === 0) return null;
  const regs = emails.map((e) => DESK_EMAILS[e]);
  if (regs.every((r) => r && r !== ownRegistry)) return regs[0]!;
  return null;
}

function ownRegistryOf(found: Found[], data: RdapObject): string | null {
  const names = found
    .filter((f) => f.roles.includes('registrant') || f.card.kind === 'org')
    .flatMap((f) => [f.card.fn, f.card.org])
    .filter((s): s is string => !!s);
  if (typeof data.name === 'string') names.push(data.name);
  for (const [reg, re] of Object.entries(OWN_SPACE)) if (names.some((n) => re.test(n))) return reg;
  return null;
}

function hasAncestorRole(f: Found, role: string): boolean {
  for (let p = f.parent; p; p = p.parent) if (p.roles.includes(role)) return true;
  return false;
}

export function registrarOf(data: RdapObject): RegistrarInfo | null {
  const reg = (data.entities ?? []).find((e) => (e.roles ?? []).some((r) => r.toLowerCase() === 'registrar'));
  if (!reg) return null;
  const card = parseVcard(reg.vcardArray);
  const iana = reg.publicIds?.find((p) => /iana/i.test(p.type))?.identifier ?? null;
  // Some registries (.click) give the IANA id only as the handle, with no publicIds.
  const ianaId = iana ?? (reg.handle && /^\d{1,6}$/.test(reg.handle) ? reg.handle : null);
  const printed = card.fn ?? card.org ?? null;
  // A registry's suffix ("(R22-LRCC)") is not part of the registrar's name.
  const name = printed ? registrarDisplayName(printed) : null;
  return { name, handle: reg.handle ?? null, ianaId, url: card.contactUris[0] ?? null };
}

/** RIPE maintainers ("ALOJALIA-MNT", "mnt-Internetten") are listed as registrants too; they never name the holder. */
const MAINTAINER = /(?:^|-)mnt(?:-|$)/i;

/**
 * The holder's name: prefer the top-level entity whose vCard kind is org, then an `ORG-…` handle, then any
 * registrant; never a maintainer and never a name that is only the entity's handle (docs/rdap-quirks.md §4, RIPE).
 */
function organisationName(found: Found[]): string | null {
  const named = (f: Found) => f.card.fn ?? f.card.org;
  const candidates = found.filter((f) => {
    const n = named(f);
    if (f.depth !== 0 || !n) return false;
    if (!(f.roles.includes('registrant') || f.card.kind === 'org')) return false;
    const handle = f.entity.handle ?? '';
    return !MAINTAINER.test(handle) && !MAINTAINER.test(n) && n.toLowerCase() !== handle.toLowerCase();
  });
  const rank = (f: Found) => {
    if (f.card.kind === 'org') return 0;
    if (/^ORG-/i.test(f.entity.handle ?? '')) return 1;
    return f.card.kind === 'individual' ? 3 : 2;
  };
  candidates.sort((a, b) => rank(a) - rank(b) || a.order - b.order);
  const best = candidates[0];
  return best ? (best.card.kind === 'org' ? (best.card.fn ?? best.card.org) : (best.card.org ?? best.card.fn)) : null;
}

/** APNIC puts the organisation text in a remark titled "description". */
function descriptionRemark(data: RdapObject): string | null {
  const r = (data.remarks ?? []).find((x) => x.title?.toLowerCase() === 'description');
  return r?.description?.[0]?.trim() || null;
}

/** The field and method are the server's words (RFC 9537 gives no code list); "—" stands for one not stated. */
function redactionNotes(data: RdapObject): Note[] {
  const out: Note[] = [];
  for (const r of (data.redacted ?? []).slice(0, 20)) {
    const field = r.name?.description ?? r.name?.type ?? '—';
    const method = r.method ?? '—';
    const reason = r.reason?.description ?? r.reason?.type;
    out.push(reason ? note('redacted_reason', { field, method, reason }) : note('redacted', { field, method }));
  }
  return out;
}

/** "object truncated due to server policy" and "filtered" remarks. */
function remarkNotes(data: RdapObject): Note[] {
  const codes = new Set<'registry_truncated' | 'registry_filtered'>();
  for (const r of [...(data.remarks ?? []), ...(data.notices ?? [])]) {
    const t = `${r.type ?? ''} ${r.title ?? ''}`.toLowerCase();
    if (t.includes('truncated')) codes.add('registry_truncated');
    else if (t.trim() === 'filtered') codes.add('registry_filtered');
  }
  return [...codes].map((c) => note(c));
}

export function extractContacts(data: RdapObject, objectKind: 'network' | 'domain' | 'autnum'): ContactExtraction {
  const found: Found[] = [];
  walk(data.entities, 0, null, found);
  const own = ownRegistryOf(found, data);
  const notes = [...remarkNotes(data), ...redactionNotes(data)];

  const withheld = new Set<string>();
  for (const f of found) for (const w of f.card.withheld) withheld.add(`${f.roles.join('/') || 'contact'} ${w}`);
  if (withheld.size) notes.push(note('withheld_ignored', { list: [...withheld].slice(0, 10).join('; ') }));

  const makeContact = (f: Found, isAbuseRole: boolean, scope: ContactScope): AbuseContact => {
    const cnotes: Note[] = [];
    if (f.depth > 0 && f.parent) {
      const parent = f.parent.card.fn ?? f.parent.entity.handle ?? '—';
      cnotes.push(note('listed_under', { parent, roles: f.parent.roles.join(', ') || '—' }));
    }
    const telValues = [...f.card.tels].sort((a, b) => (a.pref ?? 99) - (b.pref ?? 99)).map((t) => t.value);
    return {
      handle: f.entity.handle ?? null,
      name: f.card.fn ?? f.card.org ?? f.entity.handle ?? null,
      roles: [...f.roles],
      emails: rankedEmails(f.card.emails),
      phones: [...new Set(telValues)],
      formUrl: f.card.contactUris[0] ?? null,
      scope,
      isAbuseRole,
      depth: f.depth,
      notes: cnotes,
    };
  };

  const scored: Array<{ c: AbuseContact; f: Found; desk: string | null; rank: number[] }> = [];
  const add = (f: Found, isAbuseRole: boolean, scope: ContactScope, fallbackOrder: number) => {
    const desk = deskOf(f, own);
    const c = makeContact(f, isAbuseRole, desk ? 'registry-desk' : scope);
    if (desk) {
      c.notes.push(note('registry_desk_contact', { desk }));
      const advice = DESK_ADVICE[desk];
      if (advice) c.notes.push(note(advice));
    }
    if (isAbuseRole && c.emails.length === 0) c.notes.push(note('abuse_no_email'));
    if (!isAbuseRole) c.notes.push(note('not_abuse_contact'));
    const prefEmail = f.card.emails.some((e) => e.pref === 1) ? 0 : 1;
    const typeAbuse = f.card.emails.some((e) => e.types.includes('abuse')) ? 0 : 1;
    const dedicated = f.roles.length === 1 && f.roles[0] === 'abuse' ? 0 : 1;
    scored.push({
      c,
      f,
      desk,
      rank: [
        desk ? 1 : 0,
        isAbuseRole ? 0 : 1,
        c.emails.length ? 0 : 1,
        prefEmail,
        typeAbuse,
        dedicated,
        fallbackOrder,
        f.depth,
        f.order,
      ],
    });
  };

  const scopeFor = (f: Found): ContactScope => {
    if (objectKind === 'domain')
      return f.roles.includes('registrar') || hasAncestorRole(f, 'registrar') ? 'registrar' : 'domain';
    return 'network';
  };

  for (const f of found) if (f.roles.includes('abuse')) add(f, true, scopeFor(f), 0);

  const usable = scored.some((s) => !s.desk && s.c.emails.length > 0);
  if (!usable) {
    for (const f of found) {
      if (f.roles.includes('abuse') || f.card.emails.length === 0) continue;
      if (objectKind === 'domain') {
        // The registrant of a pirate domain is the infringer: only the registrar's own address is a fallback.
        if (f.roles.includes('registrar')) add(f, false, 'registrar', 0);
        continue;
      }
      if (f.roles.includes('registrant') || f.card.kind === 'org') add(f, false, 'org', 1);
      else if (f.roles.some((r) => r === 'technical' || r === 'noc' || r === 'administrative'))
        add(f, false, 'network', 2);
      // AFRINIC 2015 answers carry no roles at all.
      else if (f.roles.length === 0) add(f, false, 'network', 3);
    }
    if (objectKind !== 'domain' && !found.some((f) => f.roles.includes('abuse'))) notes.push(note('no_abuse_role'));
  }

  scored.sort((a, b) => {
    for (const [i, r] of a.rank.entries()) if (r !== b.rank[i]) return r - (b.rank[i] ?? 0);
    return 0;
  });

  // Dedupe: ARIN repeats a POC at two levels; registrar hops repeat the same address.
  const contacts: AbuseContact[] = [];
  for (const { c } of scored) {
    const same = contacts.find(
      (x) =>
        (c.handle && x.handle === c.handle) ||
        (c.emails.length > 0 && c.emails.every((e) => x.emails.some((y) => y.toLowerCase() === e.toLowerCase()))),
    );
    if (same) {
      for (const r of c.roles) if (!same.roles.includes(r)) same.roles.push(r);
      for (const p of c.phones) if (!same.phones.includes(p)) same.phones.push(p);
      continue;
    }
    if (c.emails.length === 0 && c.phones.length === 0 && !c.formUrl && !c.isAbuseRole) continue;
    contacts.push(c);
  }

  const orgName = objectKind === 'domain' ? null : (descriptionRemark(data) ?? organisationName(found));
  for (const quirk of data.quirks ?? []) notes.push(note('quirk_normalised', { quirk }));
  return { contacts, notes, registrar: objectKind === 'domain' ? registrarOf(data) : null, orgName };
}
