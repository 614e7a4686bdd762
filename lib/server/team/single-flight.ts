/**
 * Single-flight across instances: the first instance to ask for a key takes a Redis lock (SET NX PX) and runs
 * the work; the others wait for the result it stores under the key (they are woken by a publish, and poll as a
 * fallback). If the holder dies, its lock expires and a waiter takes over. So one RDAP request serves identical
 * lookups arriving on different instances at the same time.
 *
 * If Redis is unreachable the work simply runs here: a lost cache is a miss, never a failed lookup.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface SharedFlight {
  /** The stored result for key, or the result of running `work` here or on the instance that got there first. */
  run<T>(key: string, ttlMs: (value: T) => number, work: () => Promise<T>): Promise<T>;
}

export interface SharedFlightOptions {
  redis: Redis;
  /** A second connection in subscriber mode (ioredis cannot mix subscribe with commands). */
  subscriber: Redis;
  prefix?: string;
  /** Lock lifetime, renewed while the work runs; a dead holder blocks others this long at most. */
  lockMs?: number;
  /** Longest a waiter waits before running the work itself. */
  waitMs?: number;
  pollMs?: number;
}

export function createSharedFlight(opts: SharedFlightOptions): SharedFlight {
  const prefix = opts.prefix ?? 'takedown:flight:';
  const lockMs = opts.lockMs ?? 15_000;
  const waitMs = opts.waitMs ?? 60_000;
  const pollMs = opts.pollMs ?? 250;
  const channel = `${prefix}done`;
  const waiters = new Map<string, Set<() => void>>();
  let subscribed: Promise<unknown> | null = null;
  opts.subscriber.on('message', (_ch: string, key: string) => {
    for (const wake of waiters.get(key) ?? []) wake();
  });
  const subscribe = () => (subscribed ??= opts.subscriber.subscribe(channel).catch(() => (subscribed = null)));

  async function stored<T>(key: string): Promise<{ value: T } | null> {
    const raw = await opts.redis.get(`${prefix}result:${key}`);
    return raw === null ? null : { value: JSON.parse(raw) as T };
  }

  function nextWake(key: string): Promise<void> {
    return new Promise((resolve) => {
      const set = waiters.get(key) ?? new Set();
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (!set.size) waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      set.add(done);
      waiters.set(key, set);
    });
  }

  async function runHere<T>(
    key: string,
    ttlMs: (value: T) => number,
    lockId: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const lockKey = `${prefix}lock:${key}`;
    const renew = setInterval(() => void opts.redis.pexpire(lockKey, lockMs).catch(() => 0), lockMs / 3);
    try {
      const value = await work();
      await opts.redis
        .multi()
        .set(`${prefix}result:${key}`, JSON.stringify(value), 'PX', Math.max(1, Math.ceil(ttlMs(value))))
        .publish(channel, key)
        .exec()
        .catch(() => null);
      return value;
    } finally {
      clearInterval(renew);
      // Release only our own lock (compare-and-delete), never one a successor took after ours expired.
      await opts.redis
        .eval(
          "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
          1,
          lockKey,
          lockId,
        )
        .catch(() => 0);
    }
  }

  return {
    async run<T>(key: string, ttlMs: (value: T) => number, work: () => Promise<T>): Promise<T> {
      const lockId = randomUUID();
      const deadline = Date.now() + waitMs;
      try {
        await subscribe();
        for (;;) {
          const hit = await stored<T>(key);
          if (hit) return hit.value;
          const got = await opts.redis.set(`${prefix}lock:${key}`, lockId, 'PX', lockMs, 'NX');
          if (got === 'OK') return await runHere(key, ttlMs, lockId, work);
          if (Date.now() > deadline) break;
          await nextWake(key);
        }
      } catch (err) {
        if (!isRedisDown(err)) throw err;
      }
      return work();
    },
  };
}

/** Errors from ioredis (connection refused, closed, timed out) rather than from the work itself. */
function isRedisDown(err: unknown): boolean {
  const e = err as { name?: string; message?: string; code?: string };
  return (
    e?.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|ECONNREFUSED|ETIMEDOUT|Stream isn't writeable|ECONNRESET/.test(`${e?.message} ${e?.code}`)
  );
}
