import { beforeEach, describe, expect, it } from 'vitest';
import { createNoticesRepo, type NoticesRepo } from '../../../lib/db/notices-repo';
import type { TakedownDb } from '../../../lib/db/schema';
import { writeSetting } from '../../../lib/db/settings';
import { exportAll, importAll } from '../../../lib/db/transfer';
import { AppError } from '../../../lib/errors';
import { EXPORT_FORMAT, type ExportFile } from '../../../lib/export/export-format';
import { RecipientSchema } from '../../../lib/model/recipient';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { freshDb } from '../../helpers/fresh-db';

const host = RecipientSchema.parse({ role: 'host', name: 'Hoster', providerId: 'hoster' });
let clock: Date;
const now = () => clock;

async function openFresh(): Promise<TakedownDb> {
  const d = freshDb('export');
  await d.open();
  return d;
}

let src: TakedownDb;
let repo: NoticesRepo;
const blobBytes = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7 + 3) & 0xff);

beforeEach(async () => {
  clock = new Date('2026-03-02T09:00:00Z');
  src = await openFresh();
  repo = createNoticesRepo({ db: src, now });
  const a = await repo.createDraft({
    urls: ['https://pirate.example/a', 'https://pirate.example/"b",c'],
    workIds: ['w1'],
    workTitles: ['Book'],
    evidenceIds: ['ev1'],
  });
  await repo.markSent(a.id, { at: clock.toISOString(), channel: 'email', recipient: host, text: 'Dear Hoster,\n…' });
  await repo.recordEvent(a.id, 'removed', {}, 'system');
  await repo.createDraft({ urls: ['https://other.example/x'], explanation: '草稿' });
  await src.evidence.add({
    id: 'ev1',
    captureId: 'c1',
    kind: 'screenshot',
    mime: 'image/png',
    sha256: await sha256Hex(blobBytes),
    size: blobBytes.length,
    url: 'https://pirate.example/a',
    capturedAt: clock.toISOString(),
    note: '',
    blob: new Blob([blobBytes], { type: 'image/png' }),
  });
  await src.works.add({
    id: 'w1',
    title: 'Book',
    aliases: [],
    owner: 'ACME',
    registration: '',
    originalUrl: 'https://acme.example/book',
    officialDomains: [],
    keywords: [],
  });
  await writeSetting(src, 'defaults', { regime: 'us-dmca', lang: 'en' });
  await src.batches.add({ id: 'b1', createdAt: clock.toISOString(), urlCount: 2 });
});

async function expectRefused(p: Promise<unknown>, path: string) {
  try {
    await p;
    expect.unreachable();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('invalid_input');
    expect((err as AppError).details.path).toBe(path);
    expect((err as AppError).message).toContain(path);
  }
}

