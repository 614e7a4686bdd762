/**
 * The RDAP range coalescing of lib/server/rdap-range-fetch.ts, across instances: a bulk batch split over two
 * instances must still cost one IP query per network. Inside each process, createRangeCoalescingFetch already
 * makes neighbouring addresses wait for one query; this wrapper (placed under it, over the network) does the same
 * through Redis: a query takes a lock for its registry and /16 (IPv4) or /32 (IPv6) block, a query from another
 * instance for the same block waits for it, and an answer whose start–end range contains the address is replayed
 * from Redis (an RDAP ip network object answers for every address in its range). If Redis is unreachable the
 * query simply goes to the registry.
 */
import type { Redis } from 'ioredis';
import { canonicalAddress, MAX_BODY_BYTES, rangeContainsIp, rangeOf } from '../../lookup';
import { parseIp } from '../../net/ip';
import { readBodyOnce } from '../rdap-range-fetch';

const IP_PATH = /^(.*\/)ip\/([^/?#]+)$/;

interface Stored {
  start: string;
  end: string;
  headers: [string, string][];
  body: string;
}

export interface TeamRangeOptions {
  redis: Redis;
  prefix?: string;
  /** How long an answer is replayed (default 10 minutes, as in-process). */
  ttlMs?: number;
  /** How long a query waits for another instance's query of the same block. */
  waitMs?: number;
}

export function teamRangeFetch(inner: typeof fetch, opts: TeamRangeOptions): typeof fetch {
  const prefix = opts.prefix ?? 'takedown:range:';
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const waitMs = opts.waitMs ?? 10_000;

  async function replay(group: string, addr: string, url: string): Promise<Response | null> {
    const all = await opts.redis.hvals(`${prefix}answers:${group}`);
    for (const raw of all) {
      const s = JSON.parse(raw) as Stored;
      const range = rangeOf(s.start, s.end);
      if (range && rangeContainsIp(range, addr)) {
        const res = new Response(s.body, { status: 200, headers: s.headers });
        Object.defineProperty(res, 'url', { value: url });
        return res;
      }
    }
    return null;
  }

  async function ipQuery(url: string, base: string, addr: string, init?: RequestInit): Promise<Response> {
    const ip = parseIp(addr)!;
    const b = ip.bytes;
    const block = ip.version === 4 ? `${b[0]}.${b[1]}` : `${b[0]}:${b[1]}:${b[2]}:${b[3]}`;
    const group = `${base}|${block}`;
    const lockKey = `${prefix}lock:${group}`;
    const deadline = Date.now() + waitMs;
    let locked: boolean;
    try {
      for (;;) {
        const found = await replay(group, addr, url);
        if (found) return found;
        locked = (await opts.redis.set(lockKey, '1', 'PX', waitMs, 'NX')) === 'OK';
        if (locked || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } catch {
      return inner(url, init);
    }
    try {
      const res = await inner(url, init);
      if (res.status !== 200) return res;
      const text = await readBodyOnce(res, MAX_BODY_BYTES, 'rdap-ip');
      const headers = [...res.headers.entries()];
      try {
        const json = JSON.parse(text) as { startAddress?: unknown; endAddress?: unknown };
        const start = canonicalAddress(json.startAddress);
        const end = canonicalAddress(json.endAddress);
        const range = start && end ? rangeOf(start, end) : null;
        if (start && end && range && rangeContainsIp(range, addr)) {
          const key = `${prefix}answers:${group}`;
          const stored: Stored = { start, end, headers, body: text };
          await opts.redis
            .multi()
            .hset(key, `${start}-${end}`, JSON.stringify(stored))
            .pexpire(key, ttl)
            .exec()
            .catch(() => null);
        }
      } catch {
        // Not JSON: the core reports it; nothing to replay.
      }
      const out = new Response(text, { status: 200, headers });
      Object.defineProperty(out, 'url', { value: res.url || url });
      return out;
    } finally {
      if (locked) await opts.redis.del(lockKey).catch(() => 0);
    }
  }

  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (
      init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')
    ).toUpperCase();
    const m = IP_PATH.exec(url);
    const [, base, raw] = m ?? [];
    const addr = raw ? decodeURIComponent(raw) : '';
    if (method !== 'GET' || base === undefined || !parseIp(addr)) return inner(input, init);
    return ipQuery(url, base, addr, init);
  };
}
