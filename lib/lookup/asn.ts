/**
 * IP → origin ASN. RDAP extensions come first (rdap-network.ts); otherwise Team Cymru's DNS
 * service (TXT <reversed-ip>.origin.asn.cymru.com, nibble-reversed under origin6 for IPv6).
 * Note: this sends the target IP to the resolver and Team Cymru (nmap asn-query's warning).
 */
import { parseIp } from '../net/ip';
import { extractContacts } from './abuse';
import { rdapBaseForAsn } from './bootstrap';
import { rdapClientFor } from './rdap-client';
import { runtimeFor } from './runtime';
import { LookupFailure, type AbuseContact, type LookupDeps } from './types';

export interface CymruOrigin {
  /** A multi-origin prefix lists several ASNs. */
  asns: number[];
  prefix: string | null;
  country: string | null;
  registry: string | null;
  allocated: string | null;
}

export interface AutnumInfo {
  asn: number;
  name: string | null;
  orgName: string | null;
  handle: string | null;
  country: string | null;
  contacts: AbuseContact[];
  source: string;
}

const DAY = 24 * 60 * 60 * 1000;

export function cymruOriginName(ip: string): string | null {
  const p = parseIp(ip);
  if (!p) return null;
  if (p.version === 4) return `${[...p.bytes].reverse().join('.')}.origin.asn.cymru.com`;
  const nibbles: string[] = [];
  for (const b of p.bytes) nibbles.push((b >> 4).toString(16), (b & 0xf).toString(16));
  return `${nibbles.reverse().join('.')}.origin6.asn.cymru.com`;
}

/** "13335 | 104.16.0.0/13 | US | arin | 2014-03-28" (quotes tolerated). */
export function parseCymruTxt(txt: string): CymruOrigin | null {
  const parts = txt
    .replace(/^"|"$/g, '')
    .split('|')
    .map((s) => s.trim());
  if (parts.length < 2) return null;
  const asns = (parts[0] ?? '')
    .split(/\s+/)
    .filter((s) => /^\d{1,10}$/.test(s))
    .map(Number)
    .filter((n) => n > 0 && n <= 4294967295);
  if (asns.length === 0) return null;
  const cc = parts[2] ?? '';
  return {
    asns,
    prefix: parts[1] || null,
    country: /^[A-Za-z]{2}$/.test(cc) ? cc.toUpperCase() : null,
    registry: parts[3] ? parts[3].toLowerCase() : null,
    allocated: parts[4] || null,
  };
}

/** Team Cymru origin lookup via deps.resolve; null when the IP is not routed. Throws LookupFailure('asn') on resolver failure. */
export async function cymruOrigin(deps: LookupDeps, ip: string): Promise<CymruOrigin | null> {
  const name = cymruOriginName(ip);
  if (!name) return null;
  const rt = runtimeFor(deps);
  const cached = await rt.cache.get<CymruOrigin | null>('asn', `cymru:${ip}`);
  if (cached !== undefined) return cached;
  let txts: string[];
  try {
    txts = await deps.resolve(name, 'TXT');
  } catch (e) {
    throw new LookupFailure(
      'asn',
      'unavailable',
      `Team Cymru ASN lookup failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  // Several TXT records can answer for overlapping prefixes: the longest prefix is the origin.
  const parsed = txts.map(parseCymruTxt).filter((x): x is CymruOrigin => x !== null);
  parsed.sort((a, b) => prefixLen(b.prefix) - prefixLen(a.prefix));
  const best = parsed[0] ?? null;
  await rt.cache.set('asn', `cymru:${ip}`, best, DAY);
  return best;
}

function prefixLen(p: string | null): number {
  const m = p ? /\/(\d+)$/.exec(p) : null;
  return m ? Number(m[1]) : -1;
}

/** RDAP autnum: the AS operator's name and abuse contact, for the upstream recipient. */
export async function lookupAutnum(deps: LookupDeps, asn: number): Promise<AutnumInfo> {
  const rt = runtimeFor(deps);
  const cached = await rt.cache.get<AutnumInfo>('asn', `autnum:${asn}`);
  if (cached) return cached;
  const base = await rdapBaseForAsn(deps, asn);
  if (!base) throw new LookupFailure('rdap-asn', 'not_found', `No RDAP server is listed for AS${asn}.`);
  const res = await rdapClientFor(deps).getRdap(`${base}autnum/${asn}`, 'rdap-asn');
  const { contacts, orgName } = extractContacts(res.data, 'autnum');
  const info: AutnumInfo = {
    asn,
    name: res.data.name ?? null,
    orgName,
    handle: res.data.handle ?? null,
    country:
      typeof res.data.country === 'string' && /^[A-Za-z]{2}$/.test(res.data.country)
        ? res.data.country.toUpperCase()
        : null,
    contacts,
    source: res.url,
  };
  await rt.cache.set('asn', `autnum:${asn}`, info, DAY);
  return info;
}
