/**
 * Loopback RDAP server for tests and benchmarks: serves the REAL responses in ../shared/fixtures/rdap on
 * 127.0.0.1, with the IANA bootstrap files rewritten so every RDAP base URL points back at this server.
 *
 *   const rdap = await startLoopbackRdap();
 *   deps.bootstrapBase = rdap.bootstrapBase;                 // http://127.0.0.1:<port>/bootstrap/
 *   rdap.addFault({ server: 'ripe', fault: '429', retryAfter: 1, times: 1 });
 *   rdap.count({ kind: 'ip' });                              // RDAP IP queries seen so far
 *   await rdap.close();
 *
 * Paths: /bootstrap/{dns,ipv4,ipv6,asn,object-tags}.json, then /<server>/ip/<addr>[/<len>],
 * /<server>/autnum/<n>, /<server>/domain/<name>, /<server>/entity/<handle>. Server ids come from SERVER_ALIASES
 * (arin, ripe, apnic, lacnic, afrinic, registrobr, verisign-com, markmonitor, cloudflare-registrar, afnic, norid, …);
 * bootstrap URLs without an alias get a slug (`x-<host>-<path>`) and answer 404 for everything.
 * An IP/autnum query sent to the wrong registry is redirected (302) to the one holding the fixture, as RIRs do
 * (e.g. LACNIC → registro.br for 200.160.0.0/20). Links in responses (`related`, `self`, `up`) whose base URL has
 * an alias are rewritten to this server, so the Verisign → registrar hop stays on loopback.
 * One variant is derived in code (fixtures are never edited): Cloudflare's IPv4 NET-104-16-0-0-1 (104.16.0.0/12),
 * built from the IPv6 CLOUDFLARENET response with the v4 range.
 *
 * Faults (first match wins; `times` limits how often): 429 with Retry-After and an HTML body, LACNIC's 200
 * "Rate Limit Notice", 403 HTML, 422 JSON, 503, 404, timeout (never answers until close), malformed JSON,
 * oversized JSON (`bytes`), deeply nested JSON (`depth`), `no-cors` (the normal answer without CORS headers, as a
 * registry that does not serve browsers). Latency: ms or a function of the request.
 */
import http from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { RDAP_FIXTURES } from './fixtures';
import { canonicalAddress, rangeContainsIp, rangeOf, type IpRange } from '../../lib/lookup';

/** Real base URL (host + path, no scheme) → loopback server id. */
export const SERVER_ALIASES: Record<string, string> = {
  'rdap.arin.net/registry/': 'arin',
  'rdap.db.ripe.net/': 'ripe',
  'rdap.apnic.net/': 'apnic',
  'rdap.lacnic.net/rdap/': 'lacnic',
  'rdap.afrinic.net/rdap/': 'afrinic',
  'rdap.registro.br/': 'registrobr',
  'rdap.verisign.com/com/v1/': 'verisign-com',
  'rdap.verisign.com/net/v1/': 'verisign-net',
  'rdap.nic.fr/': 'afnic',
  'rdap.norid.no/': 'norid',
  'flexireg.net/moscow/rdap/': 'flexireg-moscow',
  'whois.uniregistry.net/rdap/': 'uniregistry',
  'rdap.markmonitor.com/rdap/': 'markmonitor',
  'rdap.cloudflare.com/rdap/v1/': 'cloudflare-registrar',
  'rdap.registrar.eu/v1/': 'registrar-eu',
};

const IP_SERVER_BY_PREFIX: Array<[RegExp, string]> = [
  [/^(ipwhois2015-)?arin-/, 'arin'],
  [/^(ipwhois2015-)?ripe-/, 'ripe'],
  [/^(ipwhois2015-)?apnic-/, 'apnic'],
  [/^(ipwhois2015-)?lacnic-/, 'lacnic'],
  [/^(ipwhois2015-)?afrinic-/, 'afrinic'],
  [/^registrobr-/, 'registrobr'],
];

