import { useEffect, useMemo, useState } from 'react';
import type { NoticesRepo } from '../../lib/db/notices-repo';
import type { Notice, NoticeStatus } from '../../lib/model/notice';
import { createPager } from '../../lib/tracking/pager';

const PAGE = 100;

/** Notices for the popup, overdue first then newest, a page at a time; a new filter starts over. */
export function useNoticePages(
  repo: NoticesRepo,
  filter: { status: NoticeStatus | null; search: string; mine?: boolean },
  now: Date,
  /** The colleagues' notices, read when "only mine" is on (issue 19). */
  teamIds: () => Promise<ReadonlySet<string>> = async () => new Set(),
) {
  const [, rerender] = useState(0);
  const pager = useMemo(
    () =>
      createPager<Notice>(
        async (offset, limit) =>
          repo.listNotices({
            exclude: filter.mine ? await teamIds() : undefined,
            order: 'overdue_first',
            now,
            hideStaleBefore: new Date(now.getTime() - 24 * 3_600_000),
            offset,
            limit,
            status: filter.status ?? undefined,
            search: filter.search || undefined,
          }),
        PAGE,
        () => rerender((n) => n + 1),
      ),
    [repo, filter.status, filter.search, filter.mine, now, teamIds],
  );
  useEffect(() => void pager.loadMore(), [pager]);
  return pager;
}
