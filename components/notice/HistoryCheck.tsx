import type { HistoryVerdict } from '../../lib/db/notices-repo';
import { useT } from '../i18n';

/** The result of "Verify history": OK, or which event broke and why. */
export function HistoryCheck({ verdict, events }: { verdict: HistoryVerdict; events: number }) {
  const t = useT();
  if (verdict.ok) {
    return (
      <p className="banner banner--ok" data-testid="history-verdict" data-ok="true">
        {t('historyOk', String(events))}
      </p>
    );
  }
  return (
    <p className="banner banner--error" data-testid="history-verdict" data-ok="false">
      {t('historyBroken', [String(verdict.brokenAt), verdict.eventId ?? '—', verdict.reason])}
    </p>
  );
}
