/** Fills in LookupDeps defaults once per deps object, so caches, semaphores and in-flight maps are shared by every lookup using it. */
import { isPublicIp } from '../net/ip';
import { CircuitBreaker } from './circuit-breaker';
import { upgradingCache } from './legacy-notes';
import { MemoryLookupCache } from './memory-cache';
import { DEFAULT_BUDGETS, RequestBudgets } from './request-budget';
import type { LookupError } from '../contract';
import type { LookupCache, LookupDeps, NetworkRecord } from './types';

export const DEFAULT_BOOTSTRAP_BASE = 'https://data.iana.org/rdap/';

export interface Runtime {
  deps: LookupDeps;
  cache: LookupCache;
  bootstrapBase: string;
  timeoutMs: number;
  allowUrl: (url: URL) => boolean;
  maxPerServer: number;
  retries: number;
  maxRetryWaitMs: number;
  sleep: (ms: number) => Promise<void>;
  deadlineMs: number;
  /** Per RDAP origin: fail fast after repeated timeouts, recover half-open. */
  breaker: CircuitBreaker;
  /** Per RDAP host: token buckets under each registry's limit. */
  budgets: RequestBudgets;
  /** Single-flight of network queries per /24 or /48 (see lookup.ts). */
  networkFlights: Map<string, Promise<{ record: NetworkRecord | null; errors: LookupError[] }>>;
  /** Anything else a module wants to memoise per runtime. */
  memo: Map<string, unknown>;
}

/** Default RDAP URL policy: https only, no credentials, and never a non-public IP-literal host. */
export function defaultAllowUrl(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (/^[\d.]+$/.test(host) || host.includes(':')) return isPublicIp(host);
  return host.includes('.') && !host.endsWith('.localhost') && host !== 'localhost';
}

const runtimes = new WeakMap<LookupDeps, Runtime>();

export function runtimeFor(deps: LookupDeps): Runtime {
  let rt = runtimes.get(deps);
  if (rt) return rt;
  const base = deps.bootstrapBase ?? DEFAULT_BOOTSTRAP_BASE;
  const timeoutMs = deps.timeoutMs ?? 8000;
  const clock = () => deps.now().getTime();
  rt = {
    deps,
    // Records stored by an older release may hold plain-string notes: read through the upgrade.
    cache: upgradingCache(deps.cache ?? new MemoryLookupCache(deps.now)),
    bootstrapBase: base.endsWith('/') ? base : `${base}/`,
    timeoutMs,
    allowUrl: deps.allowUrl ?? defaultAllowUrl,
    maxPerServer: Math.max(1, deps.maxPerServer ?? 4),
    retries: Math.max(0, deps.retries ?? 2),
    maxRetryWaitMs: deps.maxRetryWaitMs ?? 10_000,
    sleep: deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    deadlineMs: deps.deadlineMs ?? 3 * timeoutMs,
    breaker: new CircuitBreaker(clock, deps.breaker?.threshold ?? 3, deps.breaker?.cooldownMs ?? 30_000),
    // Registries count real time, whatever clock a test injects.
    budgets: new RequestBudgets({ ...DEFAULT_BUDGETS, ...deps.requestBudgets }, Date.now),
    networkFlights: new Map(),
    memo: new Map(),
  };
  runtimes.set(deps, rt);
  return rt;
}
