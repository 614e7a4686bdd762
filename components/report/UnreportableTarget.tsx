import type { ReportTarget } from '../../lib/report/target';
import { useT } from '../i18n';

/** Explains why this tab cannot be reported and what to do instead. */
export function UnreportableTarget({ target }: { target: Extract<ReportTarget, { ok: false }> }) {
  const t = useT();
  const why =
    target.reason === 'missing'
      ? t('reportNoUrl')
      : target.reason === 'unsupported_scheme'
        ? t('reportUnsupportedScheme', target.scheme ?? '')
        : t('reportInvalidUrl');
  return (
    <div className="banner banner--error" role="alert" data-testid="unreportable">
      <strong>{t('reportCannotReport')}</strong>
      <p>{why}</p>
      {target.raw && <p className="mono">{target.raw}</p>}
      <p>{t('reportHowToFix')}</p>
      <p>
        <a href="/bulk.html" data-testid="bulk-link">
          {t('bulkOpen')}
        </a>
      </p>
    </div>
  );
}
