/**
 * The backend's lookup service around the isomorphic core: refuses bad or private targets before any I/O,
 * caches whole results per host (+ headers) for a short time, coalesces identical in-flight lookups, bounds
 * global concurrency, and runs batches with one lookup per distinct host. Network dedupe and per-RDAP-server
 * limits live in the core (range cache, single-flight, maxPerServer).
 */
import { createHash } from 'node:crypto';
import {
  LookupResultSchema,
  type BatchResponse,
  type LookupError,
  type LookupResult,
  type StepEvent,
} from '../contract';
import { batchStats, groupByHost, normalizeTarget, Semaphore, type LookupDeps, type NormalizedTarget } from '../lookup';

/** The core (lib/lookup lookupTarget): takes a target this service already normalised, never the raw input. */
export type LookupFn = (
  target: NormalizedTarget,
  deps: LookupDeps,
  opts?: { headers?: Record<string, string>; onStep?: (e: StepEvent) => void },
) => Promise<LookupResult>;

export interface ResultStore {
  getSync<T>(namespace: string, key: string): T | undefined;
  setSync<T>(namespace: string, key: string, value: T, ttlMs: number): void;
}

export interface LookupServiceOptions {
  lookup: LookupFn;
  deps: LookupDeps;
  /** Persistent second level for whole results (the SQLite cache); the first level is an in-process LRU. */
  store?: ResultStore;
  /** Complete results; partial ones (with errors[]) are kept for errorTtlMs. */
  resultTtlMs?: number;
  errorTtlMs?: number;
  /** Concurrent lookups across all clients and batches. */
  concurrency?: number;
  maxMemoryResults?: number;
  /**
   * Team mode (lib/server/team/single-flight.ts): whole results shared by every instance through Redis, and one
   * lookup team-wide for identical requests in flight. Absent in the single-user default.
   */
  shared?: SharedResults;
}

export interface SharedResults {
  run<T>(key: string, ttlMs: (value: T) => number, work: () => Promise<T>): Promise<T>;
}

/** Input refused before any DNS/RDAP/WHOIS query; the route answers 400 with it. */
export class InvalidTarget extends Error {
  constructor(readonly error: LookupError) {
    super(error.message);
    this.name = 'InvalidTarget';
  }
}

export interface LookupService {
  /** With onStep, progress is reported when this call runs the lookup; a cached or shared result reports nothing. */
  lookup(input: string, headers?: Record<string, string>, onStep?: (e: StepEvent) => void): Promise<LookupResult>;
  /** The same for an input the caller has already normalised (the streaming route refuses bad input first). */
  lookupTarget(
    input: string,
    target: NormalizedTarget,
    headers?: Record<string, string>,
    onStep?: (e: StepEvent) => void,
  ): Promise<LookupResult>;
  batch(urls: string[]): Promise<BatchResponse>;
}

function headersKey(headers?: Record<string, string>): string {
  if (!headers || Object.keys(headers).length === 0) return '';
  const sorted = Object.entries(headers)
    .map(([k, v]) => [k.toLowerCase(), v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha1').update(JSON.stringify(sorted)).digest('base64url');
}

export function createLookupService(opts: LookupServiceOptions): LookupService {
  const resultTtl = opts.resultTtlMs ?? 5 * 60_000;
  const errorTtl = opts.errorTtlMs ?? 30_000;
  const maxMemory = opts.maxMemoryResults ?? 10_000;
  const gate = new Semaphore(opts.concurrency ?? 32);
  const memory = new Map<string, { result: LookupResult; expires: number }>();
  const inFlight = new Map<string, Promise<LookupResult>>();
  const now = () => opts.deps.now().getTime();

  function cached(key: string): LookupResult | undefined {
    const hit = memory.get(key);
    if (hit && hit.expires > now()) return hit.result;
    if (hit) memory.delete(key);
    const stored = opts.store?.getSync<{ result: unknown; expires: number }>('result', key);
    if (!stored) return undefined;
    // A result stored by an older release (plain-string notes) is read through the schema, which keeps those
    // notes as legacy notes; one that no longer parses is a miss, never a crash.
    const result = LookupResultSchema.safeParse(stored.result);
    if (!result.success) return undefined;
    remember(key, result.data, stored.expires);
    return result.data;
  }

  function remember(key: string, result: LookupResult, expires: number) {
    memory.delete(key);
    memory.set(key, { result, expires });
    if (memory.size > maxMemory) memory.delete(memory.keys().next().value as string);
  }

  async function lookupHost(
    key: string,
    target: NormalizedTarget,
    headers?: Record<string, string>,
    onStep?: (e: StepEvent) => void,
  ): Promise<LookupResult> {
    const hit = cached(key);
    if (hit) return hit;
    const running = inFlight.get(key);
    if (running) return running;
    const run = () =>
      gate.run(() => opts.lookup(target, opts.deps, headers || onStep ? { headers, onStep } : undefined));
    const ttlOf = (result: LookupResult) => (result.errors.length ? errorTtl : resultTtl);
    const task = (opts.shared ? opts.shared.run(key, ttlOf, run) : run())
      .then((result) => {
        const ttl = ttlOf(result);
        const expires = now() + ttl;
        remember(key, result, expires);
        opts.store?.setSync('result', key, { result, expires }, ttl);
        return result;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, task);
    return task;
  }

  async function lookupTarget(
    input: string,
    target: NormalizedTarget,
    headers?: Record<string, string>,
    onStep?: (e: StepEvent) => void,
  ): Promise<LookupResult> {
    const result = await lookupHost(`${target.hostname}|${headersKey(headers)}`, target, headers, onStep);
    return result.input === input ? result : { ...result, input };
  }

  async function lookup(
    input: string,
    headers?: Record<string, string>,
    onStep?: (e: StepEvent) => void,
  ): Promise<LookupResult> {
    const target = normalizeTarget(input);
    if (!target.ok) throw new InvalidTarget(target.error);
    return lookupTarget(input, target, headers, onStep);
  }

  async function batch(urls: string[]): Promise<BatchResponse> {
    const { items, groups } = groupByHost(urls);
    await Promise.all(
      groups.map(async ({ host, target, indexes }) => {
        try {
          const result = await lookupHost(`${host}|`, target);
          for (const i of indexes) items[i]!.result = { ...result, input: urls[i]! };
        } catch (err) {
          const error: LookupError = {
            step: 'input',
            kind: 'unavailable',
            message: err instanceof Error ? err.message : 'lookup failed',
          };
          for (const i of indexes) items[i]!.error = error;
        }
      }),
    );
    return { items, stats: batchStats(items, groups.length) };
  }

  return { lookup, lookupTarget, batch };
}
