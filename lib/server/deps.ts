/** Real dependencies for the lookup core, built from ServerConfig; shared by main.ts and the CLI. */
import type { LookupCache, LookupDeps } from '../lookup';
import { SqliteLookupCache } from './cache';
import type { ServerConfig } from './config';
import { createPublicOnlyFetch } from './public-only-fetch';
import { createRangeCoalescingFetch } from './rdap-range-fetch';
import { resolveAll } from './recheck/resolve-all';
import { createResolver } from './resolver';
import { createWhois } from './whois43';

export interface BuiltDeps {
  deps: LookupDeps;
  cache: SqliteLookupCache;
}

/** Every A and AAAA address of a name for /v1/recheck, through TAKEDOWN_DNS_SERVERS when set (else the system). */
export function buildRecheckResolve(
  config: Pick<ServerConfig, 'dnsServers' | 'timeoutMs'>,
): (hostname: string) => Promise<string[]> {
  if (!config.dnsServers?.length) return resolveAll;
  const resolve = createResolver({ servers: config.dnsServers, timeoutMs: Math.min(config.timeoutMs, 5000) });
  return async (hostname) => {
    const [v4, v6] = await Promise.all([resolve(hostname, 'A'), resolve(hostname, 'AAAA')]);
    return [...v4, ...v6];
  };
}

/**
 * `shared`: a team server's Redis cache (lib/server/team), used by the core and WHOIS instead of SQLite.
 * `wrapNetworkFetch`: a team server's cross-instance RDAP coalescing, placed under the in-process one.
 */
export function buildLookupDeps(
  config: ServerConfig,
  now: () => Date = () => new Date(),
  shared?: LookupCache,
  wrapNetworkFetch: (f: typeof fetch) => typeof fetch = (f) => f,
): BuiltDeps {
  const cache = new SqliteLookupCache(shared ? 'memory' : config.cache, now);
  const deps: LookupDeps = {
    // Tests serve RDAP on loopback (allowHttpRdap); everywhere else every RDAP host must be public.
    fetch: createRangeCoalescingFetch(
      wrapNetworkFetch(config.allowHttpRdap ? globalThis.fetch : createPublicOnlyFetch()),
      { now },
    ),
    resolve: createResolver({ servers: config.dnsServers, timeoutMs: Math.min(config.timeoutMs, 5000) }),
    whois: createWhois({ route: config.whoisRoute, timeoutMs: config.timeoutMs, cache: shared ?? cache }),
    now,
    cache: shared ?? cache,
    timeoutMs: config.timeoutMs,
    ...(config.rdapBootstrap ? { bootstrapBase: config.rdapBootstrap } : {}),
    // Tests serve RDAP from http://127.0.0.1; production keeps the core's https-and-public-only default.
    ...(config.allowHttpRdap ? { allowUrl: (url: URL) => url.protocol === 'http:' || url.protocol === 'https:' } : {}),
  };
  return { deps, cache };
}
