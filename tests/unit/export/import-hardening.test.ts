import { afterEach, describe, expect, it } from 'vitest';
import { parseBulkInput } from '../../../lib/bulk/parse';
import { createBulkStore } from '../../../lib/db/bulk-batches';
import { createNoticesRepo } from '../../../lib/db/notices-repo';
import { openDb, type TakedownDb } from '../../../lib/db/schema';
import { exportAll, importAll } from '../../../lib/db/transfer';
import { AppError } from '../../../lib/errors';
import type { ExportFile } from '../../../lib/export/export-format';
import { RecipientSchema } from '../../../lib/model/recipient';

const dbs: TakedownDb[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});
async function freshDb(): Promise<TakedownDb> {
  const d = openDb(`import-hardening-${Math.random()}`);
  dbs.push(d);
  await d.open();
  return d;
}
const now = () => new Date('2026-03-02T09:00:00Z');

async function refusedAt(p: Promise<unknown>, path: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).kind).toBe('invalid_input');
  expect((err as AppError).details.path).toBe(path);
}

async function sentNoticeExport(): Promise<ExportFile> {
  const src = await freshDb();
  const repo = createNoticesRepo({ db: src, now });
  const a = await repo.createDraft({ urls: ['https://pirate.example/a'] });
  const host = RecipientSchema.parse({
    role: 'host',
    name: 'Hoster',
    providerId: 'hoster',
    formUrl: 'https://hoster.example/abuse',
  });
  await repo.markSent(a.id, { at: now().toISOString(), channel: 'form', recipient: host, text: 'Dear Hoster' });
  return JSON.parse(await exportAll(src, now)) as ExportFile;
}

describe('import hardening', () => {
  it('a bulk batch round-trips with its resumable state (URLs, outcomes, choices)', async () => {
    const src = await freshDb();
    const bulk = createBulkStore({ db: src, now, newId: () => 'x1' });
    const b = await bulk.create(parseBulkInput('https://a.to/1\nhttps://b.to/1\n'), { label: 'Sweep' });
    await bulk.saveOutcomes(b.id, [{ host: 'a.to', ok: true, recipients: [], cdn: null, errors: [] }]);
    await bulk.update(b.id, (s) => ({ ...s, lookup: 'interrupted', role: 'registrar' }));
    const dst = await freshDb();
    await importAll(dst, await exportAll(src, now));
    const again = await createBulkStore({ db: dst, now }).get(b.id);
    expect(again!.state).toMatchObject({ lookup: 'interrupted', role: 'registrar' });
    expect(Object.keys(again!.state.outcomes)).toEqual(['a.to']);
    expect(again!.state.urls).toEqual((await bulk.get(b.id))!.state.urls);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'a "%s" key is refused with its path, not a TypeError',
    async (key) => {
      const file = await sentNoticeExport();
      const text = JSON.stringify(file).replace('"recipient":{', `"recipient":{"${key}":{"polluted":true},`);
      await refusedAt(importAll(await freshDb(), text), `notices[0].recipient.${key}`);
    },
  );

  it.each(['javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x'])(
    'a recipient form URL %s is refused',
    async (formUrl) => {
      const file = await sentNoticeExport();
      file.notices[0]!.recipient = { ...file.notices[0]!.recipient!, formUrl };
      await refusedAt(importAll(await freshDb(), JSON.stringify(file)), 'notices[0].recipient.formUrl');
    },
  );

  it('events whose times go backwards are refused', async () => {
    const file = await sentNoticeExport();
    const last = file.events.length - 1;
    file.events[last] = { ...file.events[last]!, at: '2020-01-01T00:00:00.000Z' };
    await refusedAt(importAll(await freshDb(), JSON.stringify(file)), `events[${last}].at`);
  });
});
