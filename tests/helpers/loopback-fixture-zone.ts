/**
 * The default DNS zone for loopback tests: test hostnames resolve to real-looking public addresses that fall
 * inside the networks of the real RDAP fixtures in ../shared/fixtures/rdap, and Team Cymru TXT answers agree
 * with those networks. Use FIXTURE_SITES as the expectation table in tests (which registry, which network).
 *
 *   const dns = await startLoopbackDns({ zone: FIXTURE_ZONE });
 *   const zone = fixtureZone({ 'extra.to': { A: ['130.59.1.2'] } });   // default zone plus extras
 *
 * Host names use .to (no RDAP in the IANA bootstrap, so their domain facts come from the loopback WHOIS server)
 * or the real fixture domains (google.com, cloudflare.com, afnic.fr, ...); .test is refused by normalizeTarget.
 *
 * Origin-AS and registry facts for the Cymru answers come from the fixtures themselves where present
 * (arin_originas0, lacnic_originAutnum, nicbr_autnum); the others are illustrative test data.
 */
import type { Zone, ZoneEntry } from './loopback-dns';
import { parseIp } from '../../lib/net/ip';

export interface FixtureNetwork {
  id: string;
  /** BGP prefix as Team Cymru would print it. */
  prefix: string;
  asn: number;
  country: string;
  /** Registry as Cymru spells it. */
  registry: 'arin' | 'ripencc' | 'apnic' | 'lacnic' | 'afrinic';
  asName: string;
  /** RDAP fixture file that answers for addresses in this network (see loopback-rdap.ts). */
  fixture: string;
}

export const FIXTURE_NETWORKS: Record<string, FixtureNetwork> = {
  cloudflareV4: {
    id: 'cloudflareV4',
    prefix: '104.16.0.0/12',
    asn: 13335,
    country: 'US',
    registry: 'arin',
    asName: 'CLOUDFLARENET, US',
    fixture: 'derived:cloudflare-v4',
  },
  cloudflareV6: {
    id: 'cloudflareV6',
    prefix: '2606:4700::/32',
    asn: 13335,
    country: 'US',
    registry: 'arin',
    asName: 'CLOUDFLARENET, US',
    fixture: 'arin-ipv6-2606-4700-4700--1111-cloudflare-2024.json',
  },
  microsoft: {
    id: 'microsoft',
    prefix: '13.64.0.0/11',
    asn: 8075,
    country: 'US',
    registry: 'arin',
    asName: 'MICROSOFT-CORP-MSN-AS-BLOCK, US',
    fixture: 'arin-ip-13.64.0.0-msft-abuse-nested-in-org-2022.json',
  },
  radiolink: {
    id: 'radiolink',
    prefix: '192.198.0.0/22',
    asn: 53301,
    country: 'US',
    registry: 'arin',
    asName: 'RADIOLINK, US',
    fixture: 'arin-ipnetwork-192-198-0-0-abuse-poc.json',
  },
  googleV4: {
    id: 'googleV4',
    prefix: '74.125.0.0/16',
    asn: 15169,
    country: 'US',
    registry: 'arin',
    asName: 'GOOGLE, US',
    fixture: 'ipwhois2015-arin-ipv4-google-zero-padded-start.json',
  },
  googleV6: {
    id: 'googleV6',
    prefix: '2001:4860::/32',
    asn: 15169,
    country: 'US',
    registry: 'arin',
    asName: 'GOOGLE, US',
    fixture: 'arin-ipv6-2001-4860-google-2021.json',
  },
  switch: {
    id: 'switch',
    prefix: '130.59.0.0/16',
    asn: 559,
    country: 'CH',
    registry: 'ripencc',
    asName: 'SWITCH Peering requests: <peering@switch.ch>, CH',
    fixture: 'ripe-ip-130.59.0.0-switch-abuse-c-2022.json',
  },
  bt: {
    id: 'bt',
    prefix: '62.239.237.0/24',
    asn: 2856,
    country: 'GB',
    registry: 'ripencc',
    asName: 'BT-UK-AS BTnet UK Regional network, GB',
    fixture: 'ipwhois2015-ripe-ipv4-62-239-237-bt-range-handle.json',
  },
  btV6: {
    id: 'btV6',
    prefix: '2a00:2381::/32',
    asn: 2856,
    country: 'GB',
    registry: 'ripencc',
    asName: 'BT-UK-AS BTnet UK Regional network, GB',
    fixture: 'ipwhois2015-ripe-ipv6-2a00-2381-bt-abuse-nested.json',
  },
  apnicLabs: {
    id: 'apnicLabs',
    prefix: '1.1.1.0/24',
    asn: 13335,
    country: 'AU',
    registry: 'apnic',
    asName: 'CLOUDFLARENET, US',
    fixture: 'apnic-ip-1.1.1.1-irt-abuse-2024.json',
  },
  apnicServices: {
    id: 'apnicServices',
    prefix: '203.119.100.0/22',
    asn: 4608,
    country: 'AU',
    registry: 'apnic',
    asName: 'APNIC-SERVICES, AU',
    fixture: 'apnic-ip-203.119.100.0_22-irt-pref-abuse-2026.json',
  },
  boranet: {
    id: 'boranet',
    prefix: '210.107.0.0/17',
    asn: 9318,
    country: 'KR',
    registry: 'apnic',
    asName: 'SKB-AS SK Broadband Co Ltd, KR',
    fixture: 'ipwhois2015-apnic-ipv4-210-107-krnic-irt-abuse.json',
  },
  antel: {
    id: 'antel',
    prefix: '200.40.0.0/17',
    asn: 6057,
    country: 'UY',
    registry: 'lacnic',
    asName: 'Administracion Nacional de Telecomunicaciones, UY',
    fixture: 'lacnic-ip-200.40.0.0_17-antel-member-TRIMMED-2026.json',
  },
  lacnicOwn: {
    id: 'lacnicOwn',
    prefix: '200.3.12.0/22',
    asn: 28001,
    country: 'UY',
    registry: 'lacnic',
    asName: 'LACNIC, UY',
    fixture: 'lacnic-ip-200.3.12.0_22-lacnic-own-2026.json',
  },
  registroBr: {
    id: 'registroBr',
    prefix: '200.160.0.0/20',
    asn: 22548,
    country: 'BR',
    registry: 'lacnic',
    asName: 'NIC.BR, BR',
    fixture: 'registrobr-ip-200.160.0.0_20-abuse-no-email-cidr0-string-length-TRIMMED-2026.json',
  },
  afrinic: {
    id: 'afrinic',
    prefix: '196.11.240.0/24',
    asn: 16637,
    country: 'ZA',
    registry: 'afrinic',
    asName: 'MTNNS-AS, ZA',
    fixture: 'ipwhois2015-afrinic-ipv4-196-11-240-no-roles.json',
  },
};

