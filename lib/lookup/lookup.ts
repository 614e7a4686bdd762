/**
 * The lookup: URL → who to send a notice to. Independent queries run in parallel so the wall time
 * tracks the longest dependent chain (DNS → IP RDAP; domain RDAP → registrar RDAP), and every
 * failing source becomes an entry in errors[] instead of an exception.
 */
import { LookupResultSchema, type LookupError, type LookupResult } from '../contract';
import { note, noteKey, type Note } from '../model/note';
import { isPublicIp, nonPublicReason, parseCidr, parseIp } from '../net/ip';
import { extractContacts, type RegistrarInfo } from './abuse';
import { cymruOrigin, lookupAutnum, type AutnumInfo, type CymruOrigin } from './asn';
import { rdapBaseForDomain, rdapBaseForIp } from './bootstrap';
import { cdnRangeFor, detectCdn, originHiddenNote, type CdnMatch } from './cdn';
import { CDN_RANGES } from './cdn-data/ranges';
import { CDN_SIGNATURES } from './cdn-data/signatures';
import { resolveHost } from './dns';
import { bigIntToIp, exactCidr, ipToBigInt, neighbourhoodKey, rangeContainsIp, rangeOf } from './ip-range';
import { normalizeTarget } from './normalize';
import { rdapClientFor } from './rdap-client';
import { parseNetwork } from './rdap-network';
import { parseWhoisRecord, whoisDomainContacts } from './whois-record';
import { buildRecipients, type AddressFacts, type DomainFacts } from './recipients';
import { runtimeFor } from './runtime';
import { LookupFailure, type AbuseContact, type LookupDeps, type NetworkRecord, type WhoisRecord } from './types';

export type StepStatus = 'start' | 'done' | 'error';
export interface StepEvent {
  step: LookupError['step'];
  status: StepStatus;
}

export interface LookupOptions {
  /** Response headers seen for the page (CDN evidence). */
  headers?: Record<string, string>;
  /** Told as each stage starts and ends, so a caller can show real progress. */
  onStep?: (e: StepEvent) => void;
}

const DAY = 24 * 60 * 60 * 1000;
const HOP_ERROR_TTL = 10 * 60 * 1000;
const MAX_ADDRESSES = 8;

class ErrorLog {
  readonly list: LookupError[] = [];
  has(steps: readonly LookupError['step'][]): boolean {
    return this.list.some((e) => steps.includes(e.step));
  }
  add(e: LookupError): void {
    if (!this.list.some((x) => x.step === e.step && x.kind === e.kind && x.message === e.message)) this.list.push(e);
  }
  fromUnknown(e: unknown, step: LookupError['step']): void {
    if (e instanceof LookupFailure) this.add(e.toLookupError());
    else this.add({ step, kind: 'unavailable', message: e instanceof Error ? e.message : String(e) });
  }
}

export async function lookup(input: string, deps: LookupDeps, opts: LookupOptions = {}): Promise<LookupResult> {
  const norm = normalizeTarget(input);
  if (!norm.ok)
    return {
      input: String(input).slice(0, 2048),
      hostname: '',
      registrableDomain: null,
      addresses: [],
      cdn: null,
      recipients: [],
      errors: [norm.error],
    };
  const errors = new ErrorLog();
  const empty: LookupResult = {
    input,
    hostname: norm.hostname,
    registrableDomain: norm.registrableDomain,
    addresses: [],
    cdn: null,
    recipients: [],
    errors: [],
  };
  const running = run(norm.hostname, norm.registrableDomain, norm.ip ?? null, deps, opts, errors, empty).catch((e) => {
    // Defensive: a bug must not turn into an unhandled rejection in the extension or a 500 on the server.
    errors.fromUnknown(e, 'input');
    return { ...empty, errors: errors.list };
  });
  // One overall deadline: whatever a registry does, the caller gets an answer (and frees its slot) in time.
  const deadlineMs = runtimeFor(deps).deadlineMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<LookupResult>((resolve) => {
    timer = setTimeout(() => {
      const late: LookupError = {
        step: 'input',
        kind: 'timeout',
        message: `The lookup did not finish within ${Math.round(deadlineMs / 1000)} s; try again later.`,
      };
      resolve({ ...empty, errors: [...errors.list, late] });
    }, deadlineMs);
  });
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}

