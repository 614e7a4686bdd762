/** Default LookupCache: in-memory with TTLs; networks are found by the range that contains an IP. */
import { rangeContainsIp, rangeOf, type IpRange } from './ip-range';
import type { CacheNamespace, LookupCache, NetworkRecord } from './types';

interface Entry {
  value: unknown;
  expires: number;
}
interface NetworkEntry {
  range: IpRange;
  record: NetworkRecord;
  expires: number;
}

export class MemoryLookupCache implements LookupCache {
  private readonly entries = new Map<string, Entry>();
  private networks: NetworkEntry[] = [];

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly maxEntries = 5000,
  ) {}

  async get<T>(namespace: CacheNamespace, key: string): Promise<T | undefined> {
    const k = `${namespace}\u0000${key}`;
    const e = this.entries.get(k);
    if (!e) return undefined;
    if (e.expires <= this.now().getTime()) {
      this.entries.delete(k);
      return undefined;
    }
    return e.value as T;
  }

  async set<T>(namespace: CacheNamespace, key: string, value: T, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0)) return;
    const k = `${namespace}\u0000${key}`;
    this.entries.delete(k);
    this.entries.set(k, { value, expires: this.now().getTime() + ttlMs });
    // Map keeps insertion order: drop the oldest when full.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** The most specific unexpired cached network that contains the IP. */
  async getNetwork(ip: string): Promise<NetworkRecord | undefined> {
    const t = this.now().getTime();
    this.networks = this.networks.filter((n) => n.expires > t);
    let best: NetworkEntry | undefined;
    for (const n of this.networks) {
      if (!rangeContainsIp(n.range, ip)) continue;
      if (!best || n.range.end - n.range.start < best.range.end - best.range.start) best = n;
    }
    return best?.record;
  }

  async setNetwork(record: NetworkRecord, ttlMs: number): Promise<void> {
    const range = rangeOf(record.startAddress, record.endAddress);
    if (!range || !(ttlMs > 0)) return;
    this.networks = this.networks.filter(
      (n) => !(n.range.start === range.start && n.range.end === range.end && n.range.version === range.version),
    );
    this.networks.push({ range, record, expires: this.now().getTime() + ttlMs });
    if (this.networks.length > this.maxEntries) this.networks.shift();
  }
}
