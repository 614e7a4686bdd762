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
}


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
