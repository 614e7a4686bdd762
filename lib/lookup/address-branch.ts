/**
 * The per-address branch of a lookup: the network that holds an address (range cache → single-flight RDAP →
 * port-43 WHOIS on the backend) alongside its origin AS (Team Cymru).
 */
import { parseCidr } from '../net/ip';
import { note } from '../model/note';
import { cymruOrigin, type CymruOrigin } from './asn';
import { rdapBaseForIp } from './bootstrap';
import { ErrorLog } from './error-log';
import { bigIntToIp, exactCidr, ipToBigInt, neighbourhoodKey, rangeContainsIp, rangeOf } from './ip-range';
import { rdapClientFor } from './rdap-client';
import { parseNetwork } from './rdap-network';
import type { AddressFacts } from './recipients';
import { runtimeFor } from './runtime';
import { LookupFailure, type AbuseContact, type LookupDeps, type NetworkRecord, type WhoisRecord } from './types';
import { parseWhoisRecord } from '../whois/record';

const DAY = 24 * 60 * 60 * 1000;

/** A contact the operator itself publishes (not a registry desk) with an address to write to. */
export const hasOperatorEmail = (contacts: AbuseContact[]) =>
  contacts.some((c) => c.scope !== 'registry-desk' && c.emails.length > 0);

export async function addressBranch(deps: LookupDeps, ip: string, errors: ErrorLog): Promise<AddressFacts> {
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
    if (!base) throw new LookupFailure('rdap-ip', 'not_found', `No RDAP server is listed for ${ip}.`);
    const res = await rdapClientFor(deps).getRdap(`${base}ip/${ip}`, 'rdap-ip');
    record = parseNetwork(res.data, res.url);
    if (!record) throw new LookupFailure('rdap-ip', 'invalid_response', `RDAP answer for ${ip} has no address range.`);
    const range = rangeOf(record.startAddress, record.endAddress);
    if (!range || !rangeContainsIp(range, ip)) {
      // A registry that answers with a range not containing the IP must not poison the range cache.
      errors.add({
        step: 'rdap-ip',
        kind: 'invalid_response',
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
        else errors.add({ step: 'whois', kind: 'invalid_response', message: v.message });
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
