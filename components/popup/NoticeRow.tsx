import type { NoticeStatus } from '../../lib/model/notice';
import { STATUS_KEYS } from '../../lib/tracking/event-labels';
import { useT } from '../i18n';

export interface NoticeRowData {
  id: string;
  host: string;
  recipientName: string;
  status: NoticeStatus;
  daysSinceSent: number | null;
  overdue: boolean;
  /** The follow-up date (ISO) while the notice awaits an answer. */
  followUpAt?: string | null;
  /** A colleague's notice received from the team server: the analyst who sent it (issue 19). */
  by?: string | null;
}

const shortDate = (iso: string) =>
  new Date(iso).toLocaleDateString(document.documentElement.lang || undefined, { month: 'short', day: 'numeric' });

/** One notice: where, to whom, its status, and when to follow up (overdue stands out). */
export function NoticeRow({ row, onOpen }: { row: NoticeRowData; onOpen: (id: string) => void }) {
  const t = useT();
  return (
    <button
      type="button"
      className={`notice-row${row.overdue ? ' notice-row--overdue' : ''}`}
      onClick={() => onOpen(row.id)}
      data-testid="notice-row"
      data-status={row.status}
    >
      <span className="notice-row__main">
        <strong className="notice-row__host">{row.host}</strong>
        <span className="muted">
          {row.recipientName || t('noRecipientYet')}
          {row.by && (
            <>
              {' · '}
              <span className="notice-row__by" data-testid="row-by">
                {t('teamBy', row.by)}
              </span>
            </>
          )}
        </span>
      </span>
      <span className="notice-row__meta">
        <span className={`badge status status--${row.status}`}>{t(STATUS_KEYS[row.status])}</span>
        {row.overdue ? (
          <span className="badge badge--overdue" data-testid="row-overdue">
            {t('overdueSince', shortDate(row.followUpAt!))}
          </span>
        ) : row.followUpAt ? (
          <span className="muted" data-testid="row-follow-up">
            {t('followUpOn', shortDate(row.followUpAt))}
          </span>
        ) : row.daysSinceSent !== null ? (
          <span className="muted">{t('daysSinceSent', String(row.daysSinceSent))}</span>
        ) : null}
      </span>
    </button>
  );
}
