import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { sendNotice } from '../../../lib/report/send-notice';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { letterhead, recordWorld, works } from '../db/record-fixtures';

describe('sendNotice (the one send path)', () => {
  it('refuses an incomplete notice with incomplete_notice naming the missing elements, even without the UI', async () => {
    const w = await recordWorld();
    const d = await w.draft();
    await w.notices.autosave([{ id: d.id, patch: { confirmations: { goodFaith: false, accuracy: true } } }], 's1');
    const deps = { notices: w.notices, evidence: w.evidence, now: w.now };
    const err = await sendNotice(deps, { noticeId: d.id, channel: 'email', letterhead, works }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('incomplete_notice');
    expect((err as AppError).details.missing).toContain('stmt_good_faith');
    const noLetterhead = await sendNotice(deps, { noticeId: d.id, channel: 'email', letterhead: null, works }).catch(
      (e: unknown) => e,
    );
    expect((noLetterhead as AppError).details.missing).toEqual(expect.arrayContaining(['signature']));
    expect((await w.notices.getNotice(d.id))?.status).toBe('draft');
    expect((await w.notices.getTimeline(d.id))?.events.map((e) => e.kind)).toEqual(['created', 'draft_saved']);
  });

  it('drafts with the ICP numbers it is given and refuses an item locked under Regulations art. 17', async () => {
    const w = await recordWorld();
    const d = await w.draft();
    const lock = {
      url: d.urls[0]!,
      noticeId: 'earlier',
      provider: 'Example Cloud',
      counterAt: '2026-03-01T00:00:00.000Z',
      citation: { en: 'Regulations art. 17', zh: '《条例》第十七条' },
      reason: { en: 'A counter-statement answered this item', zh: '该项已收到反通知' },
    };
    const locked = {
      notices: w.notices,
      evidence: w.evidence,
      now: w.now,
      practice: { icpOf: async () => [], locksOf: async () => [lock] },
    };
    const err = await sendNotice(locked, { noticeId: d.id, channel: 'email', letterhead, works }).catch(
      (e: unknown) => e,
    );
    expect((err as AppError).kind).toBe('incomplete_notice');
    expect((err as AppError).message).toContain('Regulations art. 17');
    expect((await w.notices.getNotice(d.id))?.status).toBe('draft');
    // The same send, unlocked, goes out.
    const open = { ...locked, practice: { icpOf: async () => ['京ICP备12345678号-1'], locksOf: async () => [] } };
    const sent = await sendNotice(open, { noticeId: d.id, channel: 'email', letterhead, works });
    expect(sent.status).toBe('sent');
  });

  it('records the channel it is given and freezes the text and the exact attachments with their hashes', async () => {
    const w = await recordWorld();
    const d = await w.draft();
    const sent = await sendNotice(
      { notices: w.notices, evidence: w.evidence, now: w.now },
      { noticeId: d.id, channel: 'form', letterhead, works },
    );
    expect(sent.status).toBe('sent');
    expect(sent.sent?.channel).toBe('form');
    expect(sent.sent?.textSha256).toBe(await sha256Hex(sent.sent!.text));
    const expected = w.capture.artefacts.filter((a) =>
      ['screenshot', 'html', 'headers', 'manifest'].includes(a.meta.kind),
    );
    expect(sent.sent?.attachments?.map((a) => a.sha256)).toEqual(expected.map((a) => a.meta.sha256));
    expect(sent.sent?.evidenceSha256).toEqual(expected.map((a) => a.meta.sha256));
    for (const a of expected) expect(sent.sent!.text).toContain(a.meta.sha256);
    const t = await w.notices.getTimeline(d.id);
    expect(t?.events.at(-1)).toMatchObject({
      kind: 'sent',
      details: {
        channel: 'form',
        attachments: expected.map((a) => expect.objectContaining({ sha256: a.meta.sha256 })),
      },
    });
    expect(await w.notices.verifyHistory(d.id)).toEqual({ ok: true });
    // Sent is final: a second send is refused, and the record is unchanged.
    await expect(
      sendNotice(
        { notices: w.notices, evidence: w.evidence, now: w.now },
        { noticeId: d.id, channel: 'pdf', letterhead, works },
      ),
    ).rejects.toMatchObject({ kind: 'read_only' });
    expect((await w.notices.getNotice(d.id))?.sent?.channel).toBe('form');
  });

  it('refuses a missing or unknown channel and a notice without a recipient', async () => {
    const w = await recordWorld();
    const d = await w.draft();
    const deps = { notices: w.notices, evidence: w.evidence, now: w.now };
    await expect(
      sendNotice(deps, { noticeId: d.id, channel: 'carrier-pigeon' as never, letterhead, works }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
    await w.notices.autosave([{ id: d.id, patch: { recipient: null, recipientName: '' } }], 's1');
    await expect(sendNotice(deps, { noticeId: d.id, channel: 'email', letterhead, works })).rejects.toMatchObject({
      kind: 'incomplete_notice',
      details: { missing: ['recipient'] },
    });
  });

  it('refuses to vouch for evidence whose bytes changed since capture', async () => {
    const w = await recordWorld();
    const d = await w.draft();
    const shot = w.capture.artefacts.find((a) => a.meta.kind === 'screenshot')!;
    await w.db.evidence.update(shot.meta.id, { blob: new Blob([new Uint8Array([1])]) });
    await expect(
      sendNotice(
        { notices: w.notices, evidence: w.evidence, now: w.now },
        { noticeId: d.id, channel: 'email', letterhead, works },
      ),
    ).rejects.toMatchObject({ kind: 'storage' });
    expect((await w.notices.getNotice(d.id))?.status).toBe('draft');
  });
});