/** Domain fixtures by server id. */
const DOMAIN_FIXTURES: Record<string, string[]> = {
  'verisign-com': [
    'verisign-com-domain-google.com-2024.json',
    'verisign-com-domain-cloudflare.com-thin-related-link-2026.json',
    'verisign-com-domain-THEMARQUETRY.COM-2022.json',
    'synthetic-domain-example.com-rfc9537-redacted.json',
  ],
  markmonitor: ['registrar-markmonitor-domain-GOOGLE.COM-2024.json'],
  'cloudflare-registrar': ['registrar-cloudflare-domain-cloudflare.com-redacted-2024.json'],
  afnic: ['cctld-domain-afnic.fr.json'],
  norid: ['norid-domain-norway.no-2021.json'],
  'flexireg-moscow': ['gtld-domain-home.moscow.json'],
  uniregistry: ['gtld-domain-microsoft.click-registrar-abuse.json'],
};

/** When two fixtures describe the same range, the first one here answers single-address queries. */
const PREFERRED = [
  'apnic-ip-1.1.1.1-irt-abuse-2024.json',
  'arin-ipv6-2606-4700-4700--1111-cloudflare-2024.json',
  'arin-ipv6-2001-4860-google-2021.json',
];

const BOOTSTRAP_FILES: Record<string, string> = {
  'dns.json': 'iana-dns-2024-07-25.json',
  'ipv4.json': 'iana-ipv4-2019-06-07.json',
  'ipv6.json': 'iana-ipv6-2019-11-06.json',
  'asn.json': 'iana-asn-2024-04-10.json',
  'object-tags.json': 'iana-object-tags.json',
};

export type RdapFaultKind =
  | '429'
  | 'lacnic-rate-limit'
  | '403'
  | '422'
  | '503'
  | '404'
  | 'timeout'
  | 'malformed'
  | 'oversized'
  | 'deep'
  | 'no-cors';
export interface RdapFault {
  server?: string;
  /** Matched against the path after the server id ("ip/130.59.31.80", "domain/google.com"). */
  path?: string | RegExp;
  kind?: RequestKind;
  fault: RdapFaultKind;
  /** Seconds, for 429 / 503. */
  retryAfter?: number;
  times?: number;
  /** oversized: body size in bytes (default 12 MiB). */
  bytes?: number;
  /** deep: nesting depth (default 5000). */
  depth?: number;
}

export type RequestKind = 'bootstrap' | 'ip' | 'autnum' | 'domain' | 'entity' | 'other';
export interface RdapRequest {
  server: string;
  path: string;
  kind: RequestKind;
  status: number;
  fault?: RdapFaultKind;
}

export interface LoopbackRdapOptions {
  latencyMs?: number | ((r: { server: string; path: string; kind: RequestKind }) => number);
  faults?: RdapFault[];
}

export interface LoopbackRdap {
  port: number;
  origin: string;
  /** Base URL for LookupDeps.bootstrapBase / TAKEDOWN_RDAP_BOOTSTRAP. */
  bootstrapBase: string;
  /** Loopback base URL of a server id, e.g. base('ripe') → http://127.0.0.1:<port>/ripe/. */
  base(server: string): string;
  requests: RdapRequest[];
  count(filter?: { server?: string; kind?: RequestKind; path?: string | RegExp }): number;
  addFault(f: RdapFault): void;
  clearFaults(): void;
  setLatency(l: LoopbackRdapOptions['latencyMs']): void;
  reset(): void;
  close(): Promise<void>;
}

export interface IpFixture {
  file: string;
  server: string;
  range: IpRange;
  body: Record<string, unknown>;
}

function slug(hostPath: string): string {
  return `x-${hostPath
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** Server id for a real RDAP base URL (scheme and port ignored). */
export function serverIdFor(url: string): string {
  const u = new URL(url);
  const key = `${u.hostname.toLowerCase()}${u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`}`;
  return SERVER_ALIASES[key] ?? slug(key);
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(RDAP_FIXTURES, file), 'utf8')) as Record<string, unknown>;
}

