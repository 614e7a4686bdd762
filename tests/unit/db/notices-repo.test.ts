import { beforeEach, describe, expect, it } from 'vitest';
import { createNoticesRepo, type NoticesRepo } from '../../../lib/db/notices-repo';
import type { TakedownDb } from '../../../lib/db/schema';
import { AppError } from '../../../lib/errors';
import { RecipientSchema } from '../../../lib/model/recipient';
import { recheckEventDetails } from '../../../lib/tracking/recheck';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { freshDb } from '../../helpers/fresh-db';

const cdn = RecipientSchema.parse({ role: 'cdn', name: 'Cloudflare', providerId: 'cloudflare' });
const host = RecipientSchema.parse({ role: 'host', name: 'Linode', providerId: 'linode', handlingDays: 4 });
const registrar = RecipientSchema.parse({ role: 'registrar', name: 'NameCheap' });

let dbi: TakedownDb;
let repo: NoticesRepo;
let clock: Date;
let n = 0;

beforeEach(async () => {
  dbi = freshDb('repo');
  await dbi.open();
  clock = new Date('2026-03-02T09:00:00Z');
  repo = createNoticesRepo({ db: dbi, now: () => clock, newId: () => `id${++n}`, calendar: { timeZone: 'UTC' } });
});

const tick = (hours: number) => {
  clock = new Date(clock.getTime() + hours * 3_600_000);
};

async function expectKind(p: Promise<unknown>, kind: string) {
  try {
    await p;
    expect.unreachable();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe(kind);
    return err as AppError;
  }
}

async function draft() {
  return repo.createDraft({
    urls: ['https://Pirate.example/a', 'https://pirate.example/b'],
    workTitles: ['The Book'],
    recipient: cdn,
    candidates: [cdn, host, registrar],
    regime: 'us-dmca',
  });
}

function sentInput(r = cdn, text = 'Dear Cloudflare…') {
  return { at: clock.toISOString(), channel: 'email' as const, recipient: r, text };
}

