import { useEffect, useRef, useState } from 'react';
import { NoticeStatusSchema, type NoticeStatus } from '../../lib/model/notice';
import { useT } from '../i18n';
import { STATUS_KEYS } from '../../lib/tracking/event-labels';

export interface NoticeFilter {
  status: NoticeStatus | null;
  search: string;
  /** In a team: leave out the colleagues' notices. */
  mine?: boolean;
}

/** Status select and a search box; the search is reported after typing pauses, so each key does not query the database. */
export function NoticeFilters({
  value,
  onChange,
  debounceMs = 250,
  team = false,
}: {
  value: NoticeFilter;
  onChange: (f: NoticeFilter) => void;
  debounceMs?: number;
  /** This browser is in a team: offer "only mine". */
  team?: boolean;
}) {
  const t = useT();
  const [search, setSearch] = useState(value.search);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  useEffect(() => {
    if (search === latest.current.search) return;
    const timer = setTimeout(() => onChange({ ...latest.current, search }), debounceMs);
    return () => clearTimeout(timer);
  }, [search, debounceMs, onChange]);
  return (
    <div className="row popup__filters">
      <select
        name="status"
        aria-label={t('popupFilterStatus')}
        value={value.status ?? ''}
        onChange={(e) =>
          onChange({ ...value, status: e.target.value ? NoticeStatusSchema.parse(e.target.value) : null })
        }
      >
        <option value="">{t('allStatuses')}</option>
        {NoticeStatusSchema.options.map((s) => (
          <option key={s} value={s}>
            {t(STATUS_KEYS[s])}
          </option>
        ))}
      </select>
      <input
        type="search"
        name="search"
        placeholder={t('searchNotices')}
        aria-label={t('searchNotices')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {team && (
        <label className="popup__mine">
          <input
            type="checkbox"
            name="mine"
            checked={value.mine ?? false}
            onChange={(e) => onChange({ ...value, mine: e.target.checked })}
          />{' '}
          {t('teamOnlyMine')}
        </label>
      )}
    </div>
  );
}