async function run(
  hostname: string,
  domain: string | null,
  literalIp: string | null,
  deps: LookupDeps,
  opts: LookupOptions,
  errors: ErrorLog,
  base: LookupResult,
): Promise<LookupResult> {
  const tell = (step: LookupError['step'], status: StepStatus) => {
    try {
      opts.onStep?.({ step, status });
    } catch {
      // A listener's failure must not break the lookup.
    }
  };
  const finish = (step: LookupError['step'], related: readonly LookupError['step'][] = [step]) =>
    tell(step, errors.has(related) ? 'error' : 'done');
  // Domain RDAP waits until DNS shows a public address (or DNS is done), so a name that resolves only
  // to private space causes no RDAP query at all; it then runs in parallel with the IP branch.
  let releaseDomain!: () => void;
  const domainGate = new Promise<void>((r) => (releaseDomain = r));
  const onAddresses = (ips: string[]) => {
    if (ips.some(isPublicIp)) releaseDomain();
  };
  let privateOnly = false;
  const domainP: Promise<DomainFacts | null> = domain
    ? domainGate.then(async () => {
        if (privateOnly) return null;
        tell('rdap-domain', 'start');
        const facts = await domainBranch(deps, domain, errors);
        finish('rdap-domain', ['rdap-domain', 'rdap-registrar', 'whois']);
        return facts;
      })
    : Promise.resolve(null);

  let addresses: string[];
  let cnames: string[] = [];
  let nameservers: string[] = [];
  if (literalIp) {
    addresses = [literalIp];
  } else {
    tell('dns', 'start');
    const dns = await resolveHost(deps, hostname, domain, onAddresses);
    dns.errors.forEach((e) => errors.add(e));
    addresses = dns.addresses;
    cnames = dns.cnames;
    nameservers = dns.nameservers;
    if (addresses.length === 0 && !dns.errors.some((e) => e.kind !== 'invalid-response'))
      errors.add({ step: 'dns', kind: 'not-found', message: `${hostname} has no A or AAAA records.` });
    finish('dns');
  }

  const publicIps = addresses.filter(isPublicIp);
  if (addresses.length > 0 && publicIps.length === 0) {
    privateOnly = true;
    releaseDomain();
    const reasons = [...new Set(addresses.map((a) => nonPublicReason(parseIp(a)!)))].join(', ');
    errors.add({
      step: 'dns',
      kind: 'private-target',
      message: `${hostname} resolves only to non-public addresses (${reasons}); nothing to look up.`,
    });
    await domainP;
    // The refused addresses are not echoed: the answer must not map the network the backend runs in.
    return LookupResultSchema.parse({ ...base, addresses: [], errors: errors.list });
  }
  releaseDomain();

  // Round-robin pools can list dozens of addresses in a few networks: the first few identify them.
  const targets = publicIps.slice(0, MAX_ADDRESSES);

  tell('rdap-ip', 'start');
  const addressesP = Promise.all(targets.map((ip) => addressBranch(deps, ip, errors))).then((facts) => {
    finish('rdap-ip', ['rdap-ip', 'asn']);
    return facts;
  });
  const [addressFacts, domainFacts] = await Promise.all([addressesP, domainP]);

  const asns = addressFacts.map((a) => a.asn).filter((n): n is number => n != null);
  const cdn = safe(
    () => detectCdn({ ips: targets, cnames, nameservers, asns, headers: opts.headers }),
    null,
    errors,
    'cdn',
  );
  finish('cdn');
  for (const a of addressFacts) a.cdnEdge = cdn !== null && isCdnEdge(a, cdn);

  // Upstream AS details only when the host record gave no usable operator address (escalation path).
  const upstream = new Map<number, AutnumInfo>();
  await Promise.all(
    addressFacts
      .filter((a) => !a.cdnEdge && a.asn != null && !hasOperatorEmail(a.network?.contacts ?? []))
      .map(async (a) => {
        if (upstream.has(a.asn!)) return;
        try {
          upstream.set(a.asn!, await lookupAutnum(deps, a.asn!));
        } catch (e) {
          errors.fromUnknown(e, 'rdap-asn');
        }
      }),
  );

  const recipients = safe(
    () => buildRecipients({ addresses: addressFacts, cdn, domain: domainFacts, upstream }),
    [],
    errors,
    'directory',
  );
  finish('directory');
  const result: LookupResult = {
    ...base,
    addresses: publicIps.map((ip) => {
      const f = addressFacts.find((a) => a.ip === ip);
      const n = f?.network;
      return {
        ip,
        asn: f?.asn ?? null,
        network: n ? { handle: n.handle, name: n.name, cidr: n.cidr, country: n.country, rir: n.rir } : null,
      };
    }),
    cdn: cdn ? { name: cdn.name, evidence: cdn.evidence, note: originHiddenNote(cdn.name) } : null,
    recipients,
    errors: errors.list,
  };
  const checked = LookupResultSchema.safeParse(result);
  if (checked.success) return checked.data;
  errors.add({
    step: 'directory',
    kind: 'invalid-response',
    message: `Result failed validation: ${checked.error.issues[0]?.message}`,
  });
  return { ...base, addresses: result.addresses, cdn: result.cdn, recipients: [], errors: errors.list };
}

