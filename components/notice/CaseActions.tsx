import { useBusyAction } from '../use-busy-action';
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
  const { busy, error, act } = useBusyAction();
  const [recheck, setRecheck] = useState<RecheckResult | null>(null);
  return (
    <div>
      <div className="row">
        <button type="button" onClick={() => void act(onVerify)} disabled={busy} data-testid="verify-history">
          {t('verifyHistory')}
        </button>
        {canRecheck && (
          <button
            type="button"
            onClick={() => void act(async () => setRecheck(await onRecheck()))}
            disabled={busy}
            data-testid="recheck"
          >
            {t('recheck')}
          </button>
        )}
        {canEscalate && (
          <button type="button" onClick={() => void act(onEscalate)} disabled={busy} data-testid="escalate">
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