describe('notices repository', () => {
  it('creates a draft with a first event, url rows and a chain head', async () => {
    const d = await draft();
    expect(d).toMatchObject({ status: 'draft', host: 'pirate.example', createdAt: clock.toISOString() });
    const t = await repo.getTimeline(d.id);
    expect(t?.events.map((e) => e.kind)).toEqual(['created']);
    expect(await dbi.urls.where('noticeId').equals(d.id).count()).toBe(2);
    expect(await dbi.heads.get(d.id)).toMatchObject({ seq: 0 });
    expect(await repo.verifyHistory(d.id)).toEqual({ ok: true });
  });

  it('refuses an invalid draft with the bad path', async () => {
    const err = await expectKind(repo.createDraft({ urls: [] }), 'invalid_input');
    expect(err.message).toContain('urls');
  });

  it('edits drafts, then freezes on sending and refuses edits (read_only)', async () => {
    const d = await draft();
    tick(1);
    const edited = await repo.saveDraft(d.id, {
      explanation: 'Full copy of chapter 1',
      urls: ['https://other.example/x'],
    });
    expect(edited).toMatchObject({ explanation: 'Full copy of chapter 1', host: 'other.example' });
    expect((await dbi.urls.where('noticeId').equals(d.id).toArray()).map((r) => r.url)).toEqual([
      'https://other.example/x',
    ]);
    tick(1);
    const sent = await repo.markSent(d.id, sentInput(host, 'Dear Linode'));
    expect(sent.status).toBe('sent');
    expect(sent.sent?.textSha256).toBe(await sha256Hex('Dear Linode'));
    // Linode publishes 96 h.
    expect(sent.followUpAt).toBe(new Date(clock.getTime() + 96 * 3_600_000).toISOString());
    await expectKind(repo.saveDraft(d.id, { explanation: 'changed' }), 'read_only');
    await expectKind(repo.markSent(d.id, sentInput()), 'illegal_transition');
    const t = await repo.getTimeline(d.id);
    expect(t?.events.map((e) => e.kind)).toEqual(['created', 'draft_saved', 'sent']);
    expect(t?.events[2]!.textHash).toBe(sent.sent?.textSha256);
    expect(t?.notice.sent?.text).toBe('Dear Linode');
  });

  it('refuses a sent record whose hash does not match its text', async () => {
    const d = await draft();
    await expectKind(repo.markSent(d.id, { ...sentInput(), textSha256: 'f'.repeat(64) }), 'invalid_input');
  });

  it('records events through the status machine and explains illegal ones', async () => {
    const d = await draft();
    await repo.markSent(d.id, sentInput());
    tick(24);
    await repo.recordEvent(d.id, 'note', { text: 'called them' });
    await repo.recordEvent(d.id, 'acknowledged', { ticket: 'CF-1' }, 'system');
    tick(24);
    const removed = await repo.recordEvent(d.id, 'removed');
    expect(removed.status).toBe('removed');
    expect(removed.followUpAt).toBeNull();
    const err = await expectKind(repo.recordEvent(d.id, 'rejected'), 'illegal_transition');
    expect(err.details).toMatchObject({ from: 'removed', kind: 'rejected' });
    await expectKind(repo.recordEvent(d.id, 'bogus'), 'invalid_input');
    await expectKind(repo.changeStatus(d.id, 'draft'), 'illegal_transition');
    const t = await repo.getTimeline(d.id);
    expect(t?.events.map((e) => `${e.kind}:${e.actor}`)).toEqual([
      'created:user',
      'sent:user',
      'note:user',
      'acknowledged:system',
      'removed:user',
    ]);
    expect(await repo.verifyHistory(d.id)).toEqual({ ok: true });
  });

  it('starts the § 512(g) clock when a counter-notice is logged', async () => {
    const d = await draft();
    await repo.markSent(d.id, sentInput());
    await repo.recordEvent(d.id, 'removed');
    clock = new Date('2026-03-02T14:00:00Z'); // Monday
    const cn = await repo.recordEvent(d.id, 'counter_notice_received');
    expect(cn.status).toBe('counter_noticed');
    expect(cn.followUpAt).toBe('2026-03-16T14:00:00.000Z');
    const last = (await repo.getTimeline(d.id))!.events.at(-1)!;
    expect(last.details.window).toMatchObject({ law: 'us-512g', latest: '2026-03-20T14:00:00.000Z' });
  });

  it('creates a correction that supersedes a sent notice without touching it', async () => {
    const d = await draft();
    const sent = await repo.markSent(d.id, sentInput());
    const fix = await repo.createCorrection(d.id);
    expect(fix).toMatchObject({ status: 'draft', supersedes: d.id, sent: null, urls: sent.urls });
    const original = await repo.getNotice(d.id);
    expect(original?.sent).toEqual(sent.sent);
    expect(original?.status).toBe('sent');
    expect((await repo.getTimeline(d.id))!.events.at(-1)).toMatchObject({
      kind: 'correction_created',
      details: { correctionId: fix.id },
    });
    await expectKind(repo.createCorrection(fix.id), 'invalid_input');
  });

  it('escalates up the ladder citing every earlier notice', async () => {
    const d = await draft();
    await expectKind(repo.escalate(d.id), 'illegal_transition');
    await repo.markSent(d.id, sentInput(cdn, 'to cdn'));
    tick(24 * 7);
    await repo.recordEvent(d.id, 'no_response', {}, 'system');
    const first = await repo.escalate(d.id);
    expect(first.draft).toMatchObject({ status: 'draft', escalatedFrom: d.id, recipientName: 'Linode' });
    expect((await repo.getNotice(d.id))?.status).toBe('escalated');
    expect(first.escalation.priorNotices.map((p) => p.id)).toEqual([d.id]);
    tick(1);
    await repo.markSent(first.draft.id, sentInput(host, 'to host'));
    await repo.recordEvent(first.draft.id, 'rejected', { reason: 'not the host' });
    const second = await repo.escalate(first.draft.id);
    expect(second.draft.recipientName).toBe('NameCheap');
    expect(second.escalation.priorNotices.map((p) => [p.id, p.recipient])).toEqual([
      [d.id, 'Cloudflare'],
      [first.draft.id, 'Linode'],
    ]);
    for (const id of [d.id, first.draft.id, second.draft.id])
      expect(await repo.verifyHistory(id)).toEqual({ ok: true });
  });

  it('is harmless for a deleted notice', async () => {
    expect(await repo.getNotice('gone')).toBeNull();
    expect(await repo.getTimeline('gone')).toBeNull();
    expect(await repo.verifyHistory('gone')).toBeNull();
    await expectKind(repo.recordEvent('gone', 'note'), 'not_found');
  });

  it('verifies history against tampering in storage', async () => {
    const d = await draft();
    await repo.markSent(d.id, sentInput());
    await repo.recordEvent(d.id, 'acknowledged');
    await repo.recordEvent(d.id, 'note', { text: 'x' });
    const events = (await repo.getTimeline(d.id))!.events;

    await dbi.events.update(events[2]!.id, { actor: 'system' });
    expect(await repo.verifyHistory(d.id)).toEqual({
      ok: false,
      brokenAt: 2,
      eventId: events[2]!.id,
      reason: 'edited',
    });
    await dbi.events.put(events[2]!);

    await dbi.events.delete(events[3]!.id);
    expect(await repo.verifyHistory(d.id)).toMatchObject({ ok: false, brokenAt: 3, reason: 'missing' });
    await dbi.events.put(events[3]!);

    const n0 = (await repo.getNotice(d.id))!;
    await dbi.notices.put({ ...n0, sent: { ...n0.sent!, text: 'rewritten' } });
    expect(await repo.verifyHistory(d.id)).toEqual({
      ok: false,
      brokenAt: 1,
      eventId: events[1]!.id,
      reason: 'text_mismatch',
    });
    await dbi.notices.put({ ...n0, status: 'removed' });
    expect(await repo.verifyHistory(d.id)).toMatchObject({
      ok: false,
      reason: 'notice_mismatch',
      expected: 'acknowledged',
    });
    await dbi.notices.put(n0);
    expect(await repo.verifyHistory(d.id)).toEqual({ ok: true });
  });

  it('lists newest first, by status, by search, and overdue first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      tick(1);
      const d = await repo.createDraft({
        urls: [`https://site${i}.example/x`],
        workTitles: [i % 2 ? 'Odd Work' : 'Even Work'],
      });
      ids.push(d.id);
    }
    expect((await repo.listNotices({ limit: 3 })).map((x) => x.id)).toEqual([ids[5], ids[4], ids[3]]);
    expect((await repo.listNotices({ limit: 3, offset: 3 })).map((x) => x.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await repo.listNotices({ search: 'odd work' })).map((x) => x.id)).toEqual([ids[5], ids[3], ids[1]]);
    expect((await repo.listNotices({ search: 'SITE2' })).map((x) => x.id)).toEqual([ids[2]]);
    tick(1);
    await repo.markSent(ids[0]!, sentInput());
    await repo.markSent(ids[1]!, sentInput());
    expect((await repo.listNotices({ status: 'sent' })).map((x) => x.id).sort()).toEqual([ids[0], ids[1]].sort());
    const later = new Date(clock.getTime() + 30 * 86_400_000);
    const list = await repo.listNotices({ order: 'overdue_first', now: later, limit: 4 });
    expect(
      list
        .slice(0, 2)
        .map((x) => x.id)
        .sort(),
    ).toEqual([ids[0], ids[1]].sort());
    expect(list.slice(2).map((x) => x.id)).toEqual([ids[5], ids[4]]);
    expect((await repo.listNotices({ order: 'overdue_first', now: later, limit: 10, offset: 1 })).length).toBe(5);
    expect((await repo.dueFollowUps(later)).length).toBe(2);
    expect((await repo.noticesForUrl('https://site3.example/x')).map((x) => x.id)).toEqual([ids[3]]);
  });

  it('tells a watcher when a follow-up date is set, and stops when unsubscribed', async () => {
    let calls = 0;
    const settled = () => new Promise((r) => setTimeout(r, 50));
    const stop = repo.onFollowUpsChange(() => calls++);
    await settled();
    expect(calls).toBe(1); // the first read
    const d = await repo.createDraft({ urls: ['https://w.example/x'], regime: 'us-dmca', recipient: host });
    await settled();
    const afterDraft = calls; // a draft has no follow-up date: Dexie may still re-run, never less
    await repo.markSent(d.id, sentInput());
    await settled();
    expect(calls).toBeGreaterThan(afterDraft);
    stop();
    const before = calls;
    await repo.markSent(
      (await repo.createDraft({ urls: ['https://w.example/y'], regime: 'us-dmca', recipient: host })).id,
      sentInput(),
    );
    await settled();
    expect(calls).toBe(before);
  });

  it('records a re-check result as a chained event with the body hash', async () => {
    const d = await draft();
    await repo.markSent(d.id, sentInput());
    const result = {
      url: d.urls[0]!,
      finalUrl: d.urls[0]!,
      status: 200,
      contentType: 'text/html',
      bytes: 10,
      truncated: false,
      sha256: 'e'.repeat(64),
      redirects: [],
      matchedMarkers: ['The Book'],
      stillServing: true,
      checkedAt: clock.toISOString(),
    };
    const after = await repo.recordEvent(d.id, 'recheck', recheckEventDetails(result), 'system');
    expect(after.status).toBe('sent');
    const last = (await repo.getTimeline(d.id))!.events.at(-1)!;
    expect(last).toMatchObject({
      kind: 'recheck',
      actor: 'system',
      details: { bodySha256: 'e'.repeat(64), stillServing: true },
    });
    expect(await repo.verifyHistory(d.id)).toEqual({ ok: true });
    await dbi.events.update(last.id, { details: { ...last.details, stillServing: false } });
    expect(await repo.verifyHistory(d.id)).toMatchObject({ ok: false, reason: 'edited', eventId: last.id });
  });

  it('computes provider statistics from stored notices and events', async () => {
    const a = await draft();
    await repo.markSent(a.id, sentInput(host));
    tick(48);
    await repo.recordEvent(a.id, 'removed');
    const b = await draft();
    await repo.markSent(b.id, sentInput(host));
    await repo.recordEvent(b.id, 'no_response', {}, 'system');
    await draft();
    expect(await repo.stats()).toEqual([
      {
        provider: 'linode',
        name: 'Linode',
        sent: 2,
        removed: 1,
        partiallyRemoved: 0,
        rejected: 0,
        noResponse: 1,
        decided: 2,
        pending: 0,
        removalRate: 0.5,
        medianDaysToRemoval: 2,
      },
    ]);
  });

  it('pages through 10,000 notices by index: newest first, by status, overdue first', async () => {
    const base = Date.UTC(2025, 0, 1);
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const status = i % 4 === 0 ? 'sent' : 'draft';
      const sentAt = status === 'sent' ? new Date(base + i * 60_000).toISOString() : null;
      return {
        id: `bulk${String(i).padStart(5, '0')}`,
        createdAt: new Date(base + i * 60_000).toISOString(),
        updatedAt: new Date(base + i * 60_000).toISOString(),
        status,
        host: `h${i % 300}.example`,
        urls: [`https://h${i % 300}.example/${i}`],
        sent: sentAt
          ? { at: sentAt, channel: 'email', recipient: host, text: 't', textSha256: 'a'.repeat(64), evidenceSha256: [] }
          : null,
        sentAt,
        followUpAt: sentAt ? new Date(base + i * 60_000 + 86_400_000).toISOString() : null,
      };
    });
    const { NoticeSchema } = await import('../../../lib/model/notice');
    await dbi.notices.bulkAdd(rows.map((r) => NoticeSchema.parse(r)));
    const page = await repo.listNotices({ limit: 50 });
    expect(page.map((x) => x.id)).toEqual(
      Array.from({ length: 50 }, (_, k) => `bulk${String(9999 - k).padStart(5, '0')}`),
    );
    const sentPage = await repo.listNotices({ status: 'sent', limit: 3, offset: 1 });
    expect(sentPage.map((x) => x.id)).toEqual(['bulk09992', 'bulk09988', 'bulk09984']);
    // At base + 2 days, notices sent in the first day are overdue (follow-up after 24 h).
    const now = new Date(base + 2 * 86_400_000);
    const overdue = await repo.listNotices({ order: 'overdue_first', now, limit: 2 });
    expect(overdue.map((x) => x.id)).toEqual(['bulk00000', 'bulk00004']);
    expect((await repo.dueFollowUps(now)).length).toBe(Math.ceil(1441 / 4));
    expect((await repo.listNotices({ search: 'h299.example', limit: 1000 })).length).toBe(33);
  });
});
