import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { NoticeStatusSchema, type NoticeStatus } from '../../../lib/model/notice';
import {
  allowedTransitions,
  eventKindFor,
  isStatusKind,
  targetOfKind,
  transition,
  TRANSITIONS,
} from '../../../lib/tracking/status';
import { makeNotice, recipient, sentNotice, sentRecord } from './make-notice';

const ALL = NoticeStatusSchema.options;
const at = new Date('2026-03-05T10:00:00Z');

function noticeIn(status: NoticeStatus) {
  return status === 'draft' ? makeNotice() : sentNotice({ status, followUpAt: '2026-03-09T09:00:00.000Z' });
}

describe('status machine', () => {
  it('declares every status as a source', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ALL].sort());
  });

  describe.each(ALL)('from %s', (from) => {
    it.each(ALL)(`to %s is legal exactly when declared`, (to) => {
      const notice = noticeIn(from);
      const legal = allowedTransitions(from).includes(to);
      const opts = { at, actor: 'user' as const, sent: sentRecord(recipient('host', 'Hoster')) };
      if (legal) {
        const { notice: next, event } = transition(notice, to, opts);
        expect(next.status).toBe(to);
        expect(next.updatedAt).toBe(at.toISOString());
        expect(event.kind).toBe(eventKindFor(from, to));
        expect(event.details).toMatchObject({ from, to });
        expect(notice.status).toBe(from); // input untouched
      } else {
        try {
          transition(notice, to, opts);
          expect.unreachable();
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).kind).toBe('illegal_transition');
          expect((err as AppError).details).toMatchObject({ from, to, allowed: allowedTransitions(from) });
        }
      }
    });
  });

  it('freezes what was sent on draft → sent and refuses sending without a record', () => {
    const r = recipient('cdn', 'Edge');
    const { notice } = transition(makeNotice(), 'sent', { at, actor: 'user', sent: sentRecord(r, at.toISOString()) });
    expect(notice.sent?.recipient.name).toBe('Edge');
    expect(notice.sentAt).toBe(at.toISOString());
    expect(notice.recipientName).toBe('Edge');
    expect(() => transition(makeNotice(), 'sent', { at, actor: 'user' })).toThrow(/record of what was sent/);
  });

  it('never touches the sent text, urls or recipient after sending', () => {
    const before = sentNotice();
    const { notice } = transition(before, 'rejected', { at, actor: 'user', details: { reason: 'not ours' } });
    expect(notice.sent).toEqual(before.sent);
    expect(notice.urls).toEqual(before.urls);
    expect(notice.recipient).toEqual(before.recipient);
  });

  it('keeps the follow-up while awaiting, clears it when closed, and takes an explicit one', () => {
    const n = noticeIn('sent');
    expect(transition(n, 'acknowledged', { at, actor: 'system' }).notice.followUpAt).toBe(n.followUpAt);
    expect(transition(n, 'removed', { at, actor: 'system' }).notice.followUpAt).toBeNull();
    const later = new Date('2026-03-20T00:00:00Z');
    expect(transition(n, 'counter_noticed', { at, actor: 'user', followUpAt: later }).notice.followUpAt).toBe(
      later.toISOString(),
    );
  });

  it('maps event kinds back to statuses', () => {
    expect(targetOfKind('sent', 'counter_notice_received')).toBe('counter_noticed');
    expect(targetOfKind('counter_noticed', 'suit_filed')).toBe('removed');
    expect(targetOfKind('withdrawn', 'removed')).toBeNull();
    expect(isStatusKind('note')).toBe(false);
    expect(isStatusKind('rejected')).toBe(true);
  });
});
