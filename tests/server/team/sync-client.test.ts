/**
 * The extension's sync round (lib/team/sync.ts) against two real team-server instances: two analysts, each with
 * their own outbox and team view (in memory here; IndexedDB in the extension), see each other's sent notices;
 * an outbox survives the server being unreachable and drains later without duplicates; a viewer's push is refused
 * for good and reported.
 */
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import type { TeamServer } from '../../../lib/server/team/team-server';
import { teamMe } from '../../../lib/team/client';
import type { PulledNotice, PushBody } from '../../../lib/team/schema';
import { syncOnce, type SyncIo } from '../../../lib/team/sync';
import type { SerializedError } from '../../../lib/errors';
import { TEAM_SERVICES, twoInstanceRig } from '../../helpers/team-stack';
import { sentNoticeWithLog } from '../../helpers/team-notice';

const team = twoInstanceRig();

/** A sent notice with its log, as the outbox holds it. */
const sent = async (id: string): Promise<PushBody> => ({ ...(await sentNoticeWithLog(id)), evidence: [] });

/** One extension's local state: its outbox, what it pulled, its cursor, and which server it talks to. */
function extension(token: string, server: () => TeamServer | null) {
  const state = {
    outbox: [] as PushBody[],
    team: new Map<string, PulledNotice>(),
    cursor: 0,
    refused: [] as Array<{ id: string; error: SerializedError }>,
  };
  const io: SyncIo = {
    settings: { url: 'http://127.0.0.1:8787', token },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const s = server();
      if (!s) throw new TypeError('fetch failed');
      return s.app.request(input instanceof Request ? input.url : input.toString(), init);
    },
    pending: async () => state.outbox.map((n) => n.notice.id),
    bodies: async (id) => state.outbox.filter((n) => n.notice.id === id),
    pushed: async ({ notice: { id } }) => void (state.outbox = state.outbox.filter((n) => n.notice.id !== id)),
    refused: async ({ notice: { id } }, error) => {
      state.outbox = state.outbox.filter((n) => n.notice.id !== id);
      state.refused.push({ id, error });
    },
    received: async (notices) => notices.forEach((n) => state.team.set(n.notice.id, n)),
    cursor: async () => state.cursor,
    setCursor: async (c) => void (state.cursor = c),
  };
  return { state, io };
}

describe.skipIf(!TEAM_SERVICES)('extension sync with the team server', () => {
  test("two analysts on two instances see each other's sent notices, with the sender's name", async () => {
    const alice = extension((await team.rig.addUser('Alice', 'analyst')).token, () => team.a);
    const bob = extension((await team.rig.addUser('Bob', 'analyst')).token, () => team.b);
    expect((await teamMe(alice.io.settings, alice.io.fetch)).name).toBe('Alice');
    alice.state.outbox.push(await sent('alice-1'));
    bob.state.outbox.push(await sent('bob-1'));

    expect(await syncOnce(alice.io)).toMatchObject({ pushed: 1, offline: false, refused: [] });
    expect(await syncOnce(bob.io)).toMatchObject({ pushed: 1, pulled: 2, offline: false });
    expect(await syncOnce(alice.io)).toMatchObject({ pushed: 0, pulled: 1 });
    expect(bob.state.team.get('alice-1')?.createdBy).toBe('Alice');
    expect(alice.state.team.get('bob-1')?.createdBy).toBe('Bob');
    expect(alice.state.team.get('bob-1')?.notice.sent?.text).toBe('Notice bob-1');
    // Nothing new: the next round pulls nothing.
    expect(await syncOnce(bob.io)).toMatchObject({ pushed: 0, pulled: 0 });
  });

  test('a notice sent while the server is unreachable stays in the outbox and is pushed once it is back', async () => {
    let up = false;
    const carol = extension((await team.rig.addUser('Carol', 'analyst')).token, () => (up ? team.a : null));
    carol.state.outbox.push(await sent('carol-1'), await sent('carol-2'));
    expect(await syncOnce(carol.io)).toMatchObject({ pushed: 0, offline: true });
    expect(carol.state.outbox.map((n) => n.notice.id)).toEqual(['carol-1', 'carol-2']);
    up = true;
    expect(await syncOnce(carol.io)).toMatchObject({ pushed: 2, offline: false });
    expect(carol.state.outbox).toEqual([]);
    // Pushing again (a lost answer, a retried round) stores nothing twice.
    carol.state.outbox.push(await sent('carol-1'));
    expect(await syncOnce(carol.io)).toMatchObject({ pushed: 1 });
    // The database is the judge: carol-1's two events are stored once.
    const db = new pg.Client(team.rig.pg.url);
    await db.connect();
    const rows = await db.query<{ n: string }>("SELECT count(*) AS n FROM notice_events WHERE notice_id = 'carol-1'");
    await db.end();
    expect(rows.rows[0]!.n).toBe('2');
  });

  test("a viewer's push is refused for good, reported, and not retried", async () => {
    const vera = extension((await team.rig.addUser('Vera', 'viewer')).token, () => team.b);
    vera.state.outbox.push(await sent('vera-1'));
    const report = await syncOnce(vera.io);
    expect(report.pushed).toBe(0);
    expect(report.refused.map((r) => [r.noticeId, r.error.kind])).toEqual([['vera-1', 'forbidden']]);
    expect(vera.state.outbox).toEqual([]);
    expect(report.pulled).toBeGreaterThan(0);
    expect(vera.state.team.has('vera-1')).toBe(false);
  });
});
