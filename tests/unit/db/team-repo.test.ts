/**
 * Issue 19, this browser's side of the team server over IndexedDB: the v5 → v6 upgrade keeps every record; the outbox
 * is every sent notice whose log the server does not hold (drafts never leave); a push is split to fit the server's
 * limit and carries evidence bytes only when they still match their hash; received notices join the local record
 * only when they verify, and a local log is never cut or overwritten.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, openDbAtVersion, SCHEMA_VERSION } from '../../../lib/db/schema';
import { createTeamRepo } from '../../../lib/db/team-repo';
import { createDocumentsRepo, documentAttachmentId } from '../../../lib/db/documents-repo';
import { base64ToBytes } from '../../../lib/export/base64';
import type { PulledNotice, PushBody } from '../../../lib/team/schema';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { verifyChain } from '../../../lib/tracking/hash-chain';
import { freshDb, freshDbName } from '../../helpers/fresh-db';
import { writeSetting } from '../../../lib/db/settings';
import { exportAll, importAll } from '../../../lib/db/transfer';
import { host, recordWorld } from './record-fixtures';

async function world(idPrefix = '') {
  const w = await recordWorld({ idPrefix });
  const team = createTeamRepo({ db: w.db, now: w.now });
  const send = async (recipient = host) => {
    const d = await w.draft(recipient);
    return w.notices.markSent(d.id, { at: w.now().toISOString(), channel: 'email', recipient, text: `To ${d.id}` });
  };
  const events = (id: string) =>
    w.db.events.where('[noticeId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
  /** What the server would answer for a pull of this notice as it stands here. */
  const asPulled = async (id: string, by = 'Ada'): Promise<PulledNotice> => {
    const log = await events(id);
    return {
      notice: (await w.db.notices.get(id))!,
      version: 1,
      change: 7,
      createdBy: by,
      updatedBy: by,
      events: log,
      eventsBy: Object.fromEntries(log.map((e) => [e.id, by])),
      evidence: [],
    };
  };
  return { ...w, team, send, events, asPulled };
}

const ok = (n: number) => ({
  ok: true as const,
  version: n,
  change: n,
  changed: true,
  eventsAdded: 1,
  evidenceAdded: 0,
});

describe('schema version 6', () => {
  it('upgrades a version 5 database keeping every record, with an empty teamNotices table', async () => {
    expect(SCHEMA_VERSION).toBe(6);
    const name = freshDbName('v5');
    // A real version 5 database: a sent notice with its log, evidence and a setting, written by the v5 repositories.
    const old = openDbAtVersion(name, 5);
    const w = await recordWorld({ db: old });
    const d = await w.draft(host);
    await w.notices.markSent(d.id, { at: w.now().toISOString(), channel: 'email', recipient: host, text: 'Sent' });
    await old.settings.put({ key: 'defaults', value: { regime: 'auto', lang: 'en' } });
    await old.documents.add({ id: 'doc1' } as never);
    const snapshot = async (db: typeof old) => ({
      notices: await db.notices.toArray(),
      events: await db.events.toArray(),
      evidence: (await db.evidence.toArray()).map(({ blob: _b, ...m }) => m),
      heads: await db.heads.toArray(),
      urls: await db.urls.toArray(),
      settings: await db.settings.toArray(),
      documents: await db.documents.toArray(),
    });
    const before = await snapshot(old);
    old.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.teamNotices.count()).toBe(0);
    // Every sent notice of the old record is in the outbox once a team is joined.
    expect(await createTeamRepo({ db, now: () => new Date() }).pendingIds()).toEqual([d.id]);
    db.close();
  });
});

