import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createNoticesRepo } from '../../../lib/db/notices-repo';
import { NoticeSchema } from '../../../lib/model/notice';
import { createPager } from '../../../lib/tracking/pager';
import { freshDb } from '../../helpers/fresh-db';

describe('pager', () => {
  it('loads one page at a time and stops after a short page', async () => {
    const data = Array.from({ length: 250 }, (_, i) => i);
    const fetchPage = vi.fn(async (offset: number, limit: number) => data.slice(offset, offset + limit));
    const p = createPager(fetchPage, 100);
    await Promise.all([p.loadMore(), p.loadMore()]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(p.rows).toHaveLength(100);
    await p.loadMore();
    await p.loadMore();
    expect(p.rows).toEqual(data);
    expect(p.done).toBe(true);
    await p.loadMore();
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('keeps the error and stops asking', async () => {
    const p = createPager(async () => Promise.reject(new Error('boom')), 10);
    await p.loadMore();
    expect(p.error).toBeInstanceOf(Error);
    expect(p.loading).toBe(false);
  });

  it('pages 10,000 notices overdue first without repeating or skipping one', async () => {
    const db = freshDb('pager');
    const now = new Date('2026-06-01T00:00:00Z');
    const base = Date.parse('2026-01-01T00:00:00Z');
    const notices = Array.from({ length: 10_000 }, (_, i) => {
      const at = new Date(base + i * 60_000).toISOString();
      const sent = i % 3 !== 0;
      return NoticeSchema.parse({
        id: `n${i}`,
        createdAt: at,
        updatedAt: at,
        status: sent ? 'sent' : 'draft',
        host: `h${i % 50}.example`,
        urls: [`https://h${i % 50}.example/${i}`],
        sentAt: sent ? at : null,
        // Every 7th sent notice is past its follow-up date.
        followUpAt: sent
          ? new Date(i % 7 === 1 ? base + i * 1000 : Date.parse('2026-09-01T00:00:00Z')).toISOString()
          : null,
      });
    });
    await db.notices.bulkAdd(notices);
    const repo = createNoticesRepo({ db, now: () => now });
    const listSpy = vi.spyOn(repo, 'listNotices');
    const p = createPager((offset, limit) => repo.listNotices({ order: 'overdue_first', now, offset, limit }), 500);
    await p.loadMore();
    expect(p.rows).toHaveLength(500);
    const overdueCount = notices.filter((n) => n.status === 'sent' && Number(n.id.slice(1)) % 7 === 1).length;
    expect(p.rows.slice(0, 500).every((n) => n.followUpAt! <= now.toISOString())).toBe(true);
    while (!p.done) await p.loadMore();
    expect(listSpy.mock.calls.every(([q]) => (q?.limit ?? 0) <= 500)).toBe(true);
    const ids = p.rows.map((n) => n.id);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids.slice(0, overdueCount).every((id) => Number(id.slice(1)) % 7 === 1)).toBe(true);
    const rest = p.rows.slice(overdueCount).map((n) => n.createdAt);
    expect(rest).toEqual([...rest].sort().reverse());
    db.close();
  });
});