describe('JSON export / import', () => {
  it('round-trips everything, evidence byte for byte, and a second import adds nothing', async () => {
    const text = await exportAll(src, now);
    const file = JSON.parse(text) as ExportFile;
    expect(file).toMatchObject({ format: EXPORT_FORMAT, schemaVersion: 5, exportedAt: clock.toISOString() });
    expect(file.notices).toHaveLength(2);

    const dst = await openFresh();
    const first = await importAll(dst, text, sha256Hex, now);
    expect(first.added).toEqual({
      notices: 2,
      events: 4,
      evidence: 1,
      works: 1,
      settings: 1,
      batches: 1,
      letters: 0,
      documents: 0,
    });
    expect(first.skipped).toEqual([]);

    const ev = (await dst.evidence.get('ev1'))!;
    expect(ev.blob.type).toBe('image/png');
    expect(new Uint8Array(await ev.blob.arrayBuffer())).toEqual(blobBytes);
    for (const t of ['notices', 'works', 'settings', 'batches'] as const) {
      expect(await dst.table(t).toArray()).toEqual(await src.table(t).toArray());
    }
    // Each imported event row is the exporter's row, hashes untouched, plus a mark naming this import and file.
    const mark = { at: clock.toISOString(), fileSha256: await sha256Hex(text), exportedAt: file.exportedAt };
    expect(await dst.events.toArray()).toEqual((await src.events.toArray()).map((e) => ({ ...e, imported: mark })));
    expect(await dst.urls.count()).toBe(3);
    const dstRepo = createNoticesRepo({ db: dst, now });
    for (const n of file.notices) expect(await dstRepo.verifyHistory(n.id)).toEqual({ ok: true });

    const second = await importAll(dst, text);
    expect(second.added).toEqual({
      notices: 0,
      events: 0,
      evidence: 0,
      works: 0,
      settings: 0,
      batches: 0,
      letters: 0,
      documents: 0,
    });
    expect(second.alreadyPresent).toEqual({
      notices: 2,
      events: 4,
      evidence: 1,
      works: 1,
      settings: 1,
      batches: 1,
      letters: 0,
      documents: 0,
    });
    expect(second.skipped).toEqual([]);
    expect(await dst.events.count()).toBe(4);
    expect(JSON.parse(await exportAll(dst, now))).toEqual({
      ...file,
      events: file.events.map((e) => ({ ...e, imported: mark })),
    });
  });

  it('moves a notice forward when the file extends the local log, and reports local-is-newer', async () => {
    const dst = await openFresh();
    await importAll(dst, await exportAll(src, now));
    const draftId = (await repo.listNotices({ status: 'draft' }))[0]!.id;
    await repo.recordEvent(draftId, 'note', { text: 'later' });
    const newer = await exportAll(src, now);
    const r = await importAll(dst, newer);
    expect(r.updated.notices).toBe(1);
    expect(r.added.events).toBe(1);
    expect(await createNoticesRepo({ db: dst, now }).verifyHistory(draftId)).toEqual({ ok: true });
    // Now the other direction: the destination is ahead of an older file.
    clock = new Date(clock.getTime() + 3_600_000);
    await createNoticesRepo({ db: dst, now }).recordEvent(draftId, 'note', { text: 'even later' });
    const draftLog = await dst.events.where('noticeId').equals(draftId).sortBy('seq');
    // Rows from either import are marked with the file they came from; the row written here is not.
    expect(draftLog.map((e) => e.imported?.fileSha256 ?? 'local')).toEqual([
      ...draftLog.slice(0, -2).map(() => expect.stringMatching(/^[0-9a-f]{64}$/)),
      await sha256Hex(newer),
      'local',
    ]);
    const again = await importAll(dst, newer);
    expect(again.skipped).toEqual([
      { path: expect.stringMatching(/^notices\[\d\]$/), id: draftId, reason: 'local_is_newer' },
    ]);
  });

  it('never overwrites a sent notice, work or setting that differs; it reports each one', async () => {
    const file = JSON.parse(await exportAll(src, now)) as ExportFile;
    const sentIdx = file.notices.findIndex((n) => n.sent);
    const other = await openFresh();
    // Local copies that drifted from the file (edited in storage, since the repository forbids it).
    await importAll(other, JSON.stringify(file));
    const local = (await other.notices.get(file.notices[sentIdx]!.id))!;
    await other.notices.put({ ...local, sent: { ...local.sent!, channel: 'form' } });
    await other.works.update('w1', { title: 'Renamed' });
    await writeSetting(other, 'defaults', { regime: 'cn', lang: 'zh' });
    const r = await importAll(other, JSON.stringify(file));
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { path: `notices[${sentIdx}]`, id: local.id, reason: 'sent_notice_differs' },
        { path: 'works[0]', id: 'w1', reason: 'differs_from_local' },
        { path: 'settings[0]', id: 'defaults', reason: 'differs_from_local' },
      ]),
    );
    expect((await other.notices.get(local.id))!.sent!.channel).toBe('form');
    expect((await other.works.get('w1'))!.title).toBe('Renamed');
  });

  it('refuses a corrupted or hand-edited file with the first bad path', async () => {
    const text = await exportAll(src, now);
    const dst = await openFresh();
    const edit = (f: (x: ExportFile) => void) => {
      const x = JSON.parse(text) as ExportFile;
      f(x);
      return JSON.stringify(x);
    };
    await expectRefused(importAll(dst, text.slice(0, 100)), '(root)');
    await expectRefused(
      importAll(
        dst,
        edit((x) => ((x as { format: string }).format = 'other')),
      ),
      'format',
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => (x.schemaVersion = 99)),
      ),
      'schemaVersion',
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => ((x.notices[1] as { status: string }).status = 'lost')),
      ),
      'notices[1].status',
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => (x.notices[0]!.urls = [])),
      ),
      'notices[0].urls',
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => (x.events[2]!.details = { forged: true })),
      ),
      'events[2]',
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => x.events.splice(1, 1)),
      ),
      'events[1]',
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => (x.evidence[0]!.data = x.evidence[0]!.data.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))),
      ),
      'evidence[0].data',
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => (x.evidence[0]!.data = '@@@')),
      ),
      'evidence[0].data',
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => (x.settings[0]!.value = { regime: 'mars' })),
      ),
      'settings[0].value.regime',
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => x.notices.push(x.notices[0]!)),
      ),
      'notices[2]',
    );
    const sentIdx = (JSON.parse(text) as ExportFile).notices.findIndex((n) => n.sent);
    await expectRefused(
      importAll(
        dst,
        edit((x) => (x.notices[sentIdx]!.sent!.text = 'Other text')),
      ),
      `notices[${sentIdx}].sent.text`,
    );
    await expectRefused(
      importAll(
        dst,
        edit((x) => (x.notices[sentIdx]!.status = 'rejected')),
      ),
      `notices[${sentIdx}].status`,
    );
    // Nothing was written by any refused import.
    expect(await dst.notices.count()).toBe(0);
    expect(await dst.evidence.count()).toBe(0);
  });
});
