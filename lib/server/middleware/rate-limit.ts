import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from '../api-error';

export interface RateLimitOptions {
  perMinute: number;
  now: () => Date;
  /** Who a request counts against: the bearer token if any, else the peer address. */
  clientKey: (c: Context) => string;
  maxClients?: number;
}

/** Token bucket per client: `perMinute` capacity, refilled continuously; 429 with Retry-After when empty. */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const capacity = opts.perMinute;
  const perMs = opts.perMinute / 60_000;
  const maxClients = opts.maxClients ?? 10_000;
  return async (c, next) => {
    const key = opts.clientKey(c);
    const t = opts.now().getTime();
    const b = buckets.get(key) ?? { tokens: capacity, at: t };
    b.tokens = Math.min(capacity, b.tokens + Math.max(0, t - b.at) * perMs);
    b.at = t;
    buckets.delete(key);
    buckets.set(key, b);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
    if (b.tokens < 1) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000))));
      return apiError(c, 429, 'rate_limited', 'Too many requests; retry after the number of seconds in Retry-After.');
    }
    b.tokens -= 1;
    await next();
  };
}
