import { useCallback, useEffect, useMemo, useState } from 'react';
import { StaleDrafts } from '../../components/popup/StaleDrafts';
import type { Notice } from '../../lib/model/notice';
import type { TeamNoticeRow } from '../../lib/model/team';
import { NoticeFilters, type NoticeFilter } from '../../components/popup/NoticeFilters';
import { NoticeRow, type NoticeRowData } from '../../components/popup/NoticeRow';
import { ErrorMessage } from '../../components/ErrorMessage';
import { VirtualList } from '../../components/ui/VirtualList';
import { useT } from '../../components/i18n';
import { services, useSetting } from '../../lib/db/services';
import { reportPageQuery } from '../../lib/report/target';
import { noticeAge } from '../../lib/tracking/age';
import { SuspectedBanner } from '../../components/detection/SuspectedBanner';
import { useActiveTab } from './use-active-tab';
import { useNoticePages } from './use-notice-pages';

const repo = services().notices;
const teamIds = () => services().team.teamOriginIds();
const STALE_MS = 24 * 3_600_000;
const openPage = (path: string) => browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') });

export function App() {
  const t = useT();
  const [now] = useState(() => new Date());
  const [filter, setFilter] = useState<NoticeFilter>({ status: null, search: '' });
  const inTeam = Boolean(useSetting('team')?.value?.enabled);
  const pages = useNoticePages(repo, filter, now, teamIds);
  // Drafts with no recipient left for a day (abandoned right-clicks) are listed apart, after the first rows.
  const [stale, setStale] = useState<Notice[]>([]);
  const [staleVersion, setStaleVersion] = useState(0);
  const firstRowsShown = pages.rows.length > 0 || pages.done;
  useEffect(() => {
    if (!firstRowsShown) return;
    void repo.staleDrafts(new Date(now.getTime() - STALE_MS)).then(setStale, () => setStale([]));
  }, [firstRowsShown, now, staleVersion]);
  const active = useActiveTab();
  // Colleagues' notices (issue 19) carry the analyst's name; only the rows on screen are looked up.
  const [teamRows, setTeamRows] = useState<Map<string, TeamNoticeRow>>(() => new Map());
  useEffect(() => {
    if (pages.rows.length === 0) return;
    void services()
      .team.rows(pages.rows.map((n) => n.id))
      .then(setTeamRows, () => setTeamRows(new Map()));
  }, [pages.rows]);
  const rows = useMemo(
    () =>
      pages.rows.map((n): NoticeRowData & { draftUrl: string | null } => ({
        id: n.id,
        host: n.host,
        recipientName: n.recipientName,
        status: n.status,
        ...noticeAge(n, now),
        followUpAt: n.followUpAt,
        draftUrl: n.status === 'draft' ? (n.urls[0] ?? null) : null,
        by: teamRows.get(n.id)?.origin === 'team' ? (teamRows.get(n.id)?.createdBy ?? null) : null,
      })),
    [pages.rows, now, teamRows],
  );
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const open = (id: string) => {
    const draftUrl = byId.get(id)?.draftUrl;
    void openPage(
      draftUrl !== null && draftUrl !== undefined
        ? `/report.html${reportPageQuery({ url: draftUrl, kind: 'page', draftId: id })}`
        : `/notice.html?id=${encodeURIComponent(id)}`,
    );
  };
  const loadMore = useCallback(() => void pages.loadMore(), [pages]);
  const filtered = filter.status !== null || filter.search.trim() !== '' || Boolean(filter.mine);

  return (
    <main className="popup">
      <header className="row popup__header">
        <h1>{t('extName')}</h1>
        <nav className="row">
          <a href="#" onClick={(e) => (e.preventDefault(), void openPage('/bulk.html'))} data-testid="open-bulk">
            {t('bulkTitle')}
          </a>
          <a href="#" onClick={(e) => (e.preventDefault(), void openPage('/stats.html'))} data-testid="open-stats">
            {t('openStats')}
          </a>
          <a href="#" onClick={(e) => (e.preventDefault(), void browser.runtime.openOptionsPage())}>
            {t('openOptions')}
          </a>
        </nav>
      </header>
      <SuspectedBanner verdict={active.tab?.verdict ?? null} onReport={() => void active.report()} />
      {active.tab?.reportable && !active.tab.verdict?.suspected && (
        <button
          type="button"
          className="popup__report"
          onClick={() => void active.report()}
          data-testid="report-this-page"
        >
          {t('menuReportPage')}
        </button>
      )}
      {stale.length > 0 && (
        <StaleDrafts
          drafts={stale.map((n) => ({ id: n.id, host: n.host, createdAt: n.createdAt }))}
          onOpen={(id) =>
            void openPage(
              `/report.html${reportPageQuery({ url: stale.find((n) => n.id === id)?.urls[0] ?? '', kind: 'page', draftId: id })}`,
            )
          }
          onDiscard={(ids) =>
            void Promise.all(ids.map((id) => repo.deleteDraft(id))).then(() => setStaleVersion((v) => v + 1))
          }
        />
      )}
      {(filtered || rows.length > 0) && <NoticeFilters value={filter} onChange={setFilter} team={inTeam} />}
      {pages.error ? <ErrorMessage error={pages.error} /> : null}
      {rows.length === 0 && (pages.loading || !pages.done) && !pages.error ? (
        <p className="muted">{t('loading')}</p>
      ) : rows.length === 0 && !filtered ? (
        <p className="empty" data-testid="empty-state">
          {t('popupEmpty')}
        </p>
      ) : rows.length === 0 ? (
        <p className="empty" data-testid="no-match">
          {t('popupNoMatch')}
        </p>
      ) : (
        <VirtualList
          items={rows}
          rowHeight={56}
          height={400}
          getKey={(r) => r.id}
          label={t('noticesList')}
          renderRow={(r) => <NoticeRow row={r} onOpen={open} />}
          onNearEnd={loadMore}
        />
      )}
    </main>
  );
}
