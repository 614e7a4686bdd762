/**
 * The browser lookup's persistent cache (LookupCache over IndexedDB), so a second report on the same network,
 * domain or bootstrap file costs no registry request even after the page is closed. Like the backend's SQLite
 * cache, networks are stored by address range: start and end are fixed-width hex strings, which IndexedDB
 * compares like the numbers they encode, so the most specific range containing an address is found by walking
 * the [version+start] index downwards from that address.
 */
import Dexie from 'dexie';
import type { CacheNamespace, LookupCache, NetworkRecord } from '../lookup';
import { parseIp } from '../net/ip';
import type { TakedownDb } from './schema';

const PURGE_EVERY = 200;
/** Nested RDAP ranges are few; a walk this long without a hit means no cached range holds the address. */
const MAX_WALK = 256;

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export class DexieLookupCache implements LookupCache {
  private writes = 0;

  constructor(
    private readonly db: TakedownDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private t(): number {
    return this.now().getTime();
  }

  async get<T>(namespace: CacheNamespace, key: string): Promise<T | undefined> {
    const row = await this.db.lookupCache.get([namespace, key]);
    if (!row || row.expires <= this.t()) return undefined;
    return row.value as T;
  }

  async set<T>(namespace: CacheNamespace, key: string, value: T, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0) || value === undefined) return;
    await this.db.lookupCache.put({ ns: namespace, key, value, expires: this.t() + ttlMs });
    await this.afterWrite();
  }

  async getNetwork(ip: string): Promise<NetworkRecord | undefined> {
    const p = parseIp(ip);
    if (!p) return undefined;
    const at = hex(p.bytes);
    const t = this.t();
    let best: { start: string; end: string; record: NetworkRecord } | undefined;
    // Latest start at or below the address first; among equal starts, the earliest end is the most specific.
    await this.db.lookupNetworks
      .where('[version+start]')
      .between([p.version, Dexie.minKey], [p.version, at], true, true)
      .reverse()
      .until((row) => best !== undefined && row.start !== best.start)
      .limit(MAX_WALK)
      .each((row) => {
        if (row.end < at || row.expires <= t) return;
        if (!best || (row.start === best.start && row.end < best.end))
          best = { start: row.start, end: row.end, record: row.record as NetworkRecord };
      });
    return best?.record;
  }

  async setNetwork(record: NetworkRecord, ttlMs: number): Promise<void> {
    const a = parseIp(record.startAddress);
    const b = parseIp(record.endAddress);
    if (!a || !b || a.version !== b.version || !(ttlMs > 0)) return;
    const [lo, hi] = hex(a.bytes) <= hex(b.bytes) ? [hex(a.bytes), hex(b.bytes)] : [hex(b.bytes), hex(a.bytes)];
    await this.db.lookupNetworks.put({ version: a.version, start: lo, end: hi, record, expires: this.t() + ttlMs });
    await this.afterWrite();
  }

  /** Expired rows are dropped now and then, so the cache does not grow without bound. */
  private async afterWrite(): Promise<void> {
    if (++this.writes % PURGE_EVERY !== 0) return;
    const t = this.t();
    await this.db.lookupCache.where('expires').below(t).delete();
    await this.db.lookupNetworks.where('expires').below(t).delete();
  }

  /** Empties the cache (options page: "forget cached registry answers"). */
  async clear(): Promise<void> {
    await this.db.transaction('rw', this.db.lookupCache, this.db.lookupNetworks, async () => {
      await this.db.lookupCache.clear();
      await this.db.lookupNetworks.clear();
    });
  }
}
