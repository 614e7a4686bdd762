import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/schema';
import type { Recipient } from '../../../lib/model/recipient';
import {
  openSession,
  repo,
  saveShared,
  selectRecipient,
  sessionNotices,
  unselectRecipient,
} from '../../../entrypoints/report/session';

const host: Recipient = {
  role: 'host',
  name: 'SWITCH',
  emails: ['abuse@switch.ch'],
  formUrl: null,
  country: 'CH',
  source: 'rdap',
  confidence: 0.7,
  notes: [],
};
const registrar: Recipient = {
  role: 'registrar',
  name: 'Tonic',
  emails: ['abuse@tonic.to'],
  formUrl: null,
  country: null,
  source: 'whois',
  confidence: 0.7,
  notes: [],
};
const target = {
  ok: true as const,
  url: 'https://ripe-host.to/game',
  kind: 'page' as const,
  captureId: null,
  draftId: null,
};

beforeEach(async () => {
  await db().notices.clear();
  await db().events.clear();
});

describe('report session', () => {
  it('gives each report tab its own draft, so two tabs never share a record', async () => {
    const a = await openSession(target);
    const b = await openSession(target);
    expect(a.primaryId).not.toBe(b.primaryId);
    await saveShared(a.batchId, { explanation: 'tab A' });
    expect((await repo.getNotice(b.primaryId))?.explanation).toBe('');
    expect((await openSession({ ...target, draftId: a.primaryId })).primaryId).toBe(a.primaryId);
  });

  it('fills the empty draft with the first recipient, adds a sibling for the next, and removes it again', async () => {
    const s = await openSession(target);
    await saveShared(s.batchId, { explanation: 'shared words' });
    const first = await selectRecipient(s.batchId, host);
    expect(first.id).toBe(s.primaryId);
    expect(first.regime).toBe('generic');
    const second = await selectRecipient(s.batchId, registrar);
    expect(second.id).not.toBe(s.primaryId);
    expect(second.explanation).toBe('shared words');
    expect((await sessionNotices(s.batchId)).map((n) => n.recipientName)).toEqual(['SWITCH', 'Tonic']);
    await unselectRecipient(s.batchId, registrar);
    expect((await sessionNotices(s.batchId)).map((n) => n.recipientName)).toEqual(['SWITCH']);
    await unselectRecipient(s.batchId, host);
    const [left] = await sessionNotices(s.batchId);
    expect(left!.recipient).toBeNull();
  });

  it('never touches a notice once it is sent', async () => {
    const s = await openSession(target);
    const n = await selectRecipient(s.batchId, host);
    await repo.markSent(n.id, {
      at: '2026-01-01T00:00:00.000Z',
      channel: 'copy',
      recipient: host,
      text: 'the letter',
      evidenceSha256: [],
    });
    await saveShared(s.batchId, { explanation: 'changed later' });
    await unselectRecipient(s.batchId, host);
    const after = await repo.getNotice(n.id);
    expect(after?.status).toBe('sent');
    expect(after?.explanation).toBe('');
    expect(after?.sent?.text).toBe('the letter');
  });
});