export interface FixtureSite {
  host: string;
  /** network id → the addresses the host resolves to. */
  ips: string[];
  networks: string[];
  /** What the site exercises, for test names. */
  note: string;
}

const CF_NS = ['adam.ns.cloudflare.com', 'bella.ns.cloudflare.com'];

export const FIXTURE_SITES: FixtureSite[] = [
  {
    host: 'pirate-site.to',
    ips: ['104.16.132.229', '2606:4700::6810:84e5'],
    networks: ['cloudflareV4', 'cloudflareV6'],
    note: 'Cloudflare CDN (ARIN), NS hints',
  },
  {
    host: 'www.pirate-site.to',
    ips: ['104.16.132.229', '2606:4700::6810:84e5'],
    networks: ['cloudflareV4', 'cloudflareV6'],
    note: 'CNAME to cdn.cloudflare.net',
  },
  {
    host: 'ripe-host.to',
    ips: ['130.59.31.80'],
    networks: ['switch'],
    note: 'RIPE abuse-c (Hetzner/OVH-like European host)',
  },
  {
    host: 'bt-host.to',
    ips: ['62.239.237.1', '2a00:2381:ffff::1'],
    networks: ['bt', 'btV6'],
    note: 'RIPE 2015 shapes, v4 + v6',
  },
  { host: 'azure-host.to', ips: ['13.64.151.161'], networks: ['microsoft'], note: 'ARIN abuse nested in org' },
  { host: 'arin-poc.to', ips: ['192.198.1.20'], networks: ['radiolink'], note: 'ARIN person abuse POC' },
  { host: 'apnic-labs.to', ips: ['1.1.1.7'], networks: ['apnicLabs'], note: 'APNIC IRT abuse' },
  { host: 'apnic-host.to', ips: ['203.119.101.10'], networks: ['apnicServices'], note: 'APNIC IRT pref' },
  { host: 'krnic-host.to', ips: ['210.107.10.20'], networks: ['boranet'], note: 'APNIC → KRNIC registry desk' },
  { host: 'lacnic-host.to', ips: ['200.40.12.34'], networks: ['antel'], note: 'LACNIC member' },
  { host: 'lacnic-own.to', ips: ['200.3.13.1'], networks: ['lacnicOwn'], note: "LACNIC's own space" },
  {
    host: 'registrobr-host.to',
    ips: ['200.160.2.3'],
    networks: ['registroBr'],
    note: 'LACNIC redirects to registro.br',
  },
  {
    host: 'afrinic-host.to',
    ips: ['196.11.240.215'],
    networks: ['afrinic'],
    note: 'AFRINIC, no roles (WHOIS fallback)',
  },
  {
    host: 'www.google.com',
    ips: ['74.125.24.100', '2001:4860:4860::8888'],
    networks: ['googleV4', 'googleV6'],
    note: 'Verisign .com → MarkMonitor via related',
  },
  {
    host: 'www.cloudflare.com',
    ips: ['104.16.124.96', '2606:4700::6810:7c60'],
    networks: ['cloudflareV4', 'cloudflareV6'],
    note: 'Verisign .com → Cloudflare registrar (redacted)',
  },
  {
    host: 'www.themarquetry.com',
    ips: ['130.59.31.81'],
    networks: ['switch'],
    note: 'Verisign .com, registrar without a fixture',
  },
  { host: 'www.afnic.fr', ips: ['62.239.237.20'], networks: ['bt'], note: 'ccTLD .fr (AFNIC)' },
  { host: 'www.norway.no', ips: ['130.59.40.1'], networks: ['switch'], note: 'ccTLD .no (Norid)' },
  { host: 'www.pirate-books.cn', ips: ['210.107.2.2'], networks: ['boranet'], note: '.cn: no RDAP, WHOIS at CNNIC' },
  { host: 'example.com', ips: ['13.64.1.1'], networks: ['microsoft'], note: 'synthetic RFC 9537 redactions' },
];

