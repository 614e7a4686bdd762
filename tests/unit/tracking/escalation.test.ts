import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { PriorNoticeSchema } from '../../../lib/notices/case';
import { escalationCase, nextRung } from '../../../lib/tracking/escalation';
import { recipient, sentNotice, sentRecord } from './make-notice';

const cdn = recipient('cdn', 'Cloudflare', { providerId: 'cloudflare' });
const host = recipient('host', 'Hetzner', { providerId: 'hetzner' });
const hostLow = recipient('host', 'Some Reseller', { confidence: 0.2 });
const upstream = recipient('upstream', 'Transit AS');
const registrar = recipient('registrar', 'NameCheap');
const search = recipient('search', 'Google');
const all = [search, registrar, upstream, hostLow, host, cdn];

describe('nextRung', () => {
  it('climbs CDN → host → upstream → registrar → search', () => {
    expect(nextRung(null, all)?.name).toBe('Cloudflare');
    expect(nextRung(cdn, all)?.name).toBe('Hetzner');
    expect(nextRung(host, all)?.name).toBe('Transit AS');
    expect(nextRung(upstream, all)?.name).toBe('NameCheap');
    expect(nextRung(registrar, all)?.name).toBe('Google');
    expect(nextRung(search, all)).toBeNull();
  });

  it('prefers the most confident candidate of a rung', () => {
    expect(nextRung(cdn, [hostLow, host])?.name).toBe('Hetzner');
  });

  it('skips missing rungs, rungs already tried, and parties already written to', () => {
    expect(nextRung(cdn, [registrar, search])?.name).toBe('NameCheap');
    expect(nextRung(cdn, all, [host, upstream])?.name).toBe('NameCheap');
    const sameAsHost = recipient('upstream', 'hetzner');
    expect(nextRung(host, [sameAsHost, registrar])?.name).toBe('NameCheap');
  });
});

describe('escalationCase', () => {
  const first = sentNotice({
    id: 'n1',
    status: 'no_response',
    candidates: all,
    sent: sentRecord(cdn, '2026-03-02T09:00:00.000Z'),
    recipient: cdn,
  });
  const second = sentNotice({
    id: 'n2',
    status: 'rejected',
    candidates: all,
    escalatedFrom: 'n1',
    sent: sentRecord(host, '2026-03-12T09:00:00.000Z'),
    recipient: host,
    urls: ['https://pirate.example/a', 'https://pirate.example/b'],
  });

  it('drafts the next rung citing every earlier notice with date and recipient, oldest first', () => {
    const c = escalationCase(second, [first]);
    expect(c.recipient.name).toBe('Transit AS');
    expect(c.escalatedFrom).toBe('n2');
    expect(c.urls).toEqual(second.urls);
    expect(c.workIds).toEqual(['w1']);
    expect(c.regimeHint).toBe('generic');
    expect(c.priorNotices).toEqual([
      { id: 'n1', date: '2026-03-02T09:00:00.000Z', recipient: 'Cloudflare', role: 'cdn', status: 'no_response' },
      { id: 'n2', date: '2026-03-12T09:00:00.000Z', recipient: 'Hetzner', role: 'host', status: 'rejected' },
    ]);
  });

  it('hands priorNotices over in the shape the drafting module accepts', () => {
    const c = escalationCase(second, [first]);
    expect(PriorNoticeSchema.array().parse(c.priorNotices)).toEqual(
      c.priorNotices.map(({ id, date, recipient }) => ({ id, date, recipient })),
    );
  });

  it('offers the ladder from every open status and refuses a closed or unsent notice', () => {
    for (const status of [
      'sent',
      'acknowledged',
      'no_response',
      'rejected',
      'partially_removed',
      'counter_noticed',
    ] as const) {
      expect(escalationCase({ ...first, status }).recipient).toBeTruthy();
    }
    for (const status of ['draft', 'removed', 'withdrawn', 'escalated'] as const) {
      expect(() => escalationCase({ ...first, status })).toThrow(AppError);
    }
  });

  it('reports the top of the ladder as not_found', () => {
    const top = sentNotice({ status: 'rejected', candidates: [cdn], sent: sentRecord(search), recipient: search });
    try {
      escalationCase(top);
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).kind).toBe('not_found');
    }
  });
});
