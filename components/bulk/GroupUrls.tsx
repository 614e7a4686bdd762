import { useT } from '../i18n';

interface Props {
  urls: readonly string[];
  excluded: ReadonlySet<string>;
  standIns: readonly string[];
  readOnly: boolean;
  onToggle: (url: string) => void;
}

/** The URLs one notice lists; unticking one leaves it out of the letter and the tracked notice. */
export function GroupUrls({ urls, excluded, standIns, readOnly, onToggle }: Props) {
  const t = useT();
  const included = urls.filter((u) => !excluded.has(u)).length;
  return (
    <details className="card" open={urls.length <= 20} data-testid="group-urls">
      <summary>{t('bulkUrlsTitle', [String(included), String(urls.length)])}</summary>
      {standIns.length > 0 && <p className="banner banner--warn">{t('bulkStandIns', standIns.join(', '))}</p>}
      {included === 0 && <p className="error">{t('bulkAllExcluded')}</p>}
      <ul className="plain-list bulk-urls">
        {urls.map((u) => (
          <li key={u}>
            <label className="check">
              <input type="checkbox" checked={!excluded.has(u)} disabled={readOnly} onChange={() => onToggle(u)} data-testid="group-url" />
              <span className="mono">{u}</span>
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
