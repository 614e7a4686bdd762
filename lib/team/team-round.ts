/**
 * The background's team sync (issue 19), with its I/O passed in: one round at a time, only when the user joined a
 * team on the backend URL now configured, and its outcome kept in the `teamSync` setting for the options page.
 * A round that cannot reach the server leaves the outbox as it is (lib/team/sync.ts); the next trigger (an append
 * anywhere in the extension, or the alarm) tries again, so a notice sent offline is pushed once the server is back.
 */
import type { FetchFn } from '../backend/client';
import type { TeamRepo } from '../db/team-repo';
import { serializeError } from '../errors';
import type { BackendSettings } from '../model/settings';
import type { StoredError, TeamSettings, TeamSyncState } from '../model/team';
import { syncOnce } from './sync';

export interface TeamRoundDeps {
  repo: Pick<TeamRepo, 'pendingIds' | 'bodiesFor' | 'pushed' | 'refused' | 'received'>;
  backend: () => Promise<BackendSettings>;
  team: () => Promise<TeamSettings | null>;
  state: { read: () => Promise<TeamSyncState>; write: (s: TeamSyncState) => Promise<void> };
  fetch: FetchFn;
  now: () => Date;
}

export type RoundOutcome =
  { ran: false; reason: 'not_joined' | 'backend_changed' } | { ran: true; state: TeamSyncState };

/** Why a round does not run: not in a team, or the backend URL changed since joining (join again to resume). */
export function teamReady(
  team: TeamSettings | null,
  backend: BackendSettings,
): 'ok' | 'not_joined' | 'backend_changed' {
  if (!team?.enabled || !team.user) return 'not_joined';
  return team.url === backend.url ? 'ok' : 'backend_changed';
}

export function createTeamRound(deps: TeamRoundDeps) {
  let running: Promise<RoundOutcome> | null = null;
  let again = false;

  async function round(): Promise<RoundOutcome> {
    const [backend, team] = await Promise.all([deps.backend(), deps.team()]);
    const ready = teamReady(team, backend);
    if (ready !== 'ok') return { ran: false, reason: ready };
    const before = await deps.state.read();
    // A cursor belongs to one server: another URL starts from its beginning.
    let cursor = before.cursorUrl === backend.url ? before.cursor : 0;
    const base = { ...before, cursorUrl: backend.url };
    const by = team!.user!.name;
    const last = (
      r: { pushed: number; pulled: number; refused: number; offline: boolean },
      error: StoredError | null = null,
    ) => ({
      at: deps.now().toISOString(),
      ...r,
      waiting: 0,
      error,
    });
    let state: TeamSyncState;
    try {
      const report = await syncOnce({
        settings: backend,
        fetch: deps.fetch,
        pending: () => deps.repo.pendingIds(),
        bodies: (id) => deps.repo.bodiesFor(id),
        pushed: (body, result) => deps.repo.pushed(body, result, by),
        refused: (body, error) => deps.repo.refused(body, error),
        received: async (notices) => void (await deps.repo.received(notices)),
        cursor: async () => cursor,
        setCursor: async (c) => {
          cursor = c;
        },
        // The cursor is stored with each step, so a round cut short resumes where it was.
        progress: async (p) => {
          await deps.state.write({ ...base, cursor, running: { at: deps.now().toISOString(), ...p } });
        },
      });
      // A token the server no longer accepts is the user's to fix (ask an admin), not a network outage.
      const stopped =
        report.stoppedBy?.kind === 'unauthorized'
          ? { kind: report.stoppedBy.kind, message: report.stoppedBy.message.slice(0, 2000) }
          : null;
      state = {
        ...base,
        cursor,
        lastRun: last(
          {
            pushed: report.pushed,
            pulled: report.pulled,
            refused: report.refused.length,
            offline: report.offline && !stopped,
          },
          stopped,
        ),
      };
    } catch (err) {
      const e = serializeError(err);
      state = {
        ...base,
        cursor,
        lastRun: last(
          { pushed: 0, pulled: 0, refused: 0, offline: false },
          { kind: e.kind, message: e.message.slice(0, 2000) },
        ),
      };
    }
    state.lastRun!.waiting = (await deps.repo.pendingIds()).length;
    state.running = null;
    await deps.state.write(state);
    return { ran: true, state };
  }

  return {
    /**
     * Runs a round, or joins the one running; a trigger during a round asks for one more after it, so an append
     * made while a push was in flight is not left for the alarm.
     */
    run(): Promise<RoundOutcome> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let out: RoundOutcome;
        do {
          again = false;
          out = await round();
        } while (again);
        return out;
      })().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
export type TeamRound = ReturnType<typeof createTeamRound>;
