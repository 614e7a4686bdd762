import { useLiveQuery } from 'dexie-react-hooks';
import { NoticeRow, type NoticeRowData } from '../../components/popup/NoticeRow';
import { VirtualList } from '../../components/ui/VirtualList';
import { useT } from '../../components/i18n';
import { db } from '../../lib/db/schema';

const DAY = 86_400_000;

export function App() {
  const t = useT();
  const rows = useLiveQuery(async (): Promise<NoticeRowData[]> => {
    const now = Date.now();
    const notices = await db().notices.orderBy('createdAt').reverse().limit(500).toArray();
    return notices.map((n) => ({
      id: n.id,
      host: n.host,
      recipientName: n.recipientName,
      status: n.status,
      daysSinceSent: n.sentAt ? Math.floor((now - Date.parse(n.sentAt)) / DAY) : null,
      overdue: n.followUpAt !== null && Date.parse(n.followUpAt) < now && n.status === 'sent',
    }));
  }, []);

  const open = (id: string) => browser.tabs.create({ url: browser.runtime.getURL(`/notice.html?id=${encodeURIComponent(id)}` as '/popup.html') });

  return (
    <main className="popup">
      <header className="row popup__header">
        <h1>{t('extName')}</h1>
      </header>
      {rows === undefined ? (
        <p className="muted">{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty" data-testid="empty-state">
          {t('popupEmpty')}
        </p>
      ) : (
        <VirtualList items={rows} rowHeight={56} height={420} getKey={(r) => r.id} label={t('noticesList')} renderRow={(r) => <NoticeRow row={r} onOpen={open} />} />
      )}
    </main>
  );
}