describe('team outbox', () => {
  it('holds sent notices only, until the server has their head; a later event puts one back', async () => {
    const w = await world();
    await w.draft(host); // a draft never leaves this browser
    const sent = await w.send();
    expect(await w.team.pendingIds()).toEqual([sent.id]);
    const [body] = await w.team.bodiesFor(sent.id);
    expect(body!.events.map((e) => e.kind)).toEqual(['created', 'sent']);
    expect((await verifyChain(body!.events, sha256Hex, { textSha256: sent.sent!.textSha256 })).ok).toBe(true);
    await w.team.pushed(body!, ok(1), 'Ada');
    expect(await w.team.pendingIds()).toEqual([]);
    expect(await w.team.get(sent.id)).toMatchObject({ origin: 'local', version: 1, createdBy: 'Ada', refused: null });

    w.tick(24);
    await w.notices.recordEvent(sent.id, 'acknowledged');
    expect(await w.team.pendingIds()).toEqual([sent.id]);
    const [again] = await w.team.bodiesFor(sent.id);
    expect(again!.events).toHaveLength(3);
    expect(again!.baseVersion).toBe(1);
    // Evidence the server already holds is not sent twice.
    expect(again!.evidence).toEqual([]);
  });

  it('keeps a refusal until the log grows, then tries again', async () => {
    const w = await world();
    const sent = await w.send();
    const [body] = await w.team.bodiesFor(sent.id);
    await w.team.refused(body!, { kind: 'forbidden', message: 'This needs the analyst role' });
    expect(await w.team.pendingIds()).toEqual([]);
    expect((await w.team.refusedRows()).map((r) => [r.noticeId, r.refused?.kind])).toEqual([[sent.id, 'forbidden']]);
    await w.notices.recordEvent(sent.id, 'note', { text: 'called them' });
    expect(await w.team.pendingIds()).toEqual([sent.id]);
  });

  it('carries the evidence bytes that still match their hash, split over bodies that fit the limit', async () => {
    const w = await world();
    const sent = await w.send();
    const rows = await w.db.evidence.where('captureId').equals(sent.captureId!).toArray();
    const biggest = Math.max(...rows.map((r) => r.size));
    // Room for one file per body; the screenshot's bytes are then changed behind the record's back.
    const team = createTeamRepo({
      db: w.db,
      now: w.now,
      limits: { pushBytes: Math.ceil((biggest * 4) / 3) + 4, maxFile: 1 << 20 },
    });
    const shot = rows.find((r) => r.kind === 'screenshot')!;
    await w.db.evidence.update(shot.id, { blob: new Blob([new Uint8Array([9, 9, 9])]) });
    const bodies: PushBody[] = await team.bodiesFor(sent.id);
    expect(bodies.length).toBeGreaterThan(1);
    const items = bodies.flatMap((b) => b.evidence);
    expect(items.map((i) => i.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const b of bodies) expect(b.events).toHaveLength(2);
    for (const item of items) {
      if (item.id === shot.id) expect(item.base64).toBeUndefined();
      else expect(await sha256Hex(base64ToBytes(item.base64!))).toBe(item.sha256);
    }
    // A file over the per-file cap goes as metadata only.
    const tiny = createTeamRepo({ db: w.db, now: w.now, limits: { pushBytes: 1 << 20, maxFile: 1 } });
    expect((await tiny.bodiesFor(sent.id)).flatMap((b) => b.evidence).every((i) => i.base64 === undefined)).toBe(true);
  });
});

describe('the background’s trigger', () => {
  it('calls back on every append to any notice’s log (a send, a reply), until unsubscribed', async () => {
    const w = await world();
    const settled = () => new Promise((r) => setTimeout(r, 50));
    let calls = 0;
    const stop = w.team.onAppend(() => calls++);
    await settled();
    const first = calls;
    const sent = await w.send();
    await settled();
    expect(calls).toBeGreaterThan(first);
    const afterSend = calls;
    w.tick(1);
    await w.notices.recordEvent(sent.id, 'acknowledged');
    await settled();
    expect(calls).toBeGreaterThan(afterSend);
    stop();
    const stopped = calls;
    w.tick(1);
    await w.notices.recordEvent(sent.id, 'note', { text: 'after unsubscribe' });
    await settled();
    expect(calls).toBe(stopped);
  });
});

describe('the rights holder’s documents', () => {
  it('go with the notice that attached them, once', async () => {
    const w = await world();
    const docs = createDocumentsRepo({ db: w.db, now: w.now });
    const licence = await docs.add(
      { name: 'licence.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 licence') },
      { kind: 'ownership', title: 'Licence' },
    );
    const d = await w.draft(host);
    await w.notices.saveDraft(d.id, { documentIds: [licence.id] });
    await w.notices.markSent(d.id, {
      at: w.now().toISOString(),
      channel: 'email',
      recipient: host,
      text: 'With licence',
    });
    const [body] = await w.team.bodiesFor(d.id);
    const item = body!.evidence.find((e) => e.id === documentAttachmentId(licence.id));
    expect(item).toMatchObject({ filename: 'licence.pdf', mime: 'application/pdf', sha256: licence.sha256 });
    expect(new TextDecoder().decode(base64ToBytes(item!.base64!))).toBe('%PDF-1.4 licence');
    expect(item!.record).toBeUndefined();
    await w.team.pushed(body!, ok(1), 'Ada');
    await w.notices.recordEvent(d.id, 'acknowledged');
    const [next] = await w.team.bodiesFor(d.id);
    expect(next!.evidence).toEqual([]);
  });
});

