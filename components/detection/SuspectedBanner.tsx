import type { Verdict } from '../../lib/detection/verdict';
import { useT, type Translate } from '../i18n';

interface Props {
  verdict: Verdict | null;
  onReport: () => void;
  /** Defaults to the TranslateProvider's. */
  t?: Translate;
}

/** The popup's "Suspected: <work> — Report this site", with the reasons; nothing when the page is not suspected. */
export function SuspectedBanner({ verdict, onReport, t: tProp }: Props) {
  const tContext = useT();
  const t = tProp ?? tContext;
  if (!verdict?.suspected || !verdict.work) return null;
  // The work line is already the heading; list the evidence.
  const reasons = verdict.reasons.filter((r) => r.id !== 'work');
  return (
    <div className="banner banner--warn" role="status" data-testid="suspected-banner" data-score={verdict.score}>
      <div className="row">
        <strong>{t('detectSuspected', [verdict.work.title])}</strong>
        {' — '}
        <button type="button" className="primary" onClick={onReport}>
          {t('detectReport')}
        </button>
      </div>
      {reasons.length > 0 && (
        <>
          <p className="muted">{t('detectWhy')}</p>
          <ul data-testid="suspected-reasons">
            {reasons.map((r) => (
              <li key={r.id} data-reason={r.id}>
                {r.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
