import { afterEach, describe, expect, it } from 'vitest';
import { createNoticesRepo } from '../../../lib/db/notices-repo';
import { openDb, openDbAtVersion, SCHEMA_VERSION, type TakedownDb } from '../../../lib/db/schema';
import type { Notice } from '../../../lib/model/notice';

/** A sent notice and a draft exactly as an older release stored them: recipient notes as plain English strings. */
const oldRecipient = {
  role: 'host',
  name: 'Linode',
  emails: ['abuse@linode.com'],
  formUrl: null,
  country: 'US',
  source: 'directory',
  confidence: 0.9,
  notes: ['Known provider Linode (directory, confidence A; matched by AS63949).', 'Phone: +1 555 0100.'],
};
const oldSent = {
  id: 'old-sent',
  createdAt: '2025-05-01T09:00:00.000Z',
  updatedAt: '2025-05-01T10:00:00.000Z',
  status: 'sent',
  host: 'pirate.example',
  urls: ['https://pirate.example/a'],
  workTitles: ['The Book'],
  workIds: [],
  recipient: oldRecipient,
  recipientName: 'Linode',
  candidates: [oldRecipient],
  sent: {
    at: '2025-05-01T10:00:00.000Z',
    channel: 'email',
    recipient: oldRecipient,
    text: 'Dear Linode…',
    textSha256: 'a'.repeat(64),
    evidenceSha256: [],
  },
  sentAt: '2025-05-01T10:00:00.000Z',
  followUpAt: null,
};
const oldDraft = { ...oldSent, id: 'old-draft', status: 'draft', sent: null, sentAt: null };

const opened: TakedownDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('notices stored with string recipient notes', () => {
  it('read as legacy notes with their words, and stay as stored', async () => {
    const name = `legacy-notes-${Math.random()}`;
    // Written without the reading hook, as the old release wrote them.
    const raw = openDbAtVersion(name, SCHEMA_VERSION);
    opened.push(raw);
    await raw.notices.bulkPut([oldSent, oldDraft] as unknown as Notice[]);
    raw.close();

    const db = openDb(name);
    opened.push(db);
    const repo = createNoticesRepo({ db, now: () => new Date(), newId: () => 'x', calendar: { timeZone: 'UTC' } });
    const sent = await repo.getNotice('old-sent');
    const legacy = { code: 'legacy', params: { text: oldRecipient.notes[0] } };
    expect(sent?.sent?.recipient.notes[0]).toEqual(legacy);
    expect(sent?.recipient?.notes[1]).toEqual({ code: 'legacy', params: { text: 'Phone: +1 555 0100.' } });
    const draft = await repo.getNotice('old-draft');
    expect(draft?.candidates[0]?.notes[0]).toEqual(legacy);
    db.close();

    // Reading never rewrote the sent notice: the stored record still holds the strings it was saved with.
    const again = openDbAtVersion(name, SCHEMA_VERSION);
    opened.push(again);
    const stored = (await again.notices.get('old-sent')) as unknown as typeof oldSent;
    expect(stored.sent.recipient.notes).toEqual(oldRecipient.notes);
  });
});
