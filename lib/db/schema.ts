import Dexie, { type EntityTable } from 'dexie';
import type { BulkState } from '../bulk/state';
import type { Evidence } from '../model/evidence';
import type { Letter } from '../model/letter';
import type { Notice, NoticeEvent } from '../model/notice';
import type { Work } from '../model/work';
import type { RightsDocument } from '../model/rights-document';
import type { TeamNoticeRow } from '../model/team';
import { upgradeNoticeNotes } from './notice-notes-upgrade';

/** Key-value settings: letterhead, backend, defaults, detection. Values are validated on read (lib/db/settings.ts). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** Version 2: one row per infringing URL, so bulk reports and re-checks find a URL's notices. */
export interface UrlRow {
  id?: number;
  url: string;
  noticeId: string;
  host: string;
}

/** Version 2: a bulk lookup that produced several notices (Notice.batchId). */
export interface BatchRow {
  id: string;
  createdAt: string;
  label?: string;
  urlCount?: number;
  /** A bulk report (issue 7): its URLs, lookup outcomes and choices; validated on read (lib/db/bulk-batches.ts). */
  kind?: 'bulk';
  updatedAt?: string;
  bulk?: BulkState;
}

/**
 * Version 2: the last event of each notice's log, written in the same transaction as the event,
 * so "verify history" also notices a deleted tail.
 */
export interface ChainHeadRow {
  noticeId: string;
  seq: number;
  hash: string;
}

/**
 * Version 3: the browser lookup's cache (lib/db/lookup-cache.ts). Entries are throwaway copies of public registry
 * data with an expiry; they are never evidence and are not exported.
 */
export interface LookupCacheRow {
  ns: string;
  key: string;
  value: unknown;
  /** Epoch ms. */
  expires: number;
}

/** Version 3: one RDAP network per row, by address range; start/end are fixed-width hex, so they sort numerically. */
export interface LookupNetworkRow {
  version: 4 | 6;
  start: string;
  end: string;
  record: unknown;
  expires: number;
}

export type TakedownDb = Dexie & {
  notices: EntityTable<Notice, 'id'>;
  events: EntityTable<NoticeEvent, 'id'>;
  evidence: EntityTable<Evidence, 'id'>;
  works: EntityTable<Work, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  urls: EntityTable<UrlRow, 'id'>;
  batches: EntityTable<BatchRow, 'id'>;
  heads: EntityTable<ChainHeadRow, 'noticeId'>;
  lookupCache: Dexie.Table<LookupCacheRow, [string, string]>;
  lookupNetworks: Dexie.Table<LookupNetworkRow, [number, string, string]>;
  letters: EntityTable<Letter, 'id'>;
  letterEvents: EntityTable<NoticeEvent, 'id'>;
  documents: EntityTable<RightsDocument, 'id'>;
  teamNotices: EntityTable<TeamNoticeRow, 'noticeId'>;
};

export const SCHEMA_VERSION = 6;

/** The host part of a URL, lower case; '' when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export const DB_NAME = 'takedown';

/**
 * The only Dexie declaration. Versions are never edited once released: a change adds a
 * version with an upgrade, and tests/unit/db upgrades a real database of the previous one.
 */
export function openDb(name = DB_NAME): TakedownDb {
  const db = openDbAtVersion(name, SCHEMA_VERSION);
  // Old notices hold plain-string recipient notes: upgraded on every read, never rewritten in place.
  db.notices.hook('reading', upgradeNoticeNotes);
  return db;
}

/**
 * The schema as it stood at `version`; tests build a real database of an old version with it
 * and then reopen it with openDb() to exercise the upgrade.
 */
export function openDbAtVersion(name: string, version: number): TakedownDb {
  const db = new Dexie(name) as TakedownDb;
  db.version(1).stores({
    notices: 'id, status, createdAt, sentAt, host, recipientName, followUpAt, *workTitles',
    events: 'id, noticeId, [noticeId+seq], at',
    evidence: 'id, captureId, sha256',
    works: 'id, title',
    settings: 'key',
  });
  if (version < 2) return db;
  db.version(2)
    .stores({
      notices:
        'id, status, createdAt, sentAt, host, recipientName, followUpAt, *workTitles, [status+createdAt], [status+sentAt], escalatedFrom, supersedes, batchId',
      urls: '++id, url, noticeId, host, [url+noticeId]',
      batches: 'id, createdAt',
      heads: 'noticeId',
    })
    .upgrade(async (tx) => {
      // Additive: every v1 record is kept as is; only the new tables are filled in.
      const urls = tx.table<UrlRow, number>('urls');
      const heads = tx.table<ChainHeadRow, string>('heads');
      const rows: UrlRow[] = [];
      await tx
        .table<Notice, string>('notices')
        .toCollection()
        .each((n) => {
          for (const url of n.urls ?? []) rows.push({ url, noticeId: n.id, host: hostOf(url) });
        });
      await urls.bulkAdd(rows);
      const last = new Map<string, ChainHeadRow>();
      await tx
        .table<NoticeEvent, string>('events')
        .toCollection()
        .each((e) => {
          const cur = last.get(e.noticeId);
          if (!cur || e.seq > cur.seq) last.set(e.noticeId, { noticeId: e.noticeId, seq: e.seq, hash: e.hash });
        });
      await heads.bulkPut([...last.values()]);
    });
  if (version < 3) return db;
  // Additive: two new tables for the browser lookup's cache; nothing else changes.
  db.version(3).stores({
    lookupCache: '[ns+key], expires',
    lookupNetworks: '[version+start+end], [version+start], expires',
  });
  if (version < 4) return db;
  // Version 4: follow-up letters (issue 12) and their logs; additive, every earlier record is kept. Letter events have
  // the notice event shape, with `noticeId` holding the letter's id, so the same hash chain verifies them; they live in
  // their own table so a notice export never meets an event without its notice.
  db.version(4).stores({
    letters: 'id, followsUp, *relatedNoticeIds, kind, status, createdAt',
    letterEvents: 'id, noticeId, [noticeId+seq]',
  });
  if (version < 5) return db;
  // Version 5 (issue 15): the rights holder's documents (licence or ID copy, ownership proofs, powers of attorney),
  // chosen per notice. Additive: one new table, every earlier record is kept as it was.
  db.version(5).stores({ documents: 'id, kind, workId, sha256, addedAt' });
  if (version < 6) return db;
  // Version 6 (issue 19): what the team server holds of each notice (pushed or received, by whom). Additive: one new
  // table; every earlier record is kept, and a notice without a row is simply not on the team server yet.
  db.version(6).stores({ teamNotices: 'noticeId, origin' });
  return db;
}

let shared: TakedownDb | undefined;
/** The database of the running extension context. */
export function db(): TakedownDb {
  shared ??= openDb();
  return shared;
}
