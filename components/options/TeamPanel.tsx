import { useState } from 'react';
import { AppError } from '../../lib/errors';
import type { TeamNoticeRow, TeamSettings, TeamSyncState } from '../../lib/model/team';
import { ErrorMessage } from '../ErrorMessage';
import { useBusyAction } from '../use-busy-action';
import { useT, type MessageKey } from '../i18n';

const RUNNING_FRESH_MS = 2 * 60_000;

interface Props {
  team: TeamSettings | null;
  sync: TeamSyncState | null;
  /** 'backend_changed' when the backend URL is no longer the one joined. */
  ready: 'ok' | 'not_joined' | 'backend_changed';
  refused: readonly TeamNoticeRow[];
  onJoin: () => Promise<void>;
  onLeave: () => Promise<void>;
  onSync: () => Promise<void>;
  /** "Use the team's works and letterhead": what was added and replaced here. */
  onPullCatalog: () => Promise<{ added: number; replaced: number; sameTitle: number; letterhead: boolean }>;
  /** "Share mine": how many works and whether the letterhead were written to the team. */
  onShareCatalog: () => Promise<{ works: number; letterhead: boolean }>;
  /** The clock (tests set it). */
  now?: () => number;
}

const when = (iso: string) => new Date(iso).toLocaleString(document.documentElement.lang || undefined);

/**
 * Options → Backend → Team (issue 19): join the team server configured above with one's personal token, see as whom,
 * what the last sync did, what waits to be pushed and what the server refused, and sync now.
 */
export function TeamPanel({
  team,
  sync,
  ready,
  refused,
  onJoin,
  onLeave,
  onSync,
  onPullCatalog,
  onShareCatalog,
  now = Date.now,
}: Props) {
  const t = useT();
  const action = useBusyAction<'join' | 'sync' | 'leave' | 'pull' | 'share'>();
  const [catalogDone, setCatalogDone] = useState<string | null>(null);
  const busy = action.running;
  const error = action.error;
  const act = (which: NonNullable<typeof busy>, fn: () => Promise<void>) => () =>
    action.act(async () => {
      setCatalogDone(null);
      await fn();
    }, which);
  const user = team?.enabled ? team.user : null;
  const last = sync?.lastRun ?? null;
  // A round's progress is refreshed at each step; one not refreshed for two minutes belongs to a stopped worker.
  const running = sync?.running && now() - Date.parse(sync.running.at) < RUNNING_FRESH_MS ? sync.running : null;

  return (
    <section className="card" data-testid="team-panel">
      <h3>{t('teamTitle')}</h3>
      {!user ? (
        <>
          <p className="muted">{t('teamIntro')}</p>
          <button type="button" className="primary" disabled={busy !== null} onClick={act('join', onJoin)}>
            {busy === 'join' ? t('teamJoining') : t('teamJoin')}
          </button>
        </>
      ) : (
        <>
          <p data-testid="team-user">
            {t('teamSignedIn', [user.name, t(`teamRole_${user.role}` as MessageKey)])}
            {team?.url && <span className="muted"> · {team.url}</span>}
          </p>
          {user.role === 'viewer' && <p className="banner banner--warn">{t('teamViewerNote')}</p>}
          {ready === 'backend_changed' && <p className="banner banner--warn">{t('teamBackendChanged')}</p>}
          {running && (
            <p role="status" data-testid="team-running">
              {t('teamSyncRunning', [String(running.pushed), String(running.pending), String(running.pulled)])}{' '}
              {running.pending > 0 && <progress max={running.pending} value={running.pushed} />}
            </p>
          )}
          {last ? (
            <p data-testid="team-last-sync" data-offline={last.offline}>
              {t('teamLastSync', [when(last.at), String(last.pushed), String(last.pulled)])}
              {last.waiting > 0 && <> {t('teamWaiting', String(last.waiting))}</>}
            </p>
          ) : (
            <p className="muted">{t('teamNeverSynced')}</p>
          )}
          {last?.offline && <p className="banner banner--warn">{t('teamOffline')}</p>}
          {last?.error && <ErrorMessage error={last.error} context={t('teamSyncFailed')} />}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={busy !== null || ready !== 'ok'}
              onClick={act('sync', onSync)}
              data-testid="team-sync-now"
            >
              {busy === 'sync' ? t('teamSyncing') : t('teamSyncNow')}
            </button>
            {ready === 'backend_changed' && (
              <button type="button" disabled={busy !== null} onClick={act('join', onJoin)}>
                {t('teamJoin')}
              </button>
            )}
            <button type="button" disabled={busy !== null} onClick={act('leave', onLeave)}>
              {t('teamLeave')}
            </button>
          </div>
          <h4>{t('teamCatalogTitle')}</h4>
          <p className="muted">{t('teamCatalogIntro')}</p>
          <div className="row">
            <button
              type="button"
              disabled={busy !== null || ready !== 'ok'}
              onClick={act('pull', async () => {
                const r = await onPullCatalog();
                setCatalogDone(
                  [
                    t('teamCatalogPulled', [String(r.added), String(r.replaced)]),
                    r.sameTitle > 0 ? t('teamCatalogSameTitle', String(r.sameTitle)) : '',
                    r.letterhead ? t('teamCatalogLetterheadPulled') : '',
                  ]
                    .filter(Boolean)
                    .join(' '),
                );
              })}
              data-testid="team-catalog-pull"
            >
              {t('teamCatalogPull')}
            </button>
            <button
              type="button"
              disabled={busy !== null || ready !== 'ok' || user.role === 'viewer'}
              onClick={act('share', async () => {
                const r = await onShareCatalog();
                setCatalogDone(
                  [t('teamCatalogShared', String(r.works)), r.letterhead ? t('teamCatalogLetterheadShared') : '']
                    .filter(Boolean)
                    .join(' '),
                );
              })}
              data-testid="team-catalog-share"
            >
              {t('teamCatalogShare')}
            </button>
          </div>
          {catalogDone && (
            <p className="banner banner--ok" role="status" data-testid="team-catalog-done">
              {catalogDone}
            </p>
          )}
          {refused.length > 0 && (
            <>
              <h4>{t('teamRefusedTitle')}</h4>
              <ul data-testid="team-refused">
                {refused.map((r) => (
                  <li key={r.noticeId}>
                    <a href={`/notice.html?id=${encodeURIComponent(r.noticeId)}`} target="_blank" rel="noreferrer">
                      {r.noticeId.slice(0, 8)}
                    </a>{' '}
                    {r.refused && <ErrorMessage error={new AppError(r.refused.kind, r.refused.message)} />}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
