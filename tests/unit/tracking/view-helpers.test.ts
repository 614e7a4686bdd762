import { describe, expect, it } from 'vitest';
import type { NoticeEvent } from '../../../lib/model/notice';
import { noticeAge } from '../../../lib/tracking/age';
import { counterWindowFromLog, followUpBasis } from '../../../lib/tracking/clocks-from-log';
import { detailLines } from '../../../lib/tracking/event-details';
import { rankByIgnoring } from '../../../lib/tracking/ignore-rank';
import type { ProviderStats } from '../../../lib/tracking/stats';
import { T0, sentNotice } from './make-notice';

const ev = (kind: string, details: Record<string, unknown>, seq = 0): NoticeEvent => ({
  id: `e${seq}`,
  noticeId: 'n1',
  seq,
  at: T0,
  kind,
  actor: 'user',
  details,
  prevHash: '',
  textHash: '',
  hash: '',
});

describe('notice age', () => {
  it('counts whole days since sending and marks an awaiting notice past its follow-up date', () => {
    const n = sentNotice({ followUpAt: '2026-03-05T09:00:00.000Z' });
    expect(noticeAge(n, new Date('2026-03-04T08:00:00Z'))).toEqual({ daysSinceSent: 1, overdue: false });
    expect(noticeAge(n, new Date('2026-03-09T10:00:00Z'))).toEqual({ daysSinceSent: 7, overdue: true });
    expect(noticeAge({ ...n, status: 'removed' }, new Date('2026-03-09T10:00:00Z')).overdue).toBe(false);
    expect(noticeAge({ ...n, sentAt: null, status: 'draft', followUpAt: null }, new Date()).daysSinceSent).toBeNull();
  });
});

describe('event details', () => {
  it('flattens nested details into readable lines', () => {
    expect(
      detailLines({
        from: 'sent',
        to: 'rejected',
        window: { earliest: 'x', unverified: false },
        matched: ['a', 'b'],
        empty: [],
        none: null,
      }),
    ).toEqual([
      { key: 'from', value: 'sent' },
      { key: 'to', value: 'rejected' },
      { key: 'window.earliest', value: 'x' },
      { key: 'window.unverified', value: 'false' },
      { key: 'matched', value: 'a, b' },
      { key: 'empty', value: '—' },
      { key: 'none', value: '—' },
    ]);
    expect(detailLines({ text: 'x'.repeat(600) })[0]!.value).toHaveLength(501);
  });
});

describe('clocks from the log', () => {
  const window = {
    law: 'us-512g',
    earliest: '2026-03-16T09:00:00.000Z',
    latest: '2026-03-20T09:00:00.000Z',
    basis: '17 U.S.C. § 512(g)(2)(C)',
  };
  it('reads the latest counter-notice window', () => {
    expect(counterWindowFromLog([ev('sent', {}), ev('counter_notice_received', { window }, 1)])).toEqual({
      ...window,
      unverified: false,
    });
    expect(counterWindowFromLog([ev('sent', {})])).toBeNull();
  });

  it('explains the follow-up date from the recorded basis or the rule', () => {
    const n = sentNotice({ followUpAt: '2026-03-09T09:00:00.000Z', regime: 'us-dmca' });
    // A recorded sentence this version does not word itself is shown as recorded.
    expect(followUpBasis(n, [ev('sent', { followUpBasis: 'Hoster publishes 24 h' })])).toEqual({
      text: 'Hoster publishes 24 h',
      ref: null,
    });
    expect(followUpBasis({ ...n, status: 'acknowledged' }, [])).toEqual({
      text: expect.stringMatching(/512\(c\)\(1\)\(C\)/),
      ref: { kind: 'regime', regime: 'us-dmca' },
    });
    expect(followUpBasis({ ...n, status: 'counter_noticed' }, [ev('counter_notice_received', { window })])).toEqual({
      text: window.basis,
      ref: { kind: 'counter', law: 'us-512g' },
    });
    expect(followUpBasis({ ...n, followUpAt: null }, [])).toBeNull();
  });
});

describe('ranking providers that ignore notices', () => {
  const s = (provider: string, sent: number, removed: number, noResponse: number): ProviderStats => ({
    provider,
    name: provider,
    sent,
    removed,
    partiallyRemoved: 0,
    rejected: 0,
    noResponse,
    decided: sent,
    pending: 0,
    removalRate: removed / sent,
    medianDaysToRemoval: null,
  });
  it('puts the lowest removal rate first, then the most unanswered', () => {
    const ranked = rankByIgnoring([s('good', 10, 9, 0), s('silent', 4, 0, 4), s('rude', 4, 0, 1), s('meh', 2, 1, 1)]);
    expect(ranked.map((x) => x.provider)).toEqual(['silent', 'rude', 'meh', 'good']);
  });
});