describe('receiving the team’s notices', () => {
  it('adds a colleague’s notice with its log, and the popup can name the analyst', async () => {
    const ada = await world();
    const sent = await ada.send();
    const pulled = await ada.asPulled(sent.id, 'Ada');
    const bob = await world('bob-');
    const report = await bob.team.received([pulled]);
    expect(report).toEqual({ added: 1, updated: 0, kept: [] });
    expect((await bob.db.notices.get(sent.id))?.sent?.text).toBe(sent.sent!.text);
    expect((await bob.events(sent.id)).map((e) => e.hash)).toEqual(pulled.events.map((e) => e.hash));
    expect(await bob.db.heads.get(sent.id)).toMatchObject({ hash: pulled.events.at(-1)!.hash });
    expect(await bob.db.urls.where('noticeId').equals(sent.id).count()).toBe(1);
    const row = (await bob.team.rows([sent.id])).get(sent.id);
    expect(row).toMatchObject({ origin: 'team', createdBy: 'Ada' });
    expect(Object.values(row!.eventsBy ?? {})).toEqual(['Ada', 'Ada']);
    // Held by the server as it is: nothing to push back, and it is not Bob's follow-up to chase.
    expect(await bob.team.pendingIds()).toEqual([]);
    expect(await bob.team.teamOrigin([sent.id])).toEqual(new Set([sent.id]));
    // "Only mine" in Bob's popup leaves Ada's notice out, on every order and page.
    const bobs = await bob.send();
    const exclude = await bob.team.teamOriginIds();
    expect(exclude).toEqual(new Set([sent.id]));
    expect((await bob.notices.listNotices({ exclude })).map((n) => n.id)).toEqual([bobs.id]);
    const overdue = { order: 'overdue_first' as const, now: new Date('2027-01-01T00:00:00Z'), exclude };
    expect((await bob.notices.listNotices(overdue)).map((n) => n.id)).toEqual([bobs.id]);
    expect(await bob.notices.listNotices({ ...overdue, offset: 1 })).toEqual([]);
    // A colleague's draft is not part of the shared case log.
    const draft = await ada.draft(host);
    expect(await bob.team.received([await ada.asPulled(draft.id)])).toEqual({ added: 0, updated: 0, kept: [] });
    expect(await bob.db.notices.get(draft.id)).toBeUndefined();
    // Receiving the same again changes nothing.
    expect(await bob.team.received([pulled])).toEqual({ added: 0, updated: 0, kept: [] });
    expect(await bob.events(sent.id)).toHaveLength(2);
  });

  it('refuses a forged copy (text changed, a broken log, a script link) and keeps the local record', async () => {
    const ada = await world();
    const sent = await ada.send();
    const pulled = await ada.asPulled(sent.id);
    const forged = { ...pulled, notice: { ...pulled.notice, sent: { ...pulled.notice.sent!, text: 'Other words' } } };
    const cut = { ...pulled, events: pulled.events.slice(1) };
    const scripted = {
      ...pulled,
      notice: { ...pulled.notice, recipient: { ...pulled.notice.recipient!, formUrl: 'javascript:alert(1)' } },
    };
    const bob = await world();
    const report = await bob.team.received([forged, cut, scripted]);
    expect(report.added).toBe(0);
    expect(report.kept.map((k) => k.reason)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(await bob.db.notices.get(sent.id)).toBeUndefined();
    expect((await bob.team.get(sent.id))?.refused?.kind).toBe('conflict');
  });

  it('extends a local log a colleague added to, and keeps a local log that is newer or diverged', async () => {
    const ada = await world();
    const sent = await ada.send();
    const bob = await world();
    await bob.team.received([await ada.asPulled(sent.id)]);
    // Ada records the hosting provider's acknowledgement; Bob receives the longer log.
    ada.tick(2);
    await ada.notices.recordEvent(sent.id, 'acknowledged');
    expect(await bob.team.received([await ada.asPulled(sent.id)])).toMatchObject({ updated: 1 });
    expect((await bob.db.notices.get(sent.id))?.status).toBe('acknowledged');
    expect(await bob.events(sent.id)).toHaveLength(3);

    // Bob records a removal; an older copy from the server does not cut his log, and his is pushed next.
    const older = await ada.asPulled(sent.id);
    await bob.notices.recordEvent(sent.id, 'removed');
    expect(await bob.team.received([older])).toEqual({ added: 0, updated: 0, kept: [] });
    expect(await bob.events(sent.id)).toHaveLength(4);
    expect(await bob.team.pendingIds()).toEqual([sent.id]);

    // Ada meanwhile records something else at the same place: the copies diverge and Bob's stays as it is.
    ada.tick(1);
    await ada.notices.recordEvent(sent.id, 'rejected');
    const diverged = await bob.team.received([await ada.asPulled(sent.id)]);
    expect(diverged.kept).toEqual([{ noticeId: sent.id, reason: 'diverged' }]);
    expect((await bob.db.notices.get(sent.id))?.status).toBe('removed');
    expect((await bob.team.get(sent.id))?.refused?.message).toMatch(/differs/);
  });
});

describe('team membership and the export', () => {
  it('stays out of the JSON export, and a file that carries it anyway does not sign the importer in', async () => {
    const w = await world();
    await w.send();
    await writeSetting(w.db, 'team', {
      enabled: true,
      url: 'http://127.0.0.1:8787',
      user: { id: 1, name: 'Ada', role: 'analyst' },
    });
    await writeSetting(w.db, 'teamSync', { cursor: 5 });
    const text = await exportAll(w.db, w.now);
    const file = JSON.parse(text) as { settings: Array<{ key: string }> };
    expect(file.settings.map((s) => s.key)).not.toContain('team');
    expect(file.settings.map((s) => s.key)).not.toContain('teamSync');

    file.settings.push({
      key: 'team',
      value: { enabled: true, user: { id: 9, name: 'Mallory', role: 'admin' } },
    } as never);
    const other = freshDb('team-import');
    const report = await importAll(other, JSON.stringify(file));
    expect(report.skipped).toContainEqual(expect.objectContaining({ id: 'team', reason: 'unknown_setting' }));
    expect(await other.settings.get('team')).toBeUndefined();
    expect(report.added.notices).toBe(1);
  });
});
