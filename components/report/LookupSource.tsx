import type { LookupSource as Source } from '../../lib/report/lookup-runner';
import { useT, type MessageKey } from '../i18n';

interface Props {
  source: Source;
  /** Asks the browser for one registry origin (an optional host permission), then looks up again. */
  onAllowOrigin: (origin: string) => void;
  /** Set when the user refused the permission. */
  denied?: boolean;
}

/** Which mode answered the lookup, what only the backend could add, and registries that refuse browsers. */
export function LookupSource({ source, onAllowOrigin, denied }: Props) {
  const t = useT();
  const line =
    source.answeredBy === 'backend'
      ? 'answeredBy_backend'
      : source.fellBack
        ? 'answeredBy_fallback'
        : 'answeredBy_browser';
  return (
    <div data-testid="lookup-source" data-answered-by={source.answeredBy}>
      <p className="muted">{t(line)}</p>
      {source.needsBackend.length > 0 && (
        <ul className="plain-list banner banner--warn" data-testid="needs-backend">
          {source.needsBackend.map((g) => (
            <li key={`${g.kind}:${g.subject}`} data-kind={g.kind}>
              {t(`needsBackend_${g.kind.replace(/-/g, '_')}` as MessageKey, g.subject)}
            </li>
          ))}
        </ul>
      )}
      {source.corsGaps.map((origin) => (
        <div key={origin} className="banner banner--warn" data-testid="cors-gap" data-origin={origin}>
          <p>{t('corsGap', origin)}</p>
          <button type="button" onClick={() => onAllowOrigin(origin)}>
            {t('corsAllow', origin)}
          </button>
          <small className="hint">{t('corsAllowHint')}</small>
          {denied && <p className="error">{t('corsDenied')}</p>}
        </div>
      ))}
    </div>
  );
}
