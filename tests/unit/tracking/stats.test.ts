import { describe, expect, it } from 'vitest';
import type { NoticeEvent } from '../../../lib/model/notice';
import { median, providerStats } from '../../../lib/tracking/stats';
import { recipient, sentNotice, sentRecord } from './make-notice';

const ev = (noticeId: string, seq: number, kind: string, at: string): NoticeEvent => ({
  id: `${noticeId}-${seq}`,
  noticeId,
  seq,
  at,
  kind,
  actor: 'user',
  details: {},
  prevHash: '',
  textHash: '',
  hash: '',
});

describe('providerStats', () => {
  const fast = recipient('host', 'FastHost', { providerId: 'fast' });
  const slow = recipient('host', 'SlowHost');
  const notices = [
    sentNotice({ id: 'a', status: 'removed', sent: sentRecord(fast, '2026-03-01T00:00:00.000Z') }),
    sentNotice({ id: 'b', status: 'removed', sent: sentRecord(fast, '2026-03-01T00:00:00.000Z') }),
    sentNotice({ id: 'c', status: 'counter_noticed', sent: sentRecord(fast, '2026-03-01T00:00:00.000Z') }),
    sentNotice({ id: 'd', status: 'no_response', sent: sentRecord(slow, '2026-03-01T00:00:00.000Z') }),
    sentNotice({ id: 'e', status: 'rejected', sent: sentRecord(slow, '2026-03-01T00:00:00.000Z') }),
    sentNotice({ id: 'f', status: 'draft', sent: null, sentAt: null }),
  ];
  const events = [
    ev('a', 1, 'sent', '2026-03-01T00:00:00.000Z'),
    ev('a', 2, 'removed', '2026-03-02T00:00:00.000Z'),
    ev('b', 2, 'removed', '2026-03-05T00:00:00.000Z'),
    ev('c', 2, 'removed', '2026-03-04T00:00:00.000Z'),
    ev('c', 3, 'counter_notice_received', '2026-03-06T00:00:00.000Z'),
    ev('d', 2, 'no_response', '2026-03-10T00:00:00.000Z'),
    ev('e', 2, 'rejected', '2026-03-03T00:00:00.000Z'),
  ];

  it('counts sent, removals (including later counter-noticed), rate and median days per provider', () => {
    const stats = providerStats(notices, events);
    expect(stats).toEqual([
      {
        provider: 'fast',
        name: 'FastHost',
        sent: 3,
        removed: 3,
        partiallyRemoved: 0,
        rejected: 0,
        noResponse: 0,
        decided: 3,
        pending: 0,
        removalRate: 1,
        medianDaysToRemoval: 3,
      },
      {
        provider: 'slowhost',
        name: 'SlowHost',
        sent: 2,
        removed: 0,
        partiallyRemoved: 0,
        rejected: 1,
        noResponse: 1,
        decided: 2,
        pending: 0,
        removalRate: 0,
        medianDaysToRemoval: null,
      },
    ]);
  });

  it('counts only decided notices in the rate; a pending notice is shown apart until its deadline passes', () => {
    const fresh = recipient('cdn', 'Cloudflare', { providerId: 'cloudflare' });
    const ns = [
      sentNotice({
        id: 'p1',
        status: 'sent',
        sent: sentRecord(fresh, '2026-03-01T00:00:00.000Z'),
        followUpAt: '2026-03-06T00:00:00.000Z',
      }),
      sentNotice({
        id: 'p2',
        status: 'acknowledged',
        sent: sentRecord(fresh, '2026-03-01T00:00:00.000Z'),
        followUpAt: '2026-03-09T00:00:00.000Z',
      }),
      sentNotice({ id: 'p3', status: 'removed', sent: sentRecord(fresh, '2026-03-01T00:00:00.000Z') }),
    ];
    const evs = [ev('p3', 2, 'removed', '2026-03-02T00:00:00.000Z')];
    // Minutes after sending: one removal decided, two pending; the rate is 100%, not 33%.
    expect(providerStats(ns, evs, new Date('2026-03-02T01:00:00Z'))[0]).toMatchObject({
      sent: 3,
      decided: 1,
      pending: 2,
      removed: 1,
      removalRate: 1,
      noResponse: 0,
    });
    // After p1's deadline it counts as no response, p2 is still pending.
    expect(providerStats(ns, evs, new Date('2026-03-07T00:00:00Z'))[0]).toMatchObject({
      decided: 2,
      pending: 1,
      noResponse: 1,
      removalRate: 0.5,
    });
  });

  it('is empty without sent notices', () => {
    expect(providerStats([], [])).toEqual([]);
  });

  it('computes medians of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
