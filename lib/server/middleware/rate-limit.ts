import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from '../api-error';

export interface RateLimitOptions {
  perMinute: number;
  now: () => Date;
  /** Who a request counts against: the bearer token if any, else the peer address. */
  clientKey: (c: Context) => string;
  maxClients?: number;
  /**
   * Where the buckets live. Absent: in this process (the single-user default). A team server passes its Redis
   * store (lib/server/team/redis-buckets.ts) so the limit holds across every instance.
   */
  store?: BucketStore;
}

/** Takes `n` tokens from `key`'s bucket (capacity `capacity`, refilled at `perMs`); returns what is left, or false. */
export interface BucketStore {
  take(
    key: string,
    n: number,
    capacity: number,
    perMs: number,
    nowMs: number,
  ): Promise<{ ok: boolean; tokens: number }>;
}

export interface RateLimiter {
  /** Charges one token per request; 429 with Retry-After when the bucket is empty. */
  middleware: MiddlewareHandler;
  /**
   * Charges `n` more tokens to this request's client (a batch costs one per URL beyond the request itself).
   * Returns the 429 response to send when the bucket cannot cover them, else null; nothing is taken on refusal.
   */
  charge: (c: Context, n: number) => Promise<Response | null>;
}

/** Token bucket per client: `perMinute` capacity, refilled continuously. */
export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const capacity = opts.perMinute;
  const perMs = opts.perMinute / 60_000;
  const maxClients = opts.maxClients ?? 10_000;

  function takeLocal(key: string, n: number, t: number): { ok: boolean; tokens: number } {
    const b = buckets.get(key) ?? { tokens: capacity, at: t };
    b.tokens = Math.min(capacity, b.tokens + Math.max(0, t - b.at) * perMs);
    b.at = t;
    buckets.delete(key);
    buckets.set(key, b);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
    if (b.tokens < n) return { ok: false, tokens: b.tokens };
    b.tokens -= n;
    return { ok: true, tokens: b.tokens };
  }

  async function take(c: Context, n: number): Promise<Response | null> {
    const key = opts.clientKey(c);
    const t = opts.now().getTime();
    const got = opts.store ? await opts.store.take(key, n, capacity, perMs, t) : takeLocal(key, n, t);
    if (!got.ok) {
      const wait = n > capacity ? 60 : Math.max(1, Math.ceil((n - got.tokens) / perMs / 1000));
      c.header('Retry-After', String(wait));
      const what =
        n > 1 ? `This batch needs ${n} more requests of your budget (${capacity} a minute).` : 'Too many requests.';
      return apiError(c, 429, 'rate_limited', `${what} Retry after the number of seconds in Retry-After.`);
    }
    return null;
  }

  return {
    middleware: async (c, next) => {
      const refused = await take(c, 1);
      if (refused) return refused;
      await next();
    },
    charge: async (c, n) => (n > 0 ? take(c, n) : null),
  };
}

/** The per-request limiter alone (kept for callers that need no batch charge). */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  return createRateLimiter(opts).middleware;
}
