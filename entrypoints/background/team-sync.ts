import { db } from '../../lib/db/schema';
import { readSetting, writeSetting } from '../../lib/db/settings';
import { createTeamRepo } from '../../lib/db/team-repo';
import { TeamSyncStateSchema } from '../../lib/model/team';
import { BackendSettingsSchema } from '../../lib/model/settings';
import { createTeamRound, type TeamRound } from '../../lib/team/team-round';

export const TEAM_SYNC_ALARM = 'team-sync';
/** How often an idle browser pulls the team's work and retries an outbox the server could not take. */
const PERIOD_MINUTES = 1;
/** Appends come in bursts (a send writes several events); one round after the burst is enough. */
const SETTLE_MS = 1500;

/** The team round over this profile's IndexedDB, settings and the backend it is configured with. */
export function browserTeamRound(): TeamRound {
  const d = db();
  const now = () => new Date();
  return createTeamRound({
    repo: createTeamRepo({ db: d, now }),
    backend: async () => (await readSetting(d, 'backend')).value ?? BackendSettingsSchema.parse({}),
    team: async () => (await readSetting(d, 'team')).value,
    state: {
      read: async () => (await readSetting(d, 'teamSync')).value ?? TeamSyncStateSchema.parse({}),
      write: async (s) => void (await writeSetting(d, 'teamSync', s)),
    },
    fetch: (...a) => globalThis.fetch(...a),
    now,
  });
}

/**
 * Issue 19: a round on the alarm, at browser start, and shortly after any notice's log grows in any extension page
 * (a send, a reply, an escalation), so colleagues see a sent notice within seconds when the server is up.
 */
export function wireTeamSync(round: TeamRound): void {
  const run = () => void round.run().catch((err: unknown) => console.warn('team sync failed', err));
  const schedule = () =>
    void browser.alarms.create(TEAM_SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
  browser.runtime.onInstalled.addListener(schedule);
  browser.runtime.onStartup.addListener(schedule);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_SYNC_ALARM) run();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  createTeamRepo({ db: db(), now: () => new Date() }).onAppend(() => {
    clearTimeout(timer);
    timer = setTimeout(run, SETTLE_MS);
  });
}
