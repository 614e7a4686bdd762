/** Matching RDAP facts (ASN, org/network names, IANA registrar id) to the known-provider directory. */
import type { ServiceKind } from '../model/recipient';
import { PROVIDERS } from './directory';
import type { ProviderEntry } from './schema';
import { registrarDisplayName } from '../whois/names';

export type ProviderRole = 'host' | 'cdn' | 'upstream' | 'registrar';

export interface ProviderQuery {
  role: ProviderRole;
  asn?: number | null;
  /** Org name, network name, AS name, registrar name: any of them may identify the provider. */
  names?: Array<string | null | undefined>;
  ianaId?: string | null;
  /** Network or registrar country, to pick between regional entities (Alibaba mainland vs international). */
  country?: string | null;
  /**
   * Hosts only: fall back to the ASN when no name matches (default true). Pass false when RDAP names
   * a block holder of its own: the ASN's operator is then its upstream, not its host.
   */
  asnFallback?: boolean;
}

export interface ProviderMatch {
  entry: ProviderEntry;
  by: 'asn' | 'name' | 'iana-id' | 'id';
  /** The value that matched (an ASN as "AS13335", a name, an IANA id), for the recipient's notes. */
  detail: string;
}

const compiled = new Map<string, RegExp[]>();
function patterns(e: ProviderEntry): RegExp[] {
  let p = compiled.get(e.id);
  if (!p) compiled.set(e.id, (p = e.namePatterns.map((s) => new RegExp(s, 'i'))));
  return p;
}

function fitsRole(e: ProviderEntry, role: ProviderRole): boolean {
  if (role === 'registrar') return e.kinds.includes('registrar');
  if (role === 'cdn') return e.kinds.includes('cdn');
  // A CDN-first provider is never the host: a CDN edge is caught by detection, and it cannot remove content.
  if (role === 'host') return e.kinds[0] !== 'cdn' && e.kinds.some((k) => k !== 'registrar');
  return e.kinds.some((k) => k !== 'registrar');
}

function preferCountry(list: ProviderEntry[], country: string | null | undefined, role: ProviderRole): ProviderEntry {
  const roleKind: ServiceKind | null = role === 'cdn' ? 'cdn' : role === 'registrar' ? 'registrar' : null;
  const scored = list.map((e, i) => ({
    e,
    s: (country && e.country === country ? 0 : 1) * 10 + (roleKind && e.kinds[0] === roleKind ? 0 : 1) * 5 + i / 1000,
  }));
  scored.sort((a, b) => a.s - b.s);
  // Callers pass the entries that matched, never an empty list.
  return scored[0]!.e;
}

export function findProviderById(id: string): ProviderEntry | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

export function matchProvider(q: ProviderQuery, directory: ProviderEntry[] = PROVIDERS): ProviderMatch | null {
  const candidates = directory.filter((e) => fitsRole(e, q.role));
  if (q.role === 'registrar' && q.ianaId) {
    const hit = candidates.find((e) => e.ianaIds?.includes(q.ianaId!));
    if (hit) return { entry: hit, by: 'iana-id', detail: q.ianaId };
  }
  const byAsn = (): ProviderMatch | null => {
    if (q.asn == null) return null;
    const hits = candidates.filter((e) => e.asns.includes(q.asn!));
    return hits.length ? { entry: preferCountry(hits, q.country, q.role), by: 'asn', detail: `AS${q.asn}` } : null;
  };
  const byName = (): ProviderMatch | null => {
    // "MarkMonitor, Inc. (R22-LRCC)": the registry's suffix is not part of the name the directory knows.
    const given = (q.names ?? []).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
    const names = [...new Set(given.flatMap((n) => [n, registrarDisplayName(n)]))];
    for (const name of names) {
      const hits = candidates.filter((e) => patterns(e).some((re) => re.test(name)));
      if (hits.length) return { entry: preferCountry(hits, q.country, q.role), by: 'name', detail: name };
    }
    return null;
  };
  // The block holder named in RDAP is the host even when another provider's ASN routes it (a
  // reseller's own block): for hosts the name decides first; for upstreams and CDNs the ASN does.
  if (q.role === 'host') return byName() ?? (q.asnFallback === false ? null : byAsn());
  return byAsn() ?? byName();
}

/** The language a notice to this provider should be drafted in: the first preferred one the product writes (en, zh). */
export function noticeLanguage(e: ProviderEntry): 'en' | 'zh' {
  return e.languages.find((l): l is 'en' | 'zh' => l === 'en' || l === 'zh') ?? 'en';
}
