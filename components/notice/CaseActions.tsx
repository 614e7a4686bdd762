import { useState } from 'react';
import type { RecheckResult } from '../../lib/tracking/recheck';
import { ErrorMessage } from '../ErrorMessage';
import { useT } from '../i18n';

/** Verify history, re-check the page and escalate; each shows its own result or error. */
export function CaseActions({
  canEscalate,
  canRecheck,
  onVerify,
  onRecheck,
  onEscalate,
}: {
  canEscalate: boolean;
  canRecheck: boolean;
  onVerify: () => Promise<void>;
  onRecheck: () => Promise<RecheckResult>;
  onEscalate: () => Promise<void>;
}) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [recheck, setRecheck] = useState<RecheckResult | null>(null);
  const run = (name: string, fn: () => Promise<unknown>) => async () => {
    setBusy(name);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      <div className="row">
        <button
          type="button"
          onClick={() => void run('verify', onVerify)()}
          disabled={busy !== null}
          data-testid="verify-history"
        >
          {t('verifyHistory')}
        </button>
        {canRecheck && (
          <button
            type="button"
            onClick={() => void run('recheck', async () => setRecheck(await onRecheck()))()}
            disabled={busy !== null}
            data-testid="recheck"
          >
            {t('recheck')}
          </button>
        )}
        {canEscalate && (
          <button
            type="button"
            onClick={() => void run('escalate', onEscalate)()}
            disabled={busy !== null}
            data-testid="escalate"
          >
            {t('escalate')}
          </button>
        )}
      </div>
      {recheck && (
        <p className={`banner ${recheck.stillServing ? 'banner--warn' : 'banner--ok'}`} data-testid="recheck-result">
          {t(recheck.stillServing ? 'recheckStill' : 'recheckGone', String(recheck.status))}
        </p>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
