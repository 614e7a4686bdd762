import { afterEach, describe, expect, it } from 'vitest';
import { createNoticesRepo } from '../../../lib/db/notices-repo';
import { openDb } from '../../../lib/db/schema';

const dbs: ReturnType<typeof openDb>[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

describe('saveDraft', () => {
  it('changes only the fields it is given', async () => {
    const db = openDb(`patch-${Math.random()}`);
    dbs.push(db);
    const repo = createNoticesRepo({ db, now: () => new Date('2026-01-01T00:00:00Z') });
    const recipient = { role: 'host' as const, name: 'Host', emails: ['abuse@host.example'] };
    const draft = await repo.createDraft({
      urls: ['https://pirate.test/a'],
      recipient,
      recipientName: 'Host',
      workIds: ['w1'],
      explanation: 'why',
    });
    const saved = await repo.saveDraft(draft.id, { lang: 'zh' });
    expect(saved.lang).toBe('zh');
    expect(saved.recipient?.name).toBe('Host');
    expect(saved.workIds).toEqual(['w1']);
    expect(saved.explanation).toBe('why');
  });
});
