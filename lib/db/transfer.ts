import Dexie from 'dexie';
import { serializeExport } from '../export/export-json';
import { parseExport, planImport, type ImportReport, type LocalState } from '../export/import-json';
import type { NoticeEvent } from '../model/notice';
import { sha256Hex, type Sha256 } from '../tracking/sha256';
import { hostOf, type TakedownDb } from './schema';
import { BROWSER_ONLY_SETTINGS, type SettingKey } from './settings';

/** The whole database as a takedown-export JSON document (lib/export/export-format.ts). */
export async function exportAll(db: TakedownDb, now: () => Date): Promise<string> {
  const snapshot = await db.transaction(
    'r',
    [db.notices, db.events, db.evidence, db.works, db.settings, db.batches, db.letters, db.letterEvents, db.documents],
    async () => ({
      documents: await db.documents.toArray(),
      notices: await db.notices.toArray(),
      events: await db.events.toArray(),
      evidence: await db.evidence.toArray(),
      works: await db.works.toArray(),
      settings: (await db.settings.toArray()).filter((s) => !BROWSER_ONLY_SETTINGS.includes(s.key as SettingKey)),
      batches: await db.batches.toArray(),
      letters: await db.letters.toArray(),
      letterEvents: await db.letterEvents.toArray(),
    }),
  );
  return serializeExport(snapshot, now());
}

/**
 * Imports an export: refused with the first bad path if the file is corrupted or edited,
 * idempotent (a second import adds nothing), and never overwrites local records. The event rows it adds carry an
 * `imported` mark (when, which file), outside the hashed fields.
 */
export async function importAll(
  db: TakedownDb,
  text: string,
  sha256: Sha256 = sha256Hex,
  now: () => Date = () => new Date(),
): Promise<ImportReport> {
  const file = parseExport(text);
  const ids = <T extends { id: string }>(xs: T[]) => xs.map((x) => x.id);
  const present = <T>(xs: (T | undefined)[]) => xs.filter((x): x is T => x !== undefined);
  const localNotices = present(await db.notices.bulkGet(ids(file.notices)));
  const local: LocalState = {
    notices: new Map(localNotices.map((n) => [n.id, n])),
    events: new Map<string, NoticeEvent[]>(),
    evidence: new Map(
      present(await db.evidence.bulkGet(ids(file.evidence))).map(({ blob: _b, ...meta }) => [meta.id, meta]),
    ),
    works: new Map(present(await db.works.bulkGet(ids(file.works))).map((w) => [w.id, w])),
    settings: new Map(present(await db.settings.bulkGet(file.settings.map((s) => s.key))).map((s) => [s.key, s.value])),
    batches: new Map(present(await db.batches.bulkGet(ids(file.batches))).map((b) => [b.id, b])),
    documents: new Map(
      present(await db.documents.bulkGet(ids(file.documents))).map(({ blob: _b, ...meta }) => [meta.id, meta]),
    ),
    letters: {
      letters: new Map(present(await db.letters.bulkGet(ids(file.letters))).map((l) => [l.id, l])),
      events: new Map(),
      noticeIds: new Set(
        present(await db.notices.bulkGet([...new Set(file.letters.map((l) => l.followsUp))])).map((n) => n.id),
      ),
    },
  };
  for (const id of local.letters.letters.keys()) {
    local.letters.events.set(
      id,
      await db.letterEvents.where('[noticeId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
    );
  }
  for (const n of localNotices) {
    local.events.set(
      n.id,
      await db.events.where('[noticeId+seq]').between([n.id, Dexie.minKey], [n.id, Dexie.maxKey]).toArray(),
    );
  }
  const plan = await planImport(file, local, sha256, now(), await sha256(text));
  await db.transaction(
    'rw',
    [
      db.notices,
      db.events,
      db.evidence,
      db.works,
      db.settings,
      db.batches,
      db.urls,
      db.heads,
      db.letters,
      db.letterEvents,
      db.documents,
    ],
    async () => {
      await db.notices.bulkAdd(plan.add.notices);
      await db.notices.bulkPut(plan.update.notices);
      for (const n of plan.update.notices) await db.urls.where('noticeId').equals(n.id).delete();
      await db.urls.bulkAdd(
        [...plan.add.notices, ...plan.update.notices].flatMap((n) =>
          n.urls.map((url) => ({ url, noticeId: n.id, host: hostOf(url) })),
        ),
      );
      await db.events.bulkAdd(plan.add.events);
      await db.heads.bulkPut(plan.heads);
      await db.evidence.bulkAdd(plan.add.evidence);
      await db.works.bulkAdd(plan.add.works);
      await db.settings.bulkAdd(plan.add.settings);
      await db.batches.bulkAdd(plan.add.batches);
      await db.letters.bulkAdd(plan.add.letters);
      await db.letterEvents.bulkAdd(plan.add.letterEvents);
      await db.documents.bulkAdd(plan.add.documents);
    },
  );
  return plan.report;
}

/** Every notice, oldest first (CSV and Lumen exports). */
export function allNotices(db: TakedownDb) {
  return db.notices.orderBy('createdAt').toArray();
}

/** Empties every table in one transaction; the database itself stays, so open pages keep working. */
export async function clearAll(db: TakedownDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
