import { describe, expect, it, vi } from 'vitest';
import { cdn, host, recordWorld, registrar } from './record-fixtures';

describe('autosave (outside the hash chain)', () => {
  it('writes one draft_saved per draft per editing session, however many pauses, in one transaction each', async () => {
    const w = await recordWorld();
    const drafts = [await w.draft(cdn), await w.draft(host), await w.draft(registrar)];
    const spy = vi.spyOn(w.db, 'transaction');
    for (const words of ['The page', 'The page offers', 'The page offers the full game']) {
      w.tick(0.01);
      await w.notices.autosave(
        drafts.map((d) => ({ id: d.id, patch: { explanation: words } })),
        'session-1',
      );
    }
    // One read-write transaction per pause, covering all three drafts.
    expect(spy.mock.calls.filter((c) => c[0] === 'rw')).toHaveLength(3);
    for (const d of drafts) {
      const t = await w.notices.getTimeline(d.id);
      expect(t?.notice.explanation).toBe('The page offers the full game');
      expect(t?.events.map((e) => e.kind)).toEqual(['created', 'draft_saved']);
      expect(t?.events[1]!.details).toEqual({ session: 'session-1', fields: ['explanation'] });
      expect(await w.notices.verifyHistory(d.id)).toEqual({ ok: true });
    }
    // A new visit of the page is a new session: one more event, not one per keystroke pause.
    await w.notices.autosave([{ id: drafts[0]!.id, patch: { measure: 'Remove it.' } }], 'session-2');
    await w.notices.autosave([{ id: drafts[0]!.id, patch: { measure: 'Remove it now.' } }], 'session-2');
    expect((await w.notices.getTimeline(drafts[0]!.id))?.events.map((e) => e.kind)).toEqual([
      'created',
      'draft_saved',
      'draft_saved',
    ]);
  });

  it('skips patches that change nothing, and sent notices', async () => {
    const w = await recordWorld();
    const d = await w.draft();
    const before = await w.notices.getNotice(d.id);
    const spy = vi.spyOn(w.db, 'transaction');
    expect(
      await w.notices.autosave([{ id: d.id, patch: { explanation: before!.explanation, workIds: ['w1'] } }], 's'),
    ).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
    expect((await w.notices.getNotice(d.id))?.updatedAt).toBe(before?.updatedAt);
    await w.notices.markSent(d.id, { at: w.now().toISOString(), channel: 'email', recipient: cdn, text: 'x' });
    expect(await w.notices.autosave([{ id: d.id, patch: { explanation: 'changed after sending' } }], 's')).toEqual([]);
    expect((await w.notices.getNotice(d.id))?.explanation).toBe(before?.explanation);
  });

  it('deleteDraft discards an unsent draft with its log, and refuses a sent notice', async () => {
    const w = await recordWorld();
    const a = await w.draft();
    const b = await w.draft(host);
    await w.notices.deleteDraft(a.id);
    expect(await w.notices.getNotice(a.id)).toBeNull();
    expect(await w.db.events.where('noticeId').equals(a.id).count()).toBe(0);
    expect(await w.db.urls.where('noticeId').equals(a.id).count()).toBe(0);
    await w.notices.markSent(b.id, { at: w.now().toISOString(), channel: 'email', recipient: host, text: 'x' });
    await expect(w.notices.deleteDraft(b.id)).rejects.toMatchObject({ kind: 'read_only' });
  });

  it('lists drafts without a recipient left for a day apart', async () => {
    const w = await recordWorld();
    const lone = await w.notices.createDraft({ urls: ['https://pirate.example/x'] });
    await w.draft();
    w.tick(1);
    const fresh = await w.notices.createDraft({ urls: ['https://pirate.example/y'] });
    w.tick(24);
    const stale = await w.notices.staleDrafts(new Date(w.now().getTime() - 24 * 3_600_000));
    expect(stale.map((n) => n.id)).toEqual([lone.id]);
    expect(stale.map((n) => n.id)).not.toContain(fresh.id);
  });
});