function safe<T>(f: () => T, fallback: T, errors: ErrorLog, step: LookupError['step']): T {
  try {
    return f();
  } catch (e) {
    errors.fromUnknown(e, step);
    return fallback;
  }
}

const hasOperatorEmail = (contacts: AbuseContact[]) =>
  contacts.some((c) => c.scope !== 'registry-desk' && c.emails.length > 0);

function isCdnEdge(a: AddressFacts, cdn: CdnMatch): boolean {
  const hit = cdnRangeFor(a.ip);
  if (hit) return CDN_RANGES[hit.set].providerId === cdn.providerId;
  if (a.asn != null && CDN_SIGNATURES.find((s) => s.providerId === cdn.providerId)?.asns?.includes(a.asn)) return true;
  // The name CNAMEs into the CDN (CloudFront on mixed AS16509): its addresses are the CDN's edge.
  return cdn.evidence.some((e) => e.startsWith('cname:'));
}

// ---------- per-address branch: network (range cache → single-flight RDAP → WHOIS) ‖ origin ASN

async function addressBranch(deps: LookupDeps, ip: string, errors: ErrorLog): Promise<AddressFacts> {
  const rt = runtimeFor(deps);
  const cached = await rt.cache.getNetwork(ip);
  let cymruError: unknown = null;
  const cymruP: Promise<CymruOrigin | null> =
    cached?.originAsn != null
      ? Promise.resolve(null)
      : cymruOrigin(deps, ip).catch((e) => {
          cymruError = e;
          return null;
        });
  const [network, cymru] = await Promise.all([
    cached ? Promise.resolve(cached) : networkFor(deps, ip, errors, cymruP),
    cymruP,
  ]);
  const asn = network?.originAsn ?? cymru?.asns[0] ?? null;
  if (asn == null && cymruError) errors.fromUnknown(cymruError, 'asn');
  return { ip, network, asn, cdnEdge: false };
}

