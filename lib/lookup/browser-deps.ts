/**
 * The lookup core's dependencies inside the extension (issue 17): DNS over HTTPS instead of node:dns, RDAP over the
 * page's own fetch (CORS), the IndexedDB cache, and no WHOIS (port 43 is out of a browser's reach, so the core
 * names what needs the backend). Policy is the backend's: https-only public RDAP servers, the same bootstrap,
 * retries, limits and validation, since it is the same core.
 */
import { createCorsGapFetch } from './cors-gap-fetch';
import { createDohResolver, defaultDohAllowUrl } from './doh';
import { defaultAllowUrl } from './runtime';
import { TieredLookupCache } from './tiered-cache';
import type { LookupCache, LookupDeps } from './types';
import type { ResolverChoice } from '../model/lookup-settings';

export interface BrowserLookupConfig {
  resolver: Pick<ResolverChoice, 'url' | 'format'>;
  fetch: typeof globalThis.fetch;
  cache: LookupCache;
  /** '' or undefined: IANA. */
  bootstrapBase?: string;
  /** Registry origins the user allowed to be read without CORS. */
  grantedOrigins?: readonly string[];
  /** The extension page's origin; requests to it are not cross-origin. */
  pageOrigin?: string;
  now?: () => Date;
  timeoutMs?: number;
  /**
   * The end-to-end test build serves DoH and RDAP on http://127.0.0.1; a store build never sets this, so it
   * keeps the https-and-public-only policy of the backend.
   */
  allowLoopbackHttp?: boolean;
}

export interface BrowserLookup {
  deps: LookupDeps;
  /** Registry origins seen without CORS (named gaps; the page may ask for them as optional permissions). */
  corsGaps: string[];
  /** Resolves when the cache writes of lookups so far have reached the persistent cache. */
  flush: () => Promise<void>;
}

const loopbackHttp = (url: URL) =>
  url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]');

export function createBrowserLookupDeps(cfg: BrowserLookupConfig): BrowserLookup {
  const granted = new Set(cfg.grantedOrigins ?? []);
  const cors = createCorsGapFetch(cfg.fetch, { granted: (o) => granted.has(o), pageOrigin: cfg.pageOrigin });
  const allowRdap = cfg.allowLoopbackHttp ? (u: URL) => defaultAllowUrl(u) || loopbackHttp(u) : defaultAllowUrl;
  const allowDoh = cfg.allowLoopbackHttp ? (u: URL) => defaultDohAllowUrl(u) || loopbackHttp(u) : defaultDohAllowUrl;
  const timeoutMs = cfg.timeoutMs ?? 8000;
  const now = cfg.now ?? (() => new Date());
  const cache = new TieredLookupCache(cfg.cache, now);
  const deps: LookupDeps = {
    fetch: cors.fetch,
    resolve: createDohResolver({
      url: cfg.resolver.url,
      format: cfg.resolver.format,
      fetch: cors.fetch,
      allowUrl: allowDoh,
      timeoutMs: Math.min(timeoutMs, 5000),
    }),
    now,
    cache,
    timeoutMs,
    allowUrl: allowRdap,
    ...(cfg.bootstrapBase ? { bootstrapBase: cfg.bootstrapBase } : {}),
  };
  return { deps, corsGaps: cors.gaps, flush: () => cache.flush() };
}
