import { useLiveQuery } from 'dexie-react-hooks';
import { TeamPanel } from '../../components/options/TeamPanel';
import { AppError } from '../../lib/errors';
import { sendTyped } from '../../lib/messaging';
import { services, useSetting } from '../../lib/db/services';
import { BackendSettingsSchema, type BackendSettings } from '../../lib/model/settings';
import { TeamSettingsSchema } from '../../lib/model/team';
import { planCatalogPull, readTeamCatalog, shareCatalog } from '../../lib/team/catalog';
import { teamMe } from '../../lib/team/client';
import { teamReady } from '../../lib/team/team-round';

/**
 * After the backend settings are saved: a browser that had joined a team asks the server again who this token is,
 * so a changed token (another analyst, a new role) shows and applies at once. A server that cannot be reached
 * leaves the membership as it was; sync then reports the problem.
 */
export async function recheckTeam(backend: BackendSettings): Promise<void> {
  const team = (await services().settings.read('team')).value;
  if (!team?.enabled) return;
  const me = await teamMe(backend, (...a) => globalThis.fetch(...a)).catch(() => null);
  if (me)
    await services().settings.write('team', {
      ...team,
      url: backend.url,
      user: me,
      joinedAt: new Date().toISOString(),
    });
}

const syncNow = async () => {
  const out = await sendTyped((m) => browser.runtime.sendMessage(m), 'team/sync', {});
  if (!out.ran)
    throw new AppError('not_configured', out.reason === 'backend_changed' ? 'Join the team again.' : 'Join a team.');
};

/** Options → Backend → Team (issue 19): the panel over the stored settings and the background's sync. */
export function TeamSection() {
  const team = useSetting('team')?.value ?? null;
  const sync = useSetting('teamSync')?.value ?? null;
  const backend = useSetting('backend')?.value ?? BackendSettingsSchema.parse({});
  const refused = useLiveQuery(() => services().team.refusedRows(), []) ?? [];
  return (
    <TeamPanel
      team={team}
      sync={sync}
      ready={teamReady(team, backend)}
      refused={refused}
      onJoin={async () => {
        const current = (await services().settings.read('backend')).value ?? BackendSettingsSchema.parse({});
        const me = await teamMe(current, (...a) => globalThis.fetch(...a)).catch((err: unknown) => {
          // A single-user backend has no /v1/team: say so rather than "no such endpoint".
          if (err instanceof AppError && err.kind === 'not_found')
            throw new AppError(
              'not_configured',
              'This backend is not a team server. Enter the team server’s URL and your personal token above, save, and join again.',
            );
          throw err;
        });
        await services().settings.write(
          'team',
          TeamSettingsSchema.parse({ enabled: true, url: current.url, user: me, joinedAt: new Date().toISOString() }),
        );
        await syncNow();
      }}
      onLeave={async () => void (await services().settings.write('team', TeamSettingsSchema.parse({})))}
      onSync={syncNow}
      onPullCatalog={async () => {
        const s = services();
        const backend = (await s.settings.read('backend')).value ?? BackendSettingsSchema.parse({});
        const plan = planCatalogPull(
          { works: await s.works.list(), letterhead: (await s.settings.read('letterhead')).value },
          await readTeamCatalog(backend, (...a) => globalThis.fetch(...a)),
        );
        for (const w of [...plan.add, ...plan.replace]) await s.works.put(w);
        if (plan.letterhead) await s.settings.write('letterhead', plan.letterhead);
        return {
          added: plan.add.length,
          replaced: plan.replace.length,
          sameTitle: plan.sameTitle,
          letterhead: plan.letterhead !== null,
        };
      }}
      onShareCatalog={async () => {
        const s = services();
        const backend = (await s.settings.read('backend')).value ?? BackendSettingsSchema.parse({});
        return shareCatalog(backend, (...a) => globalThis.fetch(...a), {
          works: await s.works.list(),
          letterhead: (await s.settings.read('letterhead')).value,
        });
      }}
    />
  );
}