async function networkFor(
  deps: LookupDeps,
  ip: string,
  errors: ErrorLog,
  cymruP?: Promise<CymruOrigin | null>,
): Promise<NetworkRecord | null> {
  const rt = runtimeFor(deps);
  const key = neighbourhoodKey(ip) ?? ip;
  // Concurrent lookups in the same /24 or /48 share one query. A flight that failed is shared, not retried by
  // each waiter in turn: queuing behind a hanging registry once stalled every lookup.
  const flight = rt.networkFlights.get(key);
  if (flight) {
    const shared = await flight;
    const hit = await rt.cache.getNetwork(ip);
    if (hit) return hit;
    if (!shared.record) {
      shared.errors.forEach((e) => errors.add(e));
      return null;
    }
  }
  const own = new ErrorLog();
  const p = fetchNetwork(deps, ip, own, cymruP).then((record) => ({ record, errors: own.list }));
  rt.networkFlights.set(key, p);
  try {
    const { record } = await p;
    own.list.forEach((e) => errors.add(e));
    return record;
  } finally {
    if (rt.networkFlights.get(key) === p) rt.networkFlights.delete(key);
  }
}

/**
 * An address in each RIR's own space: the bootstrap's base URL for it is that RIR's RDAP server (whatever host
 * serves it), so a registry named by Team Cymru maps to a base URL without a second table.
 */
const RIR_ANCHORS: Record<string, string> = {
  arin: '8.0.0.1',
  ripencc: '193.0.0.1',
  apnic: '1.0.0.1',
  lacnic: '200.0.0.1',
  afrinic: '41.0.0.1',
};

/**
 * The IANA bootstrap names the RIR a /8 was given to; legacy and transferred blocks (130/8 is "ARIN", 130.59/16
 * is RIPE's) then cost a redirect per network. Team Cymru's answer, already on its way for the origin AS, names
 * the registry that holds the block: when it disagrees with the bootstrap, ask that registry directly. A wrong
 * hint costs nothing more than the redirect it tried to save (RIRs redirect each other).
 */
async function baseFor(deps: LookupDeps, ip: string, cymruP?: Promise<CymruOrigin | null>): Promise<string | null> {
  const listed = await rdapBaseForIp(deps, ip);
  if (!listed || !cymruP || !ip.includes('.')) return listed;
  const rt = runtimeFor(deps);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hint = await Promise.race([
    cymruP,
    new Promise<null>((r) => (timer = setTimeout(() => r(null), Math.min(1000, rt.timeoutMs / 4)))),
  ]);
  clearTimeout(timer);
  const anchor = hint?.registry ? RIR_ANCHORS[hint.registry] : undefined;
  if (!anchor) return listed;
  const holder = await rdapBaseForIp(deps, anchor);
  return holder ?? listed;
}

