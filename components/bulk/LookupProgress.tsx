import type { Progress } from '../../lib/bulk/plan';
import type { LookupStatus } from '../../lib/bulk/state';
import { ErrorMessage } from '../ErrorMessage';
import { useT } from '../i18n';

interface Props {
  progress: Progress;
  status: LookupStatus;
  running: boolean;
  error: unknown;
  onStart: () => void;
  onCancel: () => void;
  onRetryFailed: () => void;
}

/** Step 2: the batch lookup's progress, with cancel and resume; finished hosts are never asked again. */
export function LookupProgress({ progress: p, status, running, error, onStart, onCancel, onRetryFailed }: Props) {
  const t = useT();
  const complete = p.doneHosts === p.totalHosts;
  return (
    <div
      data-testid="lookup-progress"
      data-status={running ? 'running' : status}
      data-done={p.doneUrls}
      data-total={p.totalUrls}
      data-failed={p.failedUrls}
    >
      <progress className="bulk-progress" max={p.totalUrls} value={p.doneUrls} aria-label={t('bulkStepLookup')} />
      <p>
        {t('bulkProgress', [String(p.doneUrls), String(p.totalUrls), String(p.doneHosts), String(p.totalHosts)])}
        {p.failedUrls > 0 && <span className="error"> · {t('bulkFailures', String(p.failedUrls))}</span>}
      </p>
      {!running && complete && (
        <p className="muted" role="status">
          {t('bulkLookupDone')}
        </p>
      )}
      {!running && !complete && status === 'interrupted' && (
        <p className="banner banner--warn" role="status">
          {t('bulkLookupInterrupted')}
        </p>
      )}
      {!running && !complete && status === 'cancelled' && (
        <p className="muted" role="status">
          {t('bulkLookupCancelled')}
        </p>
      )}
      {error ? <ErrorMessage error={error} context={t('lookupFailed')} /> : null}
      <div className="row">
        {running ? (
          <button type="button" data-testid="bulk-cancel" onClick={onCancel}>
            {t('bulkCancel')}
          </button>
        ) : (
          !complete && (
            <button type="button" className="primary" data-testid="bulk-resume" onClick={onStart}>
              {status === 'not_started' ? t('bulkStart') : t('bulkResume')}
            </button>
          )
        )}
        {!running && p.failedUrls > 0 && (
          <button type="button" data-testid="bulk-retry-failed" onClick={onRetryFailed}>
            {t('bulkRetryFailed')}
          </button>
        )}
      </div>
    </div>
  );
}
