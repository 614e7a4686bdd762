import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarDays,
  fromLocal,
  isBusinessDay,
  toLocal,
} from '../../../lib/tracking/business-days';
import {
  counterNoticeLawFor,
  counterNoticeWindow,
  dueFollowUps,
  followUpDate,
  isOverdue,
} from '../../../lib/tracking/deadlines';
import { recipient, sentNotice } from './make-notice';

const d = (s: string) => new Date(s);

describe('business days', () => {
  it('skips weekends: Friday + 1 is Monday, same wall-clock time', () => {
    // Fri 2026-03-06 17:00 in New York (EST, UTC-5)
    expect(addBusinessDays(d('2026-03-06T22:00:00Z'), 1, { timeZone: 'America/New_York' }).toISOString()).toBe(
      '2026-03-09T21:00:00.000Z',
    );
  });

  it('keeps local time across a DST change (New York springs forward on 2026-03-08)', () => {
    const out = addBusinessDays(d('2026-03-06T14:00:00Z'), 10, { timeZone: 'America/New_York' });
    expect(out.toISOString()).toBe('2026-03-20T13:00:00.000Z');
    expect(toLocal(out, 'America/New_York')).toMatchObject({ year: 2026, month: 3, day: 20, hour: 9 });
  });

  it('counts days in the given zone: the same instant is Friday in Shanghai but Thursday in Los Angeles', () => {
    const instant = d('2026-03-05T20:00:00Z'); // Fri 04:00 Shanghai, Thu 12:00 Los Angeles
    expect(addBusinessDays(instant, 1, { timeZone: 'Asia/Shanghai' }).toISOString()).toBe('2026-03-08T20:00:00.000Z'); // Mon 04:00
    expect(addBusinessDays(instant, 1, { timeZone: 'America/Los_Angeles' }).toISOString()).toBe(
      '2026-03-06T20:00:00.000Z',
    ); // Fri 12:00
  });

  it('skips holidays given as local dates', () => {
    const base = d('2026-05-29T02:00:00Z'); // Fri 10:00 Shanghai
    const plain = addBusinessDays(base, 1, { timeZone: 'Asia/Shanghai' });
    const withHoliday = addBusinessDays(base, 1, { timeZone: 'Asia/Shanghai', holidays: ['2026-06-01'] });
    expect(plain.toISOString()).toBe('2026-06-01T02:00:00.000Z');
    expect(withHoliday.toISOString()).toBe('2026-06-02T02:00:00.000Z');
    expect(isBusinessDay(d('2026-06-01T02:00:00Z'), { timeZone: 'Asia/Shanghai', holidays: ['2026-06-01'] })).toBe(
      false,
    );
    expect(isBusinessDay(d('2026-03-07T12:00:00Z'))).toBe(false);
  });

  it('handles DST gaps and overlaps when converting local times', () => {
    // 02:30 does not exist in New York on 2026-03-08: pushed to 03:30 EDT.
    expect(
      fromLocal(
        { year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0, ms: 0 },
        'America/New_York',
      ).toISOString(),
    ).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: the earlier (EDT) wins.
    expect(
      fromLocal(
        { year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0, ms: 0 },
        'America/New_York',
      ).toISOString(),
    ).toBe('2026-11-01T05:30:00.000Z');
    expect(
      fromLocal(
        { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0, ms: 0 },
        'Europe/Berlin',
      ).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
  });

  it('adds calendar days by local date, not by 24 h', () => {
    expect(addCalendarDays(d('2026-03-01T15:00:00Z'), 15, { timeZone: 'America/New_York' }).toISOString()).toBe(
      '2026-03-16T14:00:00.000Z',
    );
  });

  it('refuses negative or fractional business days', () => {
    expect(() => addBusinessDays(d('2026-03-01T00:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessDays(d('2026-03-01T00:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

describe('follow-up dates', () => {
  const sentAt = d('2026-03-06T10:00:00Z'); // Friday

  it('uses the provider handling time when the directory has one', () => {
    const r = recipient('host', 'Linode', { providerId: 'linode', handlingDays: 4 });
    const f = followUpDate({ recipient: r, regime: 'us-dmca' }, sentAt);
    expect(f).toMatchObject({ source: 'provider', at: d('2026-03-10T10:00:00Z') });
    expect(f.basis).toContain('96 h');
  });

  it('falls back to the regime default in business days', () => {
    const f = followUpDate({ recipient: recipient('host', 'Unknown'), regime: 'us-dmca' }, sentAt, { timeZone: 'UTC' });
    expect(f).toMatchObject({ source: 'regime', at: d('2026-03-13T10:00:00Z') });
    expect(f.basis).toContain('512(c)(1)(C)');
    expect(
      followUpDate({ recipient: null, regime: 'cn' }, sentAt, { timeZone: 'Asia/Shanghai' }).at.toISOString(),
    ).toBe('2026-03-11T10:00:00.000Z');
  });

  it('has a default with its basis for Japan, Korea, Australia and India', () => {
    const f = (regime: 'jp' | 'kr' | 'au' | 'in') =>
      followUpDate({ recipient: null, regime }, sentAt, { timeZone: 'UTC' });
    expect(f('in')).toMatchObject({ source: 'regime', at: d('2026-03-10T10:00:00Z') });
    expect(f('in').basis).toContain('36 hours');
    expect(f('jp').basis).toContain('7 days');
    expect(f('kr').basis).toContain('art. 103');
    expect(f('au').basis).toContain('product default');
  });
});

describe('counter-notice clocks', () => {
  const received = d('2026-03-02T14:00:00Z'); // Monday 09:00 New York

  it('§ 512(g): restore no sooner than 10 and no later than 14 business days', () => {
    const w = counterNoticeWindow('us-512g', received, { timeZone: 'America/New_York' });
    expect(w.earliest.toISOString()).toBe('2026-03-16T13:00:00.000Z'); // Mon 09:00 EDT
    expect(w.latest.toISOString()).toBe('2026-03-20T13:00:00.000Z');
    expect(w.basis).toContain('512(g)');
    expect(w.unverified).toBeUndefined();
  });

  it('§ 512(g) skips holidays', () => {
    const w = counterNoticeWindow('us-512g', received, { timeZone: 'America/New_York', holidays: ['2026-03-10'] });
    expect(w.earliest.toISOString()).toBe('2026-03-17T13:00:00.000Z');
  });

  it('E-Commerce Law art. 43: 15 days', () => {
    const w = counterNoticeWindow('cn-ecommerce-43', d('2026-03-02T01:00:00Z'), { timeZone: 'Asia/Shanghai' });
    expect(w.latest.toISOString()).toBe('2026-03-17T01:00:00.000Z');
    expect(w.basis).toContain('art. 43');
  });

  it('Civil Code art. 1196: a documented default, flagged unverified', () => {
    const w = counterNoticeWindow('cn-civil-1196', received);
    expect(w.unverified).toBe(true);
    expect(w.basis).toContain('1196');
    expect(w.latest.getTime()).toBeGreaterThan(received.getTime());
  });

  it('picks the law by regime', () => {
    expect(counterNoticeLawFor('us-dmca')).toBe('us-512g');
    expect(counterNoticeLawFor('cn')).toBe('cn-civil-1196');
    expect(counterNoticeLawFor('cn', { ecommercePlatform: true })).toBe('cn-ecommerce-43');
    expect(counterNoticeLawFor('ca-notice')).toBeNull();
    expect(counterNoticeLawFor('au')).toBe('au-regs');
    for (const regime of ['jp', 'kr', 'in'] as const) expect(counterNoticeLawFor(regime), regime).toBeNull();
  });

  it('Australia: the owner has 10 working days after a counter-notice to say it has sued (unverified numbering)', () => {
    const received = d('2026-03-02T00:00:00Z'); // Mon 11:00 Sydney
    const w = counterNoticeWindow('au-regs', received, { timeZone: 'Australia/Sydney' });
    expect(w.latest.toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(w.earliest).toEqual(w.latest);
    expect(w.unverified).toBe(true);
    expect(w.basis).toContain('10 working days');
  });
});

describe('overdue', () => {
  const now = d('2026-03-10T00:00:00Z');
  it('is overdue only while awaiting and past the follow-up date', () => {
    expect(isOverdue(sentNotice({ followUpAt: '2026-03-09T00:00:00.000Z' }), now)).toBe(true);
    expect(isOverdue(sentNotice({ followUpAt: '2026-03-10T00:00:00.000Z' }), now)).toBe(true);
    expect(isOverdue(sentNotice({ followUpAt: '2026-03-11T00:00:00.000Z' }), now)).toBe(false);
    expect(isOverdue(sentNotice({ status: 'removed', followUpAt: '2026-03-01T00:00:00.000Z' }), now)).toBe(false);
    expect(isOverdue(sentNotice({ followUpAt: null }), now)).toBe(false);
  });

  it('lists due follow-ups, most overdue first', () => {
    const a = sentNotice({ id: 'a', followUpAt: '2026-03-08T00:00:00.000Z' });
    const b = sentNotice({ id: 'b', followUpAt: '2026-03-01T00:00:00.000Z' });
    const c = sentNotice({ id: 'c', followUpAt: '2026-03-20T00:00:00.000Z' });
    expect(dueFollowUps([a, b, c], now).map((n) => n.id)).toEqual(['b', 'a']);
  });
});
