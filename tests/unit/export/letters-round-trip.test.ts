import { afterEach, describe, expect, it } from 'vitest';
import { createLettersRepo } from '../../../lib/db/letters-repo';
import { createNoticesRepo } from '../../../lib/db/notices-repo';
import { openDb, type TakedownDb } from '../../../lib/db/schema';
import { exportAll, importAll } from '../../../lib/db/transfer';
import { AppError } from '../../../lib/errors';
import type { ExportFile } from '../../../lib/export/export-format';
import { RecipientSchema } from '../../../lib/model/recipient';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { usActionFiled } from '../letters/fixtures';

const host = RecipientSchema.parse({
  role: 'host',
  name: 'Example Hosting Inc.',
  kind: 'shared',
  emails: ['d@h.example'],
});
const clock = new Date('2026-03-04T05:06:07Z');
const now = () => clock;
const opened: TakedownDb[] = [];

async function freshDb(): Promise<TakedownDb> {
  const d = openDb(`letters-rt-${Math.random()}`);
  await d.open();
  opened.push(d);
  return d;
}

afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

/** A sent notice that was counter-noticed and answered by a sent "action filed" letter. */
async function sourceWithLetter() {
  const src = await freshDb();
  let n = 0;
  const deps = { db: src, now, newId: () => `id${++n}`, calendar: { timeZone: 'UTC' } };
  const notices = createNoticesRepo(deps);
  const letters = createLettersRepo({ ...deps, notices });
  const d = await notices.createDraft({ urls: ['https://pirate.example/a'], regime: 'us-dmca', recipient: host });
  const notice = await notices.markSent(d.id, {
    at: clock.toISOString(),
    channel: 'email',
    recipient: host,
    text: 'N',
  });
  await notices.recordEvent(notice.id, 'counter_notice_received');
  const draft = await letters.createDraft({
    followsUp: notice.id,
    facts: usActionFiled({ original: { id: notice.id, sentAt: notice.sentAt! } }),
  });
  await letters.markSent(draft.id, { at: clock.toISOString(), channel: 'email' });
  return { src, letterId: draft.id };
}

describe('export and import of follow-up letters', () => {
  it('round-trips a sent letter with its verified log, marked as imported, and adds nothing the second time', async () => {
    const { src, letterId } = await sourceWithLetter();
    const text = await exportAll(src, now);
    const file = JSON.parse(text) as ExportFile;
    expect(file.letters.map((l) => l.id)).toEqual([letterId]);
    expect(file.letterEvents.map((e) => e.kind)).toEqual(['created', 'sent']);

    const dst = await freshDb();
    const first = await importAll(dst, text, sha256Hex, now);
    expect(first.added.letters).toBe(1);
    expect(first.skipped).toEqual([]);
    expect(await dst.letters.toArray()).toEqual(await src.letters.toArray());
    const log = await dst.letterEvents.toArray();
    expect(new Set(log.map((e) => e.imported?.fileSha256))).toEqual(new Set([await sha256Hex(text)]));
    const dstLetters = createLettersRepo({ db: dst, now });
    expect(await dstLetters.verifyHistory(letterId)).toEqual({ ok: true });

    const second = await importAll(dst, text, sha256Hex, now);
    expect(second.added.letters).toBe(0);
    expect(second.alreadyPresent.letters).toBe(1);
    expect(await dst.letterEvents.count()).toBe(log.length);
  });

  it('refuses a file whose letter text was edited, naming the path', async () => {
    const { src } = await sourceWithLetter();
    const file = JSON.parse(await exportAll(src, now)) as ExportFile;
    file.letters[0]!.sent!.text += ' (edited)';
    const dst = await freshDb();
    const err = await importAll(dst, JSON.stringify(file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details.path).toBe('letters[0].sent.text');
    expect(await dst.letters.count()).toBe(0);
  });

  it('skips a letter whose notice is neither in the file nor here, saying so', async () => {
    const { src, letterId } = await sourceWithLetter();
    const file = JSON.parse(await exportAll(src, now)) as ExportFile;
    const dst = await freshDb();
    const r = await importAll(dst, JSON.stringify({ ...file, notices: [], events: [] }));
    expect(r.skipped).toEqual([{ path: 'letters[0]', id: letterId, reason: 'notice_missing' }]);
    expect(await dst.letters.count()).toBe(0);
  });

  it('still reads a version 2 file, which has no letters', async () => {
    const { src } = await sourceWithLetter();
    const { letters: _l, letterEvents: _e, ...v2 } = JSON.parse(await exportAll(src, now)) as ExportFile;
    const r = await importAll(await freshDb(), JSON.stringify({ ...v2, schemaVersion: 2 }));
    expect(r.added.notices).toBe(1);
    expect(r.added.letters).toBe(0);
  });
});
