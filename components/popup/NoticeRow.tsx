import type { NoticeStatus } from '../../lib/model/notice';
import { useT, type MessageKey } from '../i18n';

export interface NoticeRowData {
  id: string;
  host: string;
  recipientName: string;
  status: NoticeStatus;
  daysSinceSent: number | null;
  overdue: boolean;
}

export const STATUS_KEYS: Record<NoticeStatus, MessageKey> = {
  draft: 'status_draft',
  sent: 'status_sent',
  acknowledged: 'status_acknowledged',
  removed: 'status_removed',
  partially_removed: 'status_partially_removed',
  rejected: 'status_rejected',
  counter_noticed: 'status_counter_noticed',
  no_response: 'status_no_response',
  escalated: 'status_escalated',
  withdrawn: 'status_withdrawn',
};

export function NoticeRow({ row, onOpen }: { row: NoticeRowData; onOpen: (id: string) => void }) {
  const t = useT();
  return (
    <button type="button" className="notice-row" onClick={() => onOpen(row.id)} data-testid="notice-row">
      <span className="notice-row__main">
        <strong className="notice-row__host">{row.host}</strong>
        <span className="muted">{row.recipientName || t('noRecipientYet')}</span>
      </span>
      <span className="notice-row__meta">
        <span className="badge">{t(STATUS_KEYS[row.status])}</span>
        {row.daysSinceSent !== null && <span className="muted">{t('daysSinceSent', String(row.daysSinceSent))}</span>}
        {row.overdue && <span className="badge badge--overdue">{t('overdue')}</span>}
      </span>
    </button>
  );
}
