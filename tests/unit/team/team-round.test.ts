/**
 * The background's team round (lib/team/team-round.ts) around the sync: when it runs at all, which cursor it
 * starts from, that a trigger during a round gets a round of its own, and that a failure is recorded for the
 * options page instead of thrown away. The server is a recorded-answer fetch; the real server is in
 * tests/server/team/extension-sync.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { TeamSettingsSchema, TeamSyncStateSchema, type TeamSyncState } from '../../../lib/model/team';
import { createTeamRound, teamReady, type TeamRoundDeps } from '../../../lib/team/team-round';

const URL_A = 'http://127.0.0.1:8787';
const team = TeamSettingsSchema.parse({ enabled: true, url: URL_A, user: { id: 1, name: 'Ada', role: 'analyst' } });

function rig(answer: (url: URL) => Response | Promise<Response>) {
  const asked: URL[] = [];
  let state: TeamSyncState = TeamSyncStateSchema.parse({ cursor: 41, cursorUrl: 'http://10.0.0.1:8787' });
  const deps: TeamRoundDeps = {
    repo: {
      pendingIds: async () => [],
      bodiesFor: async () => [],
      pushed: async () => {},
      refused: async () => {},
      received: async () => ({ added: 0, updated: 0, kept: [] }),
    },
    backend: async () => ({ url: URL_A, token: 't' }),
    team: async () => team,
    state: { read: async () => state, write: async (s) => void (state = s) },
    fetch: async (input) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      asked.push(url);
      return answer(url);
    },
    now: () => new Date('2026-12-02T10:00:00.000Z'),
  };
  return { deps, asked, state: () => state };
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('team round', () => {
  it('runs only when joined on the backend URL now configured', () => {
    const backend = { url: URL_A, token: '' };
    expect(teamReady(null, backend)).toBe('not_joined');
    expect(teamReady({ ...team, enabled: false }, backend)).toBe('not_joined');
    expect(teamReady(team, { ...backend, url: 'http://127.0.0.1:9999' })).toBe('backend_changed');
    expect(teamReady(team, backend)).toBe('ok');
  });

  it('starts another server’s cursor from zero and keeps the one it reaches', async () => {
    const r = rig(() => json({ notices: [], cursor: 0 }));
    const out = await createTeamRound(r.deps).run();
    expect(r.asked[0]!.searchParams.get('since')).toBe('0');
    expect(out).toMatchObject({ ran: true, state: { cursor: 0, cursorUrl: URL_A, lastRun: { offline: false } } });
  });

  it('stores its progress and cursor at each step, and clears the progress at the end', async () => {
    const writes: TeamSyncState[] = [];
    const r = rig(() => json({ notices: [], cursor: 57 }));
    const write = r.deps.state.write;
    r.deps.state.write = async (s) => {
      writes.push(s);
      await write(s);
    };
    await createTeamRound(r.deps).run();
    expect(writes[0]).toMatchObject({ cursor: 57, running: { pushed: 0, pending: 0, pulled: 0 } });
    expect(writes.at(-1)).toMatchObject({ cursor: 57, running: null, lastRun: { pulled: 0 } });
  });

  it('a trigger during a round gets one more round after it, not a parallel one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inFlight = 0;
    let most = 0;
    const r = rig(async () => {
      most = Math.max(most, ++inFlight);
      await gate;
      inFlight--;
      return json({ notices: [], cursor: 0 });
    });
    const round = createTeamRound(r.deps);
    const first = round.run();
    const second = round.run();
    const third = round.run();
    release();
    await Promise.all([first, second, third]);
    expect(most).toBe(1);
    // The first round, then one more for the two triggers that arrived while it ran.
    expect(r.asked).toHaveLength(2);
  });

  it('records a failure for the options page instead of throwing', async () => {
    const r = rig(() => new Response('<html>proxy error</html>', { status: 200 }));
    const out = await createTeamRound(r.deps).run();
    expect(out.ran && out.state.lastRun?.error?.kind).toBe('invalid_response');
    expect(r.state().lastRun?.error?.kind).toBe('invalid_response');
  });

  it('an unreachable server is "offline", which keeps the outbox for the next round', async () => {
    const r = rig(() => {
      throw new TypeError('fetch failed');
    });
    const out = await createTeamRound(r.deps).run();
    expect(out).toMatchObject({ ran: true, state: { lastRun: { offline: true, error: null } } });
  });
});

describe('team round: a token the server refuses', () => {
  it('is reported as the user’s to fix, not as an unreachable server', async () => {
    const r = rig(() =>
      json({ error: { kind: 'unauthorized', message: 'This token is not valid on this team server (revoked).' } }, 401),
    );
    const out = await createTeamRound(r.deps).run();
    expect(out).toMatchObject({
      ran: true,
      state: {
        lastRun: { offline: false, error: { kind: 'unauthorized', message: expect.stringMatching(/revoked/) } },
      },
    });
  });
});
