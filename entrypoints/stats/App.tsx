import { useLiveQuery } from 'dexie-react-hooks';
import { ProviderTable } from '../../components/stats/ProviderTable';
import { RemovalChart } from '../../components/stats/RemovalChart';
import { useT } from '../../components/i18n';
import { services } from '../../lib/db/services';
import { rankByIgnoring } from '../../lib/tracking/ignore-rank';

const repo = services().notices;

export function App() {
  const t = useT();
  const stats = useLiveQuery(async () => rankByIgnoring(await repo.stats()), []);
  return (
    <main className="page">
      <h1>{t('statsTitle')}</h1>
      <p className="muted">{t('statsIntro')}</p>
      {stats === undefined ? (
        <p className="muted">{t('loading')}</p>
      ) : stats.length === 0 ? (
        <p className="empty" data-testid="stats-empty">
          {t('statsEmpty')}
        </p>
      ) : (
        <>
          <section className="card">
            <RemovalChart stats={stats} label={t('statsChartLabel')} />
          </section>
          <ProviderTable stats={stats} />
        </>
      )}
    </main>
  );
}
