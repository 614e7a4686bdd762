/**
 * IP literal parsing and classification, shared by the lookup (refuse private targets) and the
 * re-check fetcher (SSRF guard). Pure: no node:net, so it runs in the extension too.
 */
export type IpVersion = 4 | 6;
export interface ParsedIp {
  version: IpVersion;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

/** Dotted-quad only; leading zeros are accepted as decimal (RIR data pads, e.g. 008.008.008.000). */
export function parseIPv4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (const [i, p] of parts.entries()) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

export function parseIPv6(input: string): Uint8Array | null {
  let s = input;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.length > 45) return null;
  let tail: Uint8Array | null = null;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    tail = parseIPv4(s.slice(lastColon + 1));
    if (!tail) return null;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const [first = '', second, ...more] = s.split('::');
  if (more.length > 0) return null;
  const halves = second === undefined ? 1 : 2;
  const toGroups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = toGroups(first);
  const rest = second === undefined ? [] : toGroups(second);
  const missing = 8 - head.length - rest.length;
  if ((halves === 1 && missing !== 0) || (halves === 2 && missing < 1)) return null;
  const groups: string[] = [...head, ...Array<string>(halves === 2 ? missing : 0).fill('0'), ...rest];
  const out = new Uint8Array(16);
  for (const [i, g] of groups.entries()) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    const n = parseInt(g, 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 0xff;
  }
  if (tail) out.set(tail, 12);
  return out;
}

export function parseIp(s: string): ParsedIp | null {
  const v4 = parseIPv4(s);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = parseIPv6(s);
  return v6 ? { version: 6, bytes: v6 } : null;
}

/** Canonical text: dotted quad, or RFC 5952 compressed lower-case IPv6. */
export function formatIp(ip: ParsedIp): string {
  if (ip.version === 4) return Array.from(ip.bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip.bytes[i]! << 8) | ip.bytes[i + 1]!);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export interface Cidr {
  version: IpVersion;
  bytes: Uint8Array;
  prefix: number;
}

export function parseCidr(s: string): Cidr | null {
  const [addr, len, extra] = s.trim().split('/');
  if (extra !== undefined) return null;
  const ip = parseIp(addr ?? '');
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  const prefix = len === undefined ? max : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { version: ip.version, bytes: ip.bytes, prefix };
}

export function cidrContains(cidr: Cidr, ip: ParsedIp): boolean {
  if (cidr.version !== ip.version) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((cidr.bytes[i]! & mask) !== (ip.bytes[i]! & mask)) return false;
  }
  return true;
}

/** Why an address must never be a lookup or fetch target; null for a public address. */
export type NonPublicReason =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'metadata'
  | 'unspecified'
  | 'reserved'
  | 'documentation';

const V4_RULES: Array<[string, NonPublicReason]> = [
  ['169.254.169.254/32', 'metadata'],
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];
const V6_RULES: Array<[string, NonPublicReason]> = [
  ['fd00:ec2::254/128', 'metadata'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['fc00::/7', 'private'],
  ['fe80::/10', 'link-local'],
  // Site-local (deprecated by RFC 3879, still routed inside some networks).
  ['fec0::/10', 'private'],
  ['ff00::/8', 'multicast'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
  ['100::/64', 'reserved'],
  // Local-use NAT64 (RFC 8215): translates into whatever IPv4 the operator's network holds.
  ['64:ff9b:1::/48', 'private'],
  // Teredo, benchmarking and ORCHID: tunnels and non-routed assignments inside 2001::/23.
  ['2001::/32', 'reserved'],
  ['2001:2::/48', 'reserved'],
  ['2001:10::/28', 'reserved'],
  ['2001:20::/28', 'reserved'],
  // 6to4 (deprecated): a relay reaches the IPv4 address embedded in bytes 2–5; never a lookup target.
  ['2002::/16', 'reserved'],
  // SRv6 SIDs (RFC 9602).
  ['5f00::/16', 'reserved'],
];
const compiled = (rules: Array<[string, NonPublicReason]>) => rules.map(([c, r]) => [parseCidr(c)!, r] as const);
const V4 = compiled(V4_RULES);
const V6 = compiled(V6_RULES);

export function nonPublicReason(ip: ParsedIp): NonPublicReason | null {
  if (ip.version === 4) return V4.find(([c]) => cidrContains(c, ip))?.[1] ?? null;
  const b = ip.bytes;
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible and NAT64 (64:ff9b::/96) forms reach the embedded IPv4 address.
  const embedsV4 =
    (b.slice(0, 10).every((x) => x === 0) &&
      ((b[10] === 0xff && b[11] === 0xff) ||
        (b[10] === 0 &&
          b[11] === 0 &&
          b.slice(12).some((x) => x !== 0) &&
          !(b[15] === 1 && b.slice(12, 15).every((x) => x === 0))))) ||
    (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.slice(4, 12).every((x) => x === 0));
  if (embedsV4) return nonPublicReason({ version: 4, bytes: b.slice(12) });
  // IPv4-translated (::ffff:0:a.b.c.d, RFC 2765 SIIT): stateless translation to a.b.c.d; not a host of its own.
  const translated =
    b.slice(0, 8).every((x) => x === 0) && b[8] === 0xff && b[9] === 0xff && b[10] === 0 && b[11] === 0;
  if (translated) return nonPublicReason({ version: 4, bytes: b.slice(12) }) ?? 'reserved';
  return V6.find(([c]) => cidrContains(c, ip))?.[1] ?? null;
}

export function isPublicIp(s: string): boolean {
  const ip = parseIp(s);
  return ip !== null && nonPublicReason(ip) === null;
}