function reverseV4(ip: string): string {
  return ip.split('.').reverse().join('.');
}
function nibbles(ip: string): string[] {
  const p = parseIp(ip);
  if (!p || p.version !== 6) throw new Error(`not IPv6: ${ip}`);
  return Array.from(p.bytes).flatMap((b) => [(b >> 4).toString(16), (b & 15).toString(16)]);
}

/** The name Team Cymru answers for an address (origin / origin6). */
export function cymruName(ip: string): string {
  return ip.includes(':')
    ? `${nibbles(ip).reverse().join('.')}.origin6.asn.cymru.com`
    : `${reverseV4(ip)}.origin.asn.cymru.com`;
}

/** Wildcard zone key covering a whole prefix, at octet (v4) or nibble (v6) granularity. */
function cymruWildcard(prefix: string): string {
  const [addr = '', lenText] = prefix.split('/');
  const len = Number(lenText);
  if (addr.includes(':')) {
    const keep = Math.floor(len / 4);
    return `*.${nibbles(addr).slice(0, keep).reverse().join('.')}.origin6.asn.cymru.com`;
  }
  const keep = Math.floor(len / 8);
  return `*.${addr.split('.').slice(0, keep).reverse().join('.')}.origin.asn.cymru.com`;
}

function buildZone(): Zone {
  const zone: Zone = {};
  for (const site of FIXTURE_SITES) {
    const entry: ZoneEntry = {
      A: site.ips.filter((ip) => !ip.includes(':')),
      AAAA: site.ips.filter((ip) => ip.includes(':')),
    };
    zone[site.host] = entry;
  }
  zone['pirate-site.to']!.NS = CF_NS;
  zone['www.pirate-site.to'] = { CNAME: 'pirate-site.to.cdn.cloudflare.net' };
  zone['pirate-site.to.cdn.cloudflare.net'] = { A: ['104.16.132.229'], AAAA: ['2606:4700::6810:84e5'] };
  zone['cloudflare.com'] = { A: ['104.16.124.96'], NS: ['ns3.cloudflare.com', 'ns4.cloudflare.com'] };
  zone['google.com'] = { A: ['74.125.24.101'], NS: ['ns1.google.com', 'ns2.google.com'] };
  zone['private-only.to'] = { A: ['10.0.0.5', '127.0.0.1'] };
  zone['loopback-only.to'] = { A: ['127.0.0.1'], AAAA: ['::1'] };
  zone['nodata.to'] = { NS: ['ns1.nodata.to'] };
  for (const net of Object.values(FIXTURE_NETWORKS)) {
    zone[cymruWildcard(net.prefix)] = {
      TXT: [`${net.asn} | ${net.prefix} | ${net.country} | ${net.registry} | 2010-07-14`],
    };
    zone[`as${net.asn}.asn.cymru.com`] ??= {
      TXT: [`${net.asn} | ${net.country} | ${net.registry} | 2010-07-14 | ${net.asName}`],
    };
  }
  return zone;
}

export const FIXTURE_ZONE: Zone = buildZone();

/** A fresh copy of the fixture zone plus extra entries (tests may mutate it freely). */
export function fixtureZone(extra: Zone = {}): Zone {
  return { ...structuredClone(FIXTURE_ZONE), ...extra };
}

export function fixtureSite(host: string): FixtureSite {
  const site = FIXTURE_SITES.find((s) => s.host === host);
  if (!site) throw new Error(`no fixture site ${host}`);
  return site;
}

/**
 * Addresses for bulk tests and benches: host i of a batch gets `BULK_NETWORKS[i % 6](i)`, spread over six fixture
 * networks (several /24s each), so a batch makes exactly one RDAP query per network when coalescing works.
 */
export const BULK_NETWORKS = [
  (i: number) => `130.59.${i % 50}.${(i % 200) + 1}`, // RIPE SWITCH (ARIN → RIPE redirect)
  (i: number) => `13.64.${i % 40}.${(i % 100) + 1}`, // ARIN MSFT
  (i: number) => `200.40.${i % 60}.${(i % 90) + 1}`, // LACNIC ANTEL
  (i: number) => `203.119.${100 + (i % 4)}.${(i % 50) + 1}`, // APNIC
  (i: number) => `196.11.${240 + (i % 5)}.${(i % 80) + 1}`, // AFRINIC
  (i: number) => `74.125.${i % 30}.${(i % 70) + 1}`, // ARIN Google (also via google.com hosts)
];
