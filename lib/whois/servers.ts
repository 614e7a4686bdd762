/** Which port-43 WHOIS server answers for what: a built-in table for TLDs, the RIRs, and IANA for the rest. */
import { parseIp } from '../net/ip';

/** ccTLDs that pirate sites favour and that have no RDAP service in the IANA bootstrap, plus a few common gTLDs. */
export const TLD_WHOIS_SERVERS: Record<string, string> = {
  cn: 'whois.cnnic.cn',
  ru: 'whois.tcinet.ru',
  su: 'whois.tcinet.ru',
  'xn--p1ai': 'whois.tcinet.ru',
  to: 'whois.tonic.to',
  cc: 'ccwhois.verisign-grs.com',
  tv: 'tvwhois.verisign-grs.com',
  io: 'whois.nic.io',
  me: 'whois.nic.me',
  ws: 'whois.website.ws',
  la: 'whois.nic.la',
  ly: 'whois.nic.ly',
  sx: 'whois.sx',
  is: 'whois.isnic.is',
  pw: 'whois.nic.pw',
  co: 'whois.nic.co',
  in: 'whois.registry.in',
  de: 'whois.denic.de',
  jp: 'whois.jprs.jp',
  kr: 'whois.kr',
  hk: 'whois.hkirc.hk',
  tw: 'whois.twnic.net.tw',
  br: 'whois.registro.br',
  com: 'whois.verisign-grs.com',
  net: 'whois.verisign-grs.com',
  org: 'whois.pir.org',
};
export const RIR_WHOIS_SERVERS = [
  'whois.arin.net',
  'whois.ripe.net',
  'whois.apnic.net',
  'whois.lacnic.net',
  'whois.afrinic.net',
  'whois.registro.br',
];
/** Where a query starts when the table has no server: IANA's "refer:" names the registry. */
export const IANA_WHOIS = 'whois.iana.org';

/** IANA delegates IPv4 by /8 and IPv6 in blocks no smaller than /32 (under 2001::/16, /23s): one referral each. */
export function ianaBlockKey(ip: string): string | null {
  const p = parseIp(ip);
  if (!p) return null;
  const b = p.bytes;
  if (p.version === 4) return `${b[0]}.0.0.0`;
  const hex = (i: number) => ((b[i]! << 8) | b[i + 1]!).toString(16);
  return `${hex(0)}:${hex(2)}::`;
}