/** Cloudflare's IPv4 network does not exist as a fixture; build it from the IPv6 CLOUDFLARENET response. */
function derivedCloudflareV4(): Record<string, unknown> {
  const v6 = readJson('arin-ipv6-2606-4700-4700--1111-cloudflare-2024.json');
  return {
    ...v6,
    handle: 'NET-104-16-0-0-1',
    startAddress: '104.16.0.0',
    endAddress: '104.31.255.255',
    ipVersion: 'v4',
    name: 'CLOUDFLARENET',
    parentHandle: 'NET-104-0-0-0-0',
    cidr0_cidrs: [{ v4prefix: '104.16.0.0', length: 12 }],
    links: [
      {
        value: 'https://rdap.arin.net/registry/ip/104.16.0.0',
        rel: 'self',
        type: 'application/rdap+json',
        href: 'https://rdap.arin.net/registry/ip/104.16.0.0',
      },
    ],
    remarks: [
      ...((v6.remarks as unknown[]) ?? []),
      {
        title: 'loopback-rdap',
        description: ['Derived in tests/helpers/loopback-rdap.ts from the IPv6 CLOUDFLARENET fixture.'],
      },
    ],
  };
}

function loadIpFixtures(): IpFixture[] {
  const out: IpFixture[] = [];
  for (const file of readdirSync(RDAP_FIXTURES).filter((f) => f.endsWith('.json'))) {
    const server = IP_SERVER_BY_PREFIX.find(([re]) => re.test(file))?.[1];
    if (!server) continue;
    const body = readJson(file);
    const start = canonicalAddress(body.startAddress);
    const end = canonicalAddress(body.endAddress);
    const range = start && end ? rangeOf(start, end) : null;
    if (range) out.push({ file, server, range, body });
  }
  const cf = derivedCloudflareV4();
  out.push({
    file: 'derived:cloudflare-v4',
    server: 'arin',
    range: rangeOf('104.16.0.0', '104.31.255.255')!,
    body: cf,
  });
  return out;
}

/** The fixture answering an address: the smallest containing range, PREFERRED breaking ties. */
export function findIpFixture(fixtures: IpFixture[], ip: string): IpFixture | undefined {
  const rank = (f: IpFixture) => (PREFERRED.includes(f.file) ? 0 : f.file.includes('cidr-query') ? 2 : 1);
  return fixtures
    .filter((f) => rangeContainsIp(f.range, ip))
    .sort((a, b) => {
      const size = a.range.end - a.range.start - (b.range.end - b.range.start);
      return size !== 0n ? (size < 0n ? -1 : 1) : rank(a) - rank(b);
    })[0];
}

function rewriteBootstrap(file: string, origin: string): string {
  const json = readJson(`bootstrap/${file}`) as { services: string[][][] };
  const services = json.services.map((service) => {
    const urls = service[service.length - 1];
    const rewritten = [...new Set(urls!.map((u) => `${origin}/${serverIdFor(u)}/`))];
    return [...service.slice(0, -1), rewritten];
  });
  return JSON.stringify({ ...json, services });
}

/** Points links whose base URL has an alias at this server; other links (web pages) stay as they are. */
function rewriteLinks(value: unknown, origin: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteLinks(v, origin));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'href' || k === 'value') && typeof v === 'string' && /^https?:\/\//i.test(v)) {
      out[k] = rewriteUrl(v, origin);
    } else {
      out[k] = rewriteLinks(v, origin);
    }
  }
  return out;
}

function rewriteUrl(href: string, origin: string): string {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return href;
  }
  const hostPath = `${u.hostname.toLowerCase()}${u.pathname}`;
  for (const [prefix, id] of Object.entries(SERVER_ALIASES)) {
    if (hostPath.toLowerCase().startsWith(prefix)) return `${origin}/${id}/${hostPath.slice(prefix.length)}${u.search}`;
  }
  return href;
}

function rdapError(code: number, title: string): string {
  return JSON.stringify({ rdapConformance: ['rdap_level_0'], errorCode: code, title, description: [title] });
}

