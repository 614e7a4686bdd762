/**
 * A memory cache in front of a slower persistent LookupCache (the browser's IndexedDB): reads try memory first;
 * writes land in memory at once and reach the persistent cache in the background, so no IndexedDB transaction
 * sits on a lookup's critical path. A copy read from the persistent cache is kept in memory for at most
 * `memoryTtlMs`, as the interface does not say how long the stored entry has left.
 */
import { MemoryLookupCache } from './memory-cache';
import type { CacheNamespace, LookupCache, NetworkRecord } from './types';

export class TieredLookupCache implements LookupCache {
  private readonly memory: MemoryLookupCache;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly backing: LookupCache,
    now: () => Date = () => new Date(),
    private readonly memoryTtlMs = 5 * 60_000,
  ) {
    this.memory = new MemoryLookupCache(now);
  }

  /** Resolves when every background write so far has reached the persistent cache. */
  flush(): Promise<void> {
    return this.pending;
  }

  private later(write: () => Promise<void>): void {
    // A failed write (quota, a closed database) costs only a future cache miss.
    this.pending = this.pending.then(write).catch(() => undefined);
  }

  async get<T>(namespace: CacheNamespace, key: string): Promise<T | undefined> {
    const hit = await this.memory.get<T>(namespace, key);
    if (hit !== undefined) return hit;
    const stored = await this.backing.get<T>(namespace, key).catch(() => undefined);
    if (stored !== undefined) await this.memory.set(namespace, key, stored, this.memoryTtlMs);
    return stored;
  }

  async set<T>(namespace: CacheNamespace, key: string, value: T, ttlMs: number): Promise<void> {
    await this.memory.set(namespace, key, value, ttlMs);
    this.later(() => this.backing.set(namespace, key, value, ttlMs));
  }

  async getNetwork(ip: string): Promise<NetworkRecord | undefined> {
    const hit = await this.memory.getNetwork(ip);
    if (hit) return hit;
    const stored = await this.backing.getNetwork(ip).catch(() => undefined);
    if (stored) await this.memory.setNetwork(stored, this.memoryTtlMs);
    return stored;
  }

  async setNetwork(record: NetworkRecord, ttlMs: number): Promise<void> {
    await this.memory.setNetwork(record, ttlMs);
    this.later(() => this.backing.setNetwork(record, ttlMs));
  }
}
