import { UnreportableTarget } from '../../components/report/UnreportableTarget';
import { useT } from '../../components/i18n';
import type { ReportTarget } from '../../lib/report/target';

export function App({ target }: { target: ReportTarget }) {
  const t = useT();
  return (
    <main className="page">
      <h1>{t('reportTitle')}</h1>
      {target.ok ? (
        <section className="card">
          <div className="muted">{t(target.kind === 'link' ? 'reportingLink' : 'reportingPage')}</div>
          <div className="mono" data-testid="report-url">
            {target.url}
          </div>
        </section>
      ) : (
        <UnreportableTarget target={target} />
      )}
    </main>
  );
}