export async function startLoopbackRdap(opts: LoopbackRdapOptions = {}): Promise<LoopbackRdap> {
  const ipFixtures = loadIpFixtures();
  const autnums = new Map<string, { server: string; body: Record<string, unknown> }>();
  for (const file of ['arin-autnum-AS13335-cloudflare-2024.json', 'arin-autnum-AS16509-amazon.json']) {
    const body = readJson(file);
    autnums.set(String(body.startAutnum), { server: 'arin', body });
  }
  const entities = new Map<string, Record<string, unknown>>();
  for (const file of [
    'arin-entity-GOVI-2024.json',
    'arin-entity-ARIN-HOSTMASTER.json',
    'ipwhois2015-arin-entity.json',
  ]) {
    const body = readJson(file);
    entities.set(`arin/${String(body.handle).toUpperCase()}`, body);
  }
  const domains = new Map<string, Record<string, unknown>>();
  for (const [server, files] of Object.entries(DOMAIN_FIXTURES)) {
    for (const file of files) {
      const body = readJson(file);
      domains.set(`${server}/${String(body.ldhName).toLowerCase()}`, body);
    }
  }

  let faults: Array<RdapFault & { used: number }> = (opts.faults ?? []).map((f) => ({ ...f, used: 0 }));
  let latency = opts.latencyMs;
  const requests: RdapRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  let origin = '';
  let bootstrapCache: Record<string, string> = {};

  function matchFault(server: string, rest: string, kind: RequestKind) {
    for (const f of faults) {
      if (f.times !== undefined && f.used >= f.times) continue;
      if (f.server && f.server !== server) continue;
      if (f.kind && f.kind !== kind) continue;
      if (
        f.path !== undefined &&
        (typeof f.path === 'string' ? f.path.toLowerCase() !== rest.toLowerCase() : !f.path.test(rest))
      )
        continue;
      f.used++;
      return f;
    }
    return undefined;
  }

  function route(server: string, rest: string): { status: number; body: string; headers?: Record<string, string> } {
    const [kind, ...parts] = rest.split('/');
    const arg = decodeURIComponent(parts.join('/'));
    if (kind === 'ip') {
      const [addr, len] = arg.split('/');
      const ip = canonicalAddress(addr);
      if (!ip || (len !== undefined && !/^\d{1,3}$/.test(len)))
        return { status: 400, body: rdapError(400, 'Malformed IP query') };
      const fx = findIpFixture(ipFixtures, ip);
      if (!fx) return { status: 404, body: rdapError(404, 'Not Found') };
      if (fx.server !== server)
        return { status: 302, body: '', headers: { location: `${origin}/${fx.server}/ip/${arg}` } };
      return { status: 200, body: JSON.stringify(rewriteLinks(fx.body, origin)) };
    }
    if (kind === 'autnum') {
      const n = arg.replace(/^as/i, '');
      const hit = autnums.get(n);
      if (!hit) return { status: 404, body: rdapError(404, 'Not Found') };
      if (hit.server !== server)
        return { status: 302, body: '', headers: { location: `${origin}/${hit.server}/autnum/${n}` } };
      return { status: 200, body: JSON.stringify(rewriteLinks(hit.body, origin)) };
    }
    if (kind === 'domain') {
      const hit = domains.get(`${server}/${arg.toLowerCase().replace(/\.$/, '')}`);
      return hit
        ? { status: 200, body: JSON.stringify(rewriteLinks(hit, origin)) }
        : { status: 404, body: rdapError(404, 'Not Found') };
    }
    if (kind === 'entity') {
      const hit = entities.get(`${server}/${arg.toUpperCase()}`);
      return hit
        ? { status: 200, body: JSON.stringify(rewriteLinks(hit, origin)) }
        : { status: 404, body: rdapError(404, 'Not Found') };
    }
    if (kind === 'nameserver') return { status: 501, body: rdapError(501, 'Not Implemented') };
    return { status: 400, body: rdapError(400, 'Bad Request') };
  }

  function faultResponse(f: RdapFault, server: string, res: http.ServerResponse): number | null {
    const json = { 'content-type': 'application/rdap+json' };
    // Registries that serve browsers send CORS headers on errors too; `no-cors` is the fault without them.
    res.setHeader('access-control-allow-origin', '*');
    switch (f.fault) {
      case 'timeout':
        hanging.add(res);
        return null;
      case '429':
        res.writeHead(429, { 'content-type': 'text/html', 'retry-after': String(f.retryAfter ?? 1) });
        res.end(
          '<html><head><title>429 Too Many Requests</title></head><body><h1>Too Many Requests</h1></body></html>',
        );
        return 429;
      case 'lacnic-rate-limit':
        res.writeHead(200, json);
        res.end(
          JSON.stringify({
            rdapConformance: ['rdap_level_0'],
            notices: [
              { title: 'Rate Limit Notice', description: ['Rate Limit is maxed at 10 queries per 1 minutes.'] },
            ],
          }),
        );
        return 200;
      case '403':
        res.writeHead(403, { 'content-type': 'text/html' });
        res.end('<html><body>Number of allowed queries exceeded.</body></html>');
        return 403;
      case '422':
        res.writeHead(422, json);
        res.end(
          JSON.stringify({
            errorCode: 422,
            title: 'Your access is too fast',
            description: ['Your access is too fast, please try again later.'],
          }),
        );
        return 422;
      case '503':
        res.writeHead(503, {
          'content-type': 'text/plain',
          ...(f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {}),
        });
        res.end('Service Unavailable');
        return 503;
      case '404':
        res.writeHead(404, json);
        res.end(rdapError(404, 'Not Found'));
        return 404;
      case 'malformed':
        res.writeHead(200, json);
        res.end(`{"objectClassName":"ip network","handle":"NET-${server.toUpperCase()}","entities":[{"roles":["abuse"`);
        return 200;
      case 'oversized': {
        const bytes = f.bytes ?? 12 * 1024 * 1024;
        res.writeHead(200, json);
        res.end(`{"objectClassName":"ip network","remarks":[{"description":["${'x'.repeat(bytes)}"]}]}`);
        return 200;
      }
      case 'no-cors':
        return null;
      case 'deep': {
        const depth = f.depth ?? 5000;
        res.writeHead(200, json);
        res.end(
          `{"objectClassName":"ip network","entities":${'[{"roles":["abuse"],"entities":'.repeat(depth)}[]${'}]'.repeat(depth)}}`,
        );
        return 200;
      }
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, first = '', ...restParts] = url.pathname.split('/');
    const rest = restParts.join('/');
    const kind: RequestKind =
      first === 'bootstrap'
        ? 'bootstrap'
        : ((['ip', 'autnum', 'domain', 'entity'] as const).find((k) => rest.startsWith(`${k}/`)) ?? 'other');
    const record: RdapRequest = { server: first, path: rest, kind, status: 0 };
    requests.push(record);
    const delay = typeof latency === 'function' ? latency({ server: first, path: rest, kind }) : (latency ?? 0);
    const respond = () => {
      const f = matchFault(first, rest, kind);
      if (f?.fault === 'no-cors') {
        record.fault = f.fault;
        const out = route(first, rest);
        record.status = out.status;
        res.writeHead(out.status, { 'content-type': 'application/rdap+json', ...out.headers });
        return void res.end(out.body);
      }
      if (f) {
        record.fault = f.fault;
        const status = faultResponse(f, first, res);
        if (status !== null) record.status = status;
        return;
      }
      let out: { status: number; body: string; headers?: Record<string, string> };
      if (first === 'bootstrap') {
        const file = BOOTSTRAP_FILES[rest];
        if (file) bootstrapCache[rest] ??= rewriteBootstrap(file, origin);
        out = file
          ? { status: 200, body: bootstrapCache[rest]!, headers: { 'cache-control': 'max-age=86400' } }
          : { status: 404, body: rdapError(404, 'Not Found') };
      } else {
        out = route(first, rest);
      }
      record.status = out.status;
      res.writeHead(out.status, {
        'content-type': 'application/rdap+json',
        'access-control-allow-origin': '*',
        ...out.headers,
      });
      res.end(out.body);
    };
    if (delay > 0) setTimeout(respond, delay);
    else respond();
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    bootstrapBase: `${origin}/bootstrap/`,
    base: (id) => `${origin}/${id}/`,
    requests,
    count(filter = {}) {
      return requests.filter(
        (r) =>
          (filter.server === undefined || r.server === filter.server) &&
          (filter.kind === undefined || r.kind === filter.kind) &&
          (filter.path === undefined ||
            (typeof filter.path === 'string' ? r.path === filter.path : filter.path.test(r.path))),
      ).length;
    },
    addFault(f) {
      faults.push({ ...f, used: 0 });
    },
    clearFaults() {
      faults = [];
    },
    setLatency(l) {
      latency = l;
    },
    reset() {
      requests.length = 0;
      faults = [];
      latency = opts.latencyMs;
      bootstrapCache = {};
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
