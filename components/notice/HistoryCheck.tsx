import type { HistoryVerdict } from '../../lib/db/notices-repo';
import { historyReasonKey, statusKey } from '../../lib/tracking/event-labels';
import { useT } from '../i18n';

/** The result of "Verify history": OK, or which event broke, what that means and what to do. */
export function HistoryCheck({ verdict, events }: { verdict: HistoryVerdict; events: number }) {
  const t = useT();
  if (verdict.ok) {
    return (
      <p className="banner banner--ok" data-testid="history-verdict" data-ok="true">
        {t('historyOk', String(events))}
      </p>
    );
  }
  const expected =
    verdict.reason === 'notice_mismatch'
      ? statusKey(verdict.expected)
        ? t(statusKey(verdict.expected)!)
        : verdict.expected
      : '';
  return (
    <div
      className="banner banner--error"
      role="alert"
      data-testid="history-verdict"
      data-ok="false"
      data-reason={verdict.reason}
    >
      <strong>{t('historyBrokenAt', String(verdict.brokenAt))}</strong>
      <p data-testid="history-reason">{t(historyReasonKey(verdict.reason), expected)}</p>
      {/* The raw verdict is evidence too: what the check found, in its own terms. */}
      <details>
        <summary className="muted">{t('technicalDetails')}</summary>
        <code className="mono" data-testid="history-raw">
          reason={verdict.reason} · seq={verdict.brokenAt} · event={verdict.eventId ?? '—'}
          {verdict.reason === 'notice_mismatch' ? ` · expected=${verdict.expected}` : ''}
        </code>
      </details>
    </div>
  );
}
