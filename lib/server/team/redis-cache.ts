/**
 * The lookup cache in Redis, shared by every instance of a team server (same LookupCache interface as the SQLite
 * one, lib/server/cache.ts). Keys expire by Redis TTL. Networks are kept by address range: a sorted set per IP
 * version whose members are "<start hex>|<end hex>" (fixed width, so lexical order is numeric order), each with
 * its record in a key that expires; getNetwork(ip) reads the few ranges starting at or below the address and keeps
 * the most specific one that still contains it (ranges from RDAP nest).
 *
 * Redis going away must not fail a lookup: every read that fails is a miss and every write that fails is dropped
 * (with one warning per outage), so the lookup goes to the registries instead.
 */
import type { Redis } from 'ioredis';
import { parseIp } from '../../net/ip';
import type { CacheNamespace, LookupCache, NetworkRecord } from '../../lookup';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
/** How many ranges starting at or below an address are examined; nesting deeper than this is not seen in RDAP. */
const CANDIDATES = 32;

export class RedisLookupCache implements LookupCache {
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'takedown:cache:',
    private readonly warn: (line: string) => void = (l) => console.warn(l),
  ) {}

  private async safe<T>(what: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const v = await what();
      this.failing = false;
      return v;
    } catch (err) {
      if (!this.failing)
        this.warn(`[takedown] Redis cache unavailable (${(err as Error).message}); lookups go to the registries.`);
      this.failing = true;
      return fallback;
    }
  }

  async get<T>(namespace: CacheNamespace | 'result', key: string): Promise<T | undefined> {
    const raw = await this.safe(() => this.redis.get(`${this.prefix}${namespace}:${key}`), null);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set<T>(namespace: CacheNamespace | 'result', key: string, value: T, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0) || value === undefined) return;
    await this.safe(
      () => this.redis.set(`${this.prefix}${namespace}:${key}`, JSON.stringify(value), 'PX', Math.ceil(ttlMs)),
      null,
    );
  }

  async getNetwork(ip: string): Promise<NetworkRecord | undefined> {
    const p = parseIp(ip);
    if (!p) return undefined;
    const at = hex(p.bytes);
    const zkey = `${this.prefix}net${p.version}`;
    // "|~" sorts after any "|<end hex>", so every range starting exactly at the address is included.
    const members = await this.safe(
      () => this.redis.zrevrangebylex(zkey, `[${at}|~`, '-', 'LIMIT', 0, CANDIDATES),
      [] as string[],
    );
    const containing = members
      .map((m) => ({ m, start: m.slice(0, at.length), end: m.slice(at.length + 1) }))
      .filter((r) => r.end >= at)
      .sort((a, b) => (a.start !== b.start ? (a.start < b.start ? 1 : -1) : a.end < b.end ? -1 : 1));
    if (!containing.length) return undefined;
    const records = await this.safe(
      () => this.redis.mget(containing.map((r) => `${this.prefix}netrec${p.version}:${r.m}`)),
      [] as (string | null)[],
    );
    const gone = containing.filter((_, i) => records[i] === null || records[i] === undefined).map((r) => r.m);
    if (gone.length) await this.safe(() => this.redis.zrem(zkey, ...gone), 0);
    const hit = records.find((r) => typeof r === 'string');
    return hit ? (JSON.parse(hit) as NetworkRecord) : undefined;
  }

  async setNetwork(record: NetworkRecord, ttlMs: number): Promise<void> {
    const a = parseIp(record.startAddress);
    const b = parseIp(record.endAddress);
    if (!a || !b || a.version !== b.version || !(ttlMs > 0)) return;
    const [lo, hi] = hex(a.bytes) <= hex(b.bytes) ? [hex(a.bytes), hex(b.bytes)] : [hex(b.bytes), hex(a.bytes)];
    const member = `${lo}|${hi}`;
    await this.safe(
      () =>
        this.redis
          .multi()
          .set(`${this.prefix}netrec${a.version}:${member}`, JSON.stringify(record), 'PX', Math.ceil(ttlMs))
          .zadd(`${this.prefix}net${a.version}`, 0, member)
          .exec(),
      null,
    );
  }
}
