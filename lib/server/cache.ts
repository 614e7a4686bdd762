/**
 * SQLite LookupCache (better-sqlite3, synchronous, prepared statements). Networks are stored by address range
 * as fixed-width big-endian BLOBs, which SQLite compares bytewise, i.e. numerically, so getNetwork(ip) is one
 * indexed range query and any neighbouring address in a cached network costs no RDAP request (docs/rdap-quirks.md §5).
 * TAKEDOWN_CACHE=memory uses an in-memory database; a path creates the file (and its directory).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseIp } from '../net/ip';
import type { CacheNamespace, LookupCache, NetworkRecord } from '../lookup';

const PURGE_EVERY = 500;

export class SqliteLookupCache implements LookupCache {
  readonly db: Database.Database;
  private writes = 0;
  private readonly stmts: ReturnType<SqliteLookupCache['prepare']>;

  constructor(
    location = 'memory',
    private readonly now: () => Date = () => new Date(),
    warn: (line: string) => void = (line) => console.warn(line),
  ) {
    const memory = location === 'memory' || location === ':memory:';
    if (!memory) mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
    try {
      this.db = SqliteLookupCache.open(memory ? ':memory:' : location);
    } catch (err) {
      if (memory) throw err;
      // The cache holds nothing that cannot be asked again: a damaged file is kept aside for inspection and a
      // fresh one is made, instead of the server refusing to start.
      const aside = `${location}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      for (const suffix of ['', '-wal', '-shm'])
        if (existsSync(location + suffix)) renameSync(location + suffix, aside + suffix);
      warn(
        `[takedown] the lookup cache ${location} could not be opened (${err instanceof Error ? err.message : String(err)}); moved it to ${aside} and started an empty one.`,
      );
      this.db = SqliteLookupCache.open(location);
    }
    this.stmts = this.prepare();
  }

  private static open(file: string): Database.Database {
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(`
      CREATE TABLE IF NOT EXISTS kv (ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires INTEGER NOT NULL, PRIMARY KEY (ns, key)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS networks (version INTEGER NOT NULL, start BLOB NOT NULL, end BLOB NOT NULL, record TEXT NOT NULL, expires INTEGER NOT NULL, PRIMARY KEY (version, start, end)) WITHOUT ROWID;
    `);
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  private prepare() {
    return {
      get: this.db.prepare<[string, string, number], { value: string }>(
        'SELECT value FROM kv WHERE ns = ? AND key = ? AND expires > ?',
      ),
      set: this.db.prepare('INSERT OR REPLACE INTO kv (ns, key, value, expires) VALUES (?, ?, ?, ?)'),
      // Most specific containing range: latest start, then earliest end (ranges from RDAP nest).
      getNet: this.db.prepare<[number, Buffer, Buffer, number], { record: string }>(
        'SELECT record FROM networks WHERE version = ? AND start <= ? AND end >= ? AND expires > ? ORDER BY start DESC, end ASC LIMIT 1',
      ),
      setNet: this.db.prepare(
        'INSERT OR REPLACE INTO networks (version, start, end, record, expires) VALUES (?, ?, ?, ?, ?)',
      ),
      purgeKv: this.db.prepare('DELETE FROM kv WHERE expires <= ?'),
      purgeNet: this.db.prepare('DELETE FROM networks WHERE expires <= ?'),
    };
  }

  private t(): number {
    return this.now().getTime();
  }

  private afterWrite() {
    if (++this.writes % PURGE_EVERY !== 0) return;
    this.stmts.purgeKv.run(this.t());
    this.stmts.purgeNet.run(this.t());
  }

  /** Synchronous variants, for the route layer's whole-result cache on the hot path. */
  getSync<T>(namespace: string, key: string): T | undefined {
    const row = this.stmts.get.get(namespace, key, this.t());
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  setSync<T>(namespace: string, key: string, value: T, ttlMs: number): void {
    if (!(ttlMs > 0) || value === undefined) return;
    this.stmts.set.run(namespace, key, JSON.stringify(value), this.t() + ttlMs);
    this.afterWrite();
  }

  async get<T>(namespace: CacheNamespace, key: string): Promise<T | undefined> {
    return this.getSync<T>(namespace, key);
  }

  async set<T>(namespace: CacheNamespace, key: string, value: T, ttlMs: number): Promise<void> {
    this.setSync(namespace, key, value, ttlMs);
  }

  async getNetwork(ip: string): Promise<NetworkRecord | undefined> {
    const p = parseIp(ip);
    if (!p) return undefined;
    const key = Buffer.from(p.bytes);
    const row = this.stmts.getNet.get(p.version, key, key, this.t());
    return row ? (JSON.parse(row.record) as NetworkRecord) : undefined;
  }

  async setNetwork(record: NetworkRecord, ttlMs: number): Promise<void> {
    const a = parseIp(record.startAddress);
    const b = parseIp(record.endAddress);
    if (!a || !b || a.version !== b.version || !(ttlMs > 0)) return;
    const [lo, hi] =
      Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes)) <= 0 ? [a.bytes, b.bytes] : [b.bytes, a.bytes];
    this.stmts.setNet.run(a.version, Buffer.from(lo), Buffer.from(hi), JSON.stringify(record), this.t() + ttlMs);
    this.afterWrite();
  }

  close(): void {
    this.db.close();
  }
}
