/**
 * Token buckets in Redis, so a per-client rate limit (and a registry's request budget) holds across every instance
 * of a team server. One Lua script refills and takes atomically; the bucket expires once it would be full again.
 * If Redis is unreachable the request is let through: a missing limiter must not take the service down with it.
 */
import type { Redis } from 'ioredis';
import type { BucketStore } from '../middleware/rate-limit';

const TAKE = `
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local capacity = tonumber(ARGV[2])
local perMs = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
local n = tonumber(ARGV[1])
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local ok = 0
if tokens >= n then tokens = tokens - n; ok = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs) + 1000)
return {ok, tostring(tokens)}
`;

export function redisBucketStore(redis: Redis, prefix = 'takedown:bucket:'): BucketStore {
  return {
    async take(key, n, capacity, perMs, nowMs) {
      try {
        const [ok, tokens] = (await redis.eval(TAKE, 1, `${prefix}${key}`, n, capacity, perMs, nowMs)) as [
          number,
          string,
        ];
        return { ok: ok === 1, tokens: Number(tokens) };
      } catch {
        return { ok: true, tokens: capacity };
      }
    },
  };
}
