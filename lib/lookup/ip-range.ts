/** Address ranges as bigint bounds, for range-keyed caches and CIDR arithmetic on RDAP data. */
import { formatIp, parseIp, type IpVersion } from '../net/ip';

export interface IpRange {
  version: IpVersion;
  start: bigint;
  end: bigint;
}

export function ipToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

export function bigIntToIp(n: bigint, version: IpVersion): string {
  const len = version === 4 ? 4 : 16;
  const bytes = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--) {
    bytes[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return formatIp({ version, bytes });
}

/**
 * RDAP addresses are not always canonical: ARIN 2015 zero-pads IPv4 ("074.125.000.000") and
 * expands IPv6 in upper case; RIPE 2015 appends "/32" or "/128". Returns canonical text or null.
 */
export function canonicalAddress(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/\/\d{1,3}$/, '');
  const ip = parseIp(s);
  return ip ? formatIp(ip) : null;
}

export function rangeOf(start: string, end: string): IpRange | null {
  const a = parseIp(start);
  const b = parseIp(end);
  if (!a || !b || a.version !== b.version) return null;
  const lo = ipToBigInt(a.bytes);
  const hi = ipToBigInt(b.bytes);
  return lo <= hi ? { version: a.version, start: lo, end: hi } : { version: a.version, start: hi, end: lo };
}

export function rangeContainsIp(range: IpRange, ip: string): boolean {
  const p = parseIp(ip);
  if (!p || p.version !== range.version) return false;
  const n = ipToBigInt(p.bytes);
  return n >= range.start && n <= range.end;
}

/** The CIDR text if start..end is exactly one prefix, else null. */
export function exactCidr(range: IpRange): string | null {
  const bits = range.version === 4 ? 32 : 128;
  const size = range.end - range.start + 1n;
  if ((size & (size - 1n)) !== 0n) return null;
  const hostBits = size.toString(2).length - 1;
  if (range.start % size !== 0n) return null;
  return `${bigIntToIp(range.start, range.version)}/${bits - hostBits}`;
}

/** Key of the /24 (IPv4) or /48 (IPv6) around an address: the unit of single-flight RDAP queries. */
export function neighbourhoodKey(ip: string): string | null {
  const p = parseIp(ip);
  if (!p) return null;
  if (p.version === 4) return `${p.bytes[0]}.${p.bytes[1]}.${p.bytes[2]}.0/24`;
  const b = p.bytes;
  const g = (i: number) => ((b[i]! << 8) | b[i + 1]!).toString(16);
  return `${g(0)}:${g(2)}:${g(4)}::/48`;
}
