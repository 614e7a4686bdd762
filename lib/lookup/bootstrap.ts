/**
 * IANA RDAP bootstrap (RFC 9224): which RDAP server answers for an IP, an ASN or a TLD.
 * Files are fetched once, cached for the server's Cache-Control max-age (IANA: 86400 s), and indexed once.
 */
import { z } from 'zod';
import { parseCidr, parseIp, cidrContains, type Cidr } from '../net/ip';
import { rdapClientFor } from './rdap-client';
import { runtimeFor, type Runtime } from './runtime';
import { LookupFailure, type LookupDeps } from './types';

export type BootstrapKind = 'dns' | 'ipv4' | 'ipv6' | 'asn';

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_TTL_MS = 7 * DEFAULT_TTL_MS;

export const BootstrapFileSchema = z.looseObject({
  version: z.string().max(20),
  publication: z.string().max(100).optional(),
  description: z.string().max(1000).optional(),
  services: z
    .array(z.tuple([z.array(z.string().max(300)).max(10_000), z.array(z.string().max(2048)).max(20)]))
    .max(5000),
});
export type BootstrapFile = z.infer<typeof BootstrapFileSchema>;

interface IpIndex {
  kind: 'ip';
  entries: Array<{ cidr: Cidr; urls: string[] }>;
}
interface AsnIndex {
  kind: 'asn';
  entries: Array<{ lo: number; hi: number; urls: string[] }>;
}
interface DnsIndex {
  kind: 'dns';
  map: Map<string, string[]>;
}

const indexes = new WeakMap<BootstrapFile, IpIndex | AsnIndex | DnsIndex>();

/** Cache-Control max-age in ms, or the default; never longer than a week. */
export function maxAgeMs(cacheControl: string | null): number {
  const m = cacheControl ? /max-age=(\d+)/i.exec(cacheControl) : null;
  if (!m) return DEFAULT_TTL_MS;
  if (/no-store|no-cache/i.test(cacheControl ?? '')) return 0;
  return Math.min(Number(m[1]) * 1000, MAX_TTL_MS);
}

export async function loadBootstrap(deps: LookupDeps, kind: BootstrapKind): Promise<BootstrapFile> {
  const rt = runtimeFor(deps);
  const cached = await rt.cache.get<BootstrapFile>('bootstrap', kind);
  if (cached) {
    // A persistent cache hands back a fresh copy each time: reuse the indexed one if it is the same publication.
    const memo = rt.memo.get(`bootstrap:${kind}`) as BootstrapFile | undefined;
    return memo && memo.publication === cached.publication && memo.services.length === cached.services.length
      ? memo
      : remember(rt, kind, cached);
  }
  const url = `${rt.bootstrapBase}${kind}.json`;
  const res = await rdapClientFor(deps).getJson(url, 'bootstrap');
  const parsed = BootstrapFileSchema.safeParse(res.json);
  if (!parsed.success)
    throw new LookupFailure(
      'bootstrap',
      'invalid_response',
      `IANA bootstrap ${kind}.json is malformed: ${parsed.error.issues[0]?.message}`,
    );
  const ttl = maxAgeMs(res.headers.get('cache-control'));
  // Zero TTL (no-store) still serves this lookup; the next one refetches.
  await rt.cache.set('bootstrap', kind, parsed.data, ttl || 1);
  return remember(rt, kind, parsed.data);
}

function remember(rt: Runtime, kind: BootstrapKind, file: BootstrapFile): BootstrapFile {
  rt.memo.set(`bootstrap:${kind}`, file);
  return file;
}

/** Prefer https, and only URLs the runtime allows (docs/rdap-quirks.md §3: some bootstrap entries are http-only). */
function pickUrl(rt: Runtime, urls: string[]): string | null {
  const allowed = urls.filter((u) => {
    try {
      return rt.allowUrl(new URL(u));
    } catch {
      return false;
    }
  });
  const best = allowed.find((u) => u.startsWith('https:')) ?? allowed[0];
  if (!best) return null;
  return best.endsWith('/') ? best : `${best}/`;
}

function ipIndex(file: BootstrapFile): IpIndex {
  let idx = indexes.get(file);
  if (idx?.kind === 'ip') return idx;
  const entries: IpIndex['entries'] = [];
  for (const [keys, urls] of file.services) {
    for (const k of keys) {
      const cidr = parseCidr(k);
      if (cidr) entries.push({ cidr, urls });
    }
  }
  entries.sort((a, b) => b.cidr.prefix - a.cidr.prefix);
  idx = { kind: 'ip', entries };
  indexes.set(file, idx);
  return idx;
}

function asnIndex(file: BootstrapFile): AsnIndex {
  let idx = indexes.get(file);
  if (idx?.kind === 'asn') return idx;
  const entries: AsnIndex['entries'] = [];
  for (const [keys, urls] of file.services) {
    for (const k of keys) {
      // Ranges "1-1876" and bare numbers "2043" both occur.
      const m = /^(\d+)(?:-(\d+))?$/.exec(k.trim());
      if (m) entries.push({ lo: Number(m[1]), hi: Number(m[2] ?? m[1]), urls });
    }
  }
  idx = { kind: 'asn', entries };
  indexes.set(file, idx);
  return idx;
}

function dnsIndex(file: BootstrapFile): DnsIndex {
  let idx = indexes.get(file);
  if (idx?.kind === 'dns') return idx;
  const map = new Map<string, string[]>();
  for (const [keys, urls] of file.services) for (const k of keys) map.set(k.toLowerCase().replace(/\.$/, ''), urls);
  idx = { kind: 'dns', map };
  indexes.set(file, idx);
  return idx;
}

/** Longest-prefix match of an IP in ipv4.json / ipv6.json → RDAP base URL (ends with '/'), or null. */
export function findIpBase(rt: Runtime, file: BootstrapFile, ip: string): string | null {
  const p = parseIp(ip);
  if (!p) return null;
  for (const e of ipIndex(file).entries) if (cidrContains(e.cidr, p)) return pickUrl(rt, e.urls);
  return null;
}

export function findAsnBase(rt: Runtime, file: BootstrapFile, asn: number): string | null {
  const hit = asnIndex(file).entries.find((e) => asn >= e.lo && asn <= e.hi);
  return hit ? pickUrl(rt, hit.urls) : null;
}

/** Longest label-suffix match of a domain in dns.json. */
export function findDomainBase(rt: Runtime, file: BootstrapFile, domain: string): string | null {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
  const idx = dnsIndex(file);
  for (let i = 0; i < labels.length; i++) {
    const urls = idx.map.get(labels.slice(i).join('.'));
    if (urls) return pickUrl(rt, urls);
  }
  return null;
}

export async function rdapBaseForIp(deps: LookupDeps, ip: string): Promise<string | null> {
  const p = parseIp(ip);
  if (!p) return null;
  return findIpBase(runtimeFor(deps), await loadBootstrap(deps, p.version === 4 ? 'ipv4' : 'ipv6'), ip);
}
export async function rdapBaseForAsn(deps: LookupDeps, asn: number): Promise<string | null> {
  return findAsnBase(runtimeFor(deps), await loadBootstrap(deps, 'asn'), asn);
}
export async function rdapBaseForDomain(deps: LookupDeps, domain: string): Promise<string | null> {
  return findDomainBase(runtimeFor(deps), await loadBootstrap(deps, 'dns'), domain);
}