async function fetchNetwork(
  deps: LookupDeps,
  ip: string,
  errors: ErrorLog,
  cymruP?: Promise<CymruOrigin | null>,
): Promise<NetworkRecord | null> {
  const rt = runtimeFor(deps);
  let record: NetworkRecord | null = null;
  let cacheable = true;
  try {
    const base = await baseFor(deps, ip, cymruP);
    if (!base) throw new LookupFailure('rdap-ip', 'not-found', `No RDAP server is listed for ${ip}.`);
    const res = await rdapClientFor(deps).getRdap(`${base}ip/${ip}`, 'rdap-ip');
    record = parseNetwork(res.data, res.url);
    if (!record) throw new LookupFailure('rdap-ip', 'invalid-response', `RDAP answer for ${ip} has no address range.`);
    const range = rangeOf(record.startAddress, record.endAddress);
    if (!range || !rangeContainsIp(range, ip)) {
      // A registry that answers with a range not containing the IP must not poison the range cache.
      errors.add({
        step: 'rdap-ip',
        kind: 'invalid-response',
        message: `RDAP range ${record.startAddress} - ${record.endAddress} does not contain ${ip}.`,
      });
      cacheable = false;
    }
  } catch (e) {
    errors.fromUnknown(e, 'rdap-ip');
  }
  // RDAP failed, or gave no address to write to (AFRINIC, registro.br): port-43 WHOIS on the backend.
  // AFRINIC's RDAP often names no abuse role while its WHOIS prints "% Abuse contact for …": ask it
  // before offering an organisation's personal address.
  const afrinicWithoutAbuse =
    record?.rir === 'afrinic' && !record.contacts.some((c) => c.isAbuseRole && c.emails.length > 0);
  if (deps.whois && (!record || !hasOperatorEmail(record.contacts) || afrinicWithoutAbuse)) {
    try {
      const w = await deps.whois(ip, 'ip');
      if (w != null) {
        const v = parseWhoisRecord(w);
        if (v.ok) record = mergeWhoisNetwork(record, v.record, ip);
        else errors.add({ step: 'whois', kind: 'invalid-response', message: v.message });
      }
    } catch (e) {
      errors.add({
        step: 'whois',
        kind: 'unavailable',
        message: `WHOIS for ${ip} failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  // Stored once complete (WHOIS contact included), by range: every later address of the network costs nothing,
  // neither RDAP nor WHOIS. A single-address WHOIS-only record is stored too, for that address.
  if (record && cacheable) await rt.cache.setNetwork(record, DAY);
  return record;
}

/** "196.11.239.0 - 196.11.246.255" or "41.0.0.0/8" from a WHOIS answer, when it contains the address. */
export function whoisRange(
  text: string | null | undefined,
  ip: string,
): { start: string; end: string; cidr: string | null } | null {
  if (!text) return null;
  const dash = /^\s*([0-9a-fA-F:.]+)\s*-\s*([0-9a-fA-F:.]+)\s*$/.exec(text);
  let range = dash ? rangeOf(dash[1]!, dash[2]!) : null;
  const cidr = dash ? null : parseCidr(text.trim());
  if (cidr) {
    const bits = cidr.version === 4 ? 32 : 128;
    const host = (1n << BigInt(bits - cidr.prefix)) - 1n;
    const start = ipToBigInt(cidr.bytes) & ~host;
    range = { version: cidr.version, start, end: start | host };
  }
  if (!range || !rangeContainsIp(range, ip)) return null;
  return {
    start: bigIntToIp(range.start, range.version),
    end: bigIntToIp(range.end, range.version),
    cidr: exactCidr(range),
  };
}

function whoisContact(w: WhoisRecord): AbuseContact | null {
  const emails = w.abuseEmails.filter((e) => e.toLowerCase() !== 'removed@lacnic.net');
  if (!emails.length && !w.abusePhone) return null;
  return {
    handle: null,
    name: w.registrantOrg ?? w.networkName ?? null,
    roles: ['abuse'],
    emails,
    phones: w.abusePhone ? [w.abusePhone] : [],
    formUrl: null,
    scope: 'network',
    isAbuseRole: true,
    depth: 0,
    notes: [note('from_whois', { server: w.server })],
  };
}

function mergeWhoisNetwork(record: NetworkRecord | null, w: WhoisRecord, ip: string): NetworkRecord {
  const c = whoisContact(w);
  if (record) return c ? { ...record, contacts: [c, ...record.contacts] } : record;
  const range = whoisRange(w.range, ip);
  return {
    startAddress: range?.start ?? ip,
    endAddress: range?.end ?? ip,
    cidr: range?.cidr ?? w.range ?? null,
    handle: null,
    name: w.networkName ?? null,
    country: w.country,
    rir: null,
    originAsn: null,
    orgName: w.registrantOrg,
    contacts: c ? [c] : [],
    notes: [note('whois_only', { server: w.server })],
    via: 'whois',
  };
}

// ---------- domain branch: registry RDAP → registrar RDAP (related link, once) | WHOIS

interface DomainCacheEntry {
  registrar: RegistrarInfo | null;
  contacts: AbuseContact[];
  notes: Note[];
  /** The registrar hop's failure, kept with the result so a cached lookup says what the first one said. */
  errors?: LookupError[];
}

async function domainBranch(deps: LookupDeps, domain: string, errors: ErrorLog): Promise<DomainFacts | null> {
  const rt = runtimeFor(deps);
  const cached = await rt.cache.get<DomainCacheEntry>('domain', domain);
  if (cached) {
    const { errors: hopErrors, ...facts } = cached;
    hopErrors?.forEach((e) => errors.add(e));
    return { domain, ...facts, source: 'rdap' };
  }
  let base: string | null;
  try {
    base = await rdapBaseForDomain(deps, domain);
  } catch (e) {
    errors.fromUnknown(e, 'bootstrap');
    base = null;
  }
  if (!base) {
    // Fewer than a quarter of ccTLDs run RDAP (.cn does not): WHOIS is the backend's fallback.
    const w = await domainWhois(deps, domain, errors);
    if (!w && !deps.whois)
      errors.add({
        step: 'rdap-domain',
        kind: 'not-found',
        message: `The .${domain.split('.').pop()} registry has no RDAP service; WHOIS lookup needs the backend.`,
      });
    return w;
  }
  let registry;
  try {
    registry = await rdapClientFor(deps).getRdap(`${base}domain/${domain}`, 'rdap-domain');
  } catch (e) {
    errors.fromUnknown(e, 'rdap-domain');
    if (e instanceof LookupFailure && e.kind === 'not-found') return null;
    return domainWhois(deps, domain, errors);
  }
  const first = extractContacts(registry.data, 'domain');
  let contacts = first.contacts;
  let registrar = first.registrar;
  const notes = [...first.notes];
  const hopErrors: LookupError[] = [];
  // Thin registries (Verisign) point at the registrar's RDAP record: follow it once (rdap.md §1).
  const related = (registry.data.links ?? []).find(
    (l) =>
      l.rel?.toLowerCase() === 'related' && /application\/rdap\+json/i.test(l.type ?? '') && /\/domain\//i.test(l.href),
  );
  if (related) {
    try {
      const hop = await rdapClientFor(deps).getRdap(new URL(related.href, registry.url).href, 'rdap-registrar');
      const second = extractContacts(hop.data, 'domain');
      contacts = mergeContacts(contacts, second.contacts);
      registrar = { ...second.registrar, ...stripNulls(registrar) } as RegistrarInfo;
      const seen = new Set(notes.map(noteKey));
      notes.push(...second.notes.filter((n) => !seen.has(noteKey(n))));
    } catch (e) {
      const hop = new ErrorLog();
      hop.fromUnknown(e, 'rdap-registrar');
      hopErrors.push(...hop.list);
      hop.list.forEach((x) => errors.add(x));
    }
  }
  const entry: DomainCacheEntry = { registrar, contacts, notes, ...(hopErrors.length ? { errors: hopErrors } : {}) };
  // A failed hop is worth asking again sooner than a complete answer.
  await rt.cache.set('domain', domain, entry, hopErrors.length ? HOP_ERROR_TTL : DAY);
  return { domain, registrar, contacts, notes, source: 'rdap' };
}

function stripNulls<T extends object>(o: T | null): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v != null)) as Partial<T>;
}

function mergeContacts(a: AbuseContact[], b: AbuseContact[]): AbuseContact[] {
  const out = [...a];
  for (const c of b) {
    const dup = out.find(
      (x) => c.emails.length > 0 && c.emails.every((e) => x.emails.some((y) => y.toLowerCase() === e.toLowerCase())),
    );
    if (!dup) out.push(c);
  }
  return out;
}

async function domainWhois(deps: LookupDeps, domain: string, errors: ErrorLog): Promise<DomainFacts | null> {
  if (!deps.whois) return null;
  try {
    const raw = await deps.whois(domain, 'domain');
    if (raw == null) return null;
    const v = parseWhoisRecord(raw);
    if (!v.ok) {
      errors.add({ step: 'whois', kind: 'invalid-response', message: v.message });
      return null;
    }
    const w = v.record;
    const contacts = whoisDomainContacts(w);
    const registrar = {
      name: w.registrar,
      handle: w.registrarId ?? null,
      ianaId: w.registrarIanaId ?? null,
      url: w.registrarUrl,
    };
    return { domain, registrar, contacts, notes: [], source: 'whois', whois: w };
  } catch (e) {
    errors.add({
      step: 'whois',
      kind: 'unavailable',
      message: `WHOIS for ${domain} failed: ${e instanceof Error ? e.message : String(e)}`,
    });
    return null;
  }
}
