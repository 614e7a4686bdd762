import Dexie, { type EntityTable } from 'dexie';
import type { Evidence } from '../model/evidence';
import type { Notice, NoticeEvent } from '../model/notice';
import type { Work } from '../model/work';

/** Key-value settings: letterhead, backend, defaults, detection. Values are validated on read (lib/db/settings.ts). */
export interface SettingRow {
  key: string;
  value: unknown;
}

export type TakedownDb = Dexie & {
  notices: EntityTable<Notice, 'id'>;
  events: EntityTable<NoticeEvent, 'id'>;
  evidence: EntityTable<Evidence, 'id'>;
  works: EntityTable<Work, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

export const DB_NAME = 'takedown';

/**
 * The only Dexie declaration. Versions are never edited once released: a change adds a
 * version with an upgrade, and tests/unit/db upgrades a real database of the previous one.
 */
export function openDb(name = DB_NAME): TakedownDb {
  const db = new Dexie(name) as TakedownDb;
  db.version(1).stores({
    notices: 'id, status, createdAt, sentAt, host, recipientName, followUpAt, *workTitles',
    events: 'id, noticeId, [noticeId+seq], at',
    evidence: 'id, captureId, sha256',
    works: 'id, title',
    settings: 'key',
  });
  return db;
}

let shared: TakedownDb | undefined;
/** The database of the running extension context. */
export function db(): TakedownDb {
  shared ??= openDb();
  return shared;
}
