import { useBusyAction } from '../use-busy-action';
import { useState } from 'react';
import type { TimestampBlob } from '../../lib/db/evidence-blobs';
import type { StampVerdict } from '../../lib/evidence/verify-stamp';
import { ErrorMessage } from '../ErrorMessage';
import { useT } from '../i18n';
import { when } from './NoticeSummary';

export interface StampView {
  evidenceId: string;
  record: TimestampBlob;
}

/**
 * "Timestamped by <TSA> at <time>" for the capture's manifest and the notice's seal (issue 15), each with a
 * Verify button that re-checks the token in this browser. A failed attempt is shown with its reason and a retry;
 * nothing here says a time was proven unless a granted token is stored.
 */
export function TimestampPanel({
  stamps,
  canSeal,
  onVerify,
  onRetry,
}: {
  stamps: readonly StampView[];
  /** The notice was sent, so its seal can be (re)timestamped. */
  canSeal: boolean;
  onVerify: (s: StampView) => Promise<StampVerdict>;
  onRetry: (covers: TimestampBlob['covers']) => Promise<void>;
}) {
  const t = useT();
  const [verdicts, setVerdicts] = useState<Record<string, StampVerdict>>({});
  const { busy, error, act } = useBusyAction();
  const granted = (covers: TimestampBlob['covers']) =>
    stamps.some((s) => s.record.covers === covers && s.record.status === 'granted');
  const retryable = (['manifest', 'seal'] as const).filter((c) => !granted(c) && (c === 'manifest' || canSeal));

  return (
    <section className="card" data-testid="timestamps">
      <h2>{t('timestampTitle')}</h2>
      {stamps.length === 0 && <p className="muted">{t('timestampNone')}</p>}
      <ul className="plain">
        {stamps.map((s) => {
          const v = verdicts[s.evidenceId];
          const r = s.record;
          return (
            <li key={s.evidenceId} data-testid="timestamp" data-status={r.status} data-covers={r.covers}>
              <strong>{t(r.covers === 'seal' ? 'timestampCovers_seal' : 'timestampCovers_manifest')}: </strong>
              {r.status === 'granted' ? (
                <>
                  <span data-testid="timestamp-by" title={`${r.genTime} · serial ${r.serialNumber} · ${r.tsaUrl}`}>
                    {t('timestampBy', [r.tsa, when(r.genTime)])}
                  </span>{' '}
                  <button
                    type="button"
                    data-testid="timestamp-verify"
                    disabled={busy}
                    onClick={() =>
                      void act(async () => {
                        const verdict = await onVerify(s);
                        setVerdicts((all) => ({ ...all, [s.evidenceId]: verdict }));
                      })
                    }
                  >
                    {t('timestampVerify')}
                  </button>
                </>
              ) : (
                <p className="banner banner--error" role="alert" data-testid="timestamp-failed">
                  {t('timestampFailed', r.reason)}
                </p>
              )}
              {v &&
                (v.ok ? (
                  <p className="banner banner--ok" data-testid="timestamp-verdict" data-ok="true">
                    {t('timestampVerified')} {t(v.info.chained ? 'timestampChained' : 'timestampNotChained')}
                  </p>
                ) : (
                  <p
                    className="banner banner--error"
                    role="alert"
                    data-testid="timestamp-verdict"
                    data-ok="false"
                    data-reason={v.reason}
                  >
                    {t('timestampRefused', v.message)}
                  </p>
                ))}
            </li>
          );
        })}
      </ul>
      {retryable.map((covers) => (
        <button
          key={covers}
          type="button"
          data-testid={`timestamp-retry-${covers}`}
          disabled={busy}
          onClick={() => void act(() => onRetry(covers))}
        >
          {t(covers === 'seal' ? 'timestampRetry_seal' : 'timestampRetry_manifest')}
        </button>
      ))}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
