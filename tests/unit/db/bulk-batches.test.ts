import { afterEach, describe, expect, it } from 'vitest';
import { parseBulkInput } from '../../../lib/bulk/parse';
import { createBulkStore } from '../../../lib/db/bulk-batches';
import { openDb } from '../../../lib/db/schema';

const dbs: ReturnType<typeof openDb>[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

function store(name: string) {
  const db = openDb(name);
  dbs.push(db);
  let t = Date.UTC(2026, 0, 1);
  let id = 0;
  return { db, bulk: createBulkStore({ db, now: () => new Date((t += 1000)), newId: () => `b${id++}` }) };
}

describe('bulk batches', () => {
  it('keeps the URLs, every finished outcome and the choices, across reopening the database', async () => {
    const { bulk } = store('bulk-a');
    const parsed = parseBulkInput('https://a.to/1\nhttps://a.to/2\nhttps://b.to/1\njavascript:x\n');
    const b = await bulk.create(parsed, { label: 'March sweep' });
    expect(b.id).toBe('bulk:b0');
    expect(b.state).toMatchObject({
      lookup: 'not_started',
      role: 'host',
      blank: 1,
      rejected: [{ reason: 'unsupported_scheme' }],
    });
    await bulk.saveOutcomes(b.id, [{ host: 'a.to', ok: true, recipients: [], cdn: null, errors: [] }]);
    await bulk.update(b.id, (s) => ({
      ...s,
      lookup: 'interrupted',
      role: 'registrar',
      groups: { k: { excluded: ['https://a.to/2'] } },
    }));

    const db2 = openDb('bulk-a');
    const reopened = createBulkStore({ db: db2, now: () => new Date() });
    const again = await reopened.get(b.id);
    expect(Object.keys(again!.state.outcomes)).toEqual(['a.to']);
    expect(again!.state).toMatchObject({
      lookup: 'interrupted',
      role: 'registrar',
      groups: { k: { excluded: ['https://a.to/2'] } },
    });
    expect(await reopened.list()).toEqual([
      { id: b.id, createdAt: b.createdAt, label: 'March sweep', urlCount: 3, lookup: 'interrupted' },
    ]);
    db2.close();
  });

  it('a damaged row is reported, not silently dropped or repaired', async () => {
    const { db, bulk } = store('bulk-b');
    await db.batches.put({
      id: 'bulk:x',
      createdAt: new Date().toISOString(),
      kind: 'bulk',
      bulk: { urls: 'nope' } as never,
    });
    await expect(bulk.get('bulk:x')).rejects.toMatchObject({ kind: 'storage', message: expect.stringMatching(/urls/) });
    await expect(bulk.create(parseBulkInput('\n\n'))).rejects.toMatchObject({ kind: 'invalid_input' });
  });
});
