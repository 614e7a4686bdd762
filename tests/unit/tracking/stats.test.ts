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
      { provider: 'fast', name: 'FastHost', sent: 3, removed: 3, partiallyRemoved: 0, rejected: 0, noResponse: 0, removalRate: 1, medianDaysToRemoval: 3 },
      { provider: 'slowhost', name: 'SlowHost', sent: 2, removed: 0, partiallyRemoved: 0, rejected: 1, noResponse: 1, removalRate: 0, medianDaysToRemoval: null },
    ]);
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
