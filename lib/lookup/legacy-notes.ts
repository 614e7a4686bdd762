/**
 * Caches outlive releases: a network or domain record stored before notes had codes (SQLite on the backend,
 * IndexedDB in the extension) holds plain-string notes. Every read through the core's cache passes here, so the
 * rest of the core only ever sees coded notes; an old string becomes a `legacy` note with its words kept.
 */
import { upgradeNotes } from '../model/note';
import type { AbuseContact, LookupCache, NetworkRecord } from './types';

const upgradeContacts = (cs: AbuseContact[] | undefined): AbuseContact[] =>
  (cs ?? []).map((c) => ({ ...c, notes: upgradeNotes(c.notes) }));

export function upgradeNetwork(r: NetworkRecord): NetworkRecord {
  return { ...r, contacts: upgradeContacts(r.contacts), ...(r.notes ? { notes: upgradeNotes(r.notes) } : {}) };
}

/** The cache the core reads through: domain entries and network records come out with coded notes. */
export function upgradingCache(inner: LookupCache): LookupCache {
  return {
    async get<T>(namespace: Parameters<LookupCache['get']>[0], key: string): Promise<T | undefined> {
      const v = await inner.get<T>(namespace, key);
      if (namespace !== 'domain' || v === undefined || v === null || typeof v !== 'object') return v;
      const entry = v as { notes?: unknown; contacts?: AbuseContact[] };
      return { ...entry, notes: upgradeNotes(entry.notes), contacts: upgradeContacts(entry.contacts) } as T;
    },
    set: (namespace, key, value, ttlMs) => inner.set(namespace, key, value, ttlMs),
    async getNetwork(ip) {
      const r = await inner.getNetwork(ip);
      return r ? upgradeNetwork(r) : r;
    },
    setNetwork: (record, ttlMs) => inner.setNetwork(record, ttlMs),
  };
}
