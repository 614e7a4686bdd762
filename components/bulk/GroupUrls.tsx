import type { Work } from '../../lib/model/work';
import { useT } from '../i18n';

interface Props {
  urls: readonly string[];
  excluded: ReadonlySet<string>;
  standIns: readonly string[];
  readOnly: boolean;
  onToggle: (url: string) => void;
  /** The catalog, for the per-URL work choice. */
  works?: readonly Work[];
  /** Each URL's works; a URL without any uses the report's shared works. */
  urlWorks?: ReadonlyMap<string, readonly string[] | undefined>;
  /** Works the catalog matcher found in each URL. */
  suggested?: ReadonlyMap<string, readonly string[]>;
  onAssign?: (urls: readonly string[], workIds: string[]) => void;
}

const SHARED = '';

/**
 * The URLs one notice lists, each with the work it shows; unticking one leaves it out of the
 * letter and the tracked notice. The notice names only the works of its ticked URLs.
 */
export function GroupUrls({
  urls,
  excluded,
  standIns,
  readOnly,
  onToggle,
  works = [],
  urlWorks,
  suggested,
  onAssign,
}: Props) {
  const t = useT();
  const included = urls.filter((u) => !excluded.has(u)).length;
  const pickable = works.length > 0 && onAssign && !readOnly;
  const unassignedSuggestions = urls.filter((u) => !urlWorks?.get(u)?.length && suggested?.get(u)?.length);
  const workSelect = (value: string, label: string, onPick: (id: string) => void, testId: string) => (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onPick(e.target.value)}
      data-testid={testId}
      className="select--inline"
    >
      <option value={SHARED}>{t('bulkWorkShared')}</option>
      {works.map((w) => (
        <option key={w.id} value={w.id}>
          {w.title}
        </option>
      ))}
    </select>
  );
  return (
    <details className="card" open={urls.length <= 20} data-testid="group-urls">
      <summary>{t('bulkUrlsTitle', [String(included), String(urls.length)])}</summary>
      {standIns.length > 0 && <p className="banner banner--warn">{t('bulkStandIns', standIns.join(', '))}</p>}
      {included === 0 && <p className="error">{t('bulkAllExcluded')}</p>}
      {pickable && (
        <div className="row bulk-works-bar">
          <span className="muted">{t('bulkWorkAll')}</span>
          {workSelect(SHARED, t('bulkWorkAll'), (id) => onAssign(urls, id ? [id] : []), 'group-work')}
          {unassignedSuggestions.length > 0 && (
            <button
              type="button"
              data-testid="apply-suggested"
              onClick={() => unassignedSuggestions.forEach((u) => onAssign([u], [...suggested!.get(u)!]))}
            >
              {t('bulkWorkApplySuggested', String(unassignedSuggestions.length))}
            </button>
          )}
        </div>
      )}
      <ul className="plain-list bulk-urls">
        {urls.map((u) => {
          const own = urlWorks?.get(u) ?? [];
          const hint = !own.length ? (suggested?.get(u) ?? []) : [];
          return (
            <li key={u} className="bulk-url">
              <label className="check">
                <input
                  type="checkbox"
                  checked={!excluded.has(u)}
                  disabled={readOnly}
                  onChange={() => onToggle(u)}
                  data-testid="group-url"
                />
                <span className="mono">{u}</span>
              </label>
              {pickable ? (
                workSelect(own[0] ?? SHARED, t('bulkWorkOf', u), (id) => onAssign([u], id ? [id] : []), 'url-work')
              ) : own.length > 0 ? (
                <span className="badge">{own.map((id) => works.find((w) => w.id === id)?.title ?? id).join(', ')}</span>
              ) : null}
              {hint.length > 0 && (
                <span className="muted" data-testid="work-suggestion">
                  {t('bulkWorkSuggested', hint.map((id) => works.find((w) => w.id === id)?.title ?? id).join(', '))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
