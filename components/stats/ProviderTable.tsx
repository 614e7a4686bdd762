import type { ProviderStats } from '../../lib/tracking/stats';
import { useT } from '../i18n';

export function ProviderTable({ stats }: { stats: readonly ProviderStats[] }) {
  const t = useT();
  return (
    <table className="hashes" data-testid="provider-stats">
      <thead>
        <tr>
          <th>{t('statsProvider')}</th>
          <th>{t('statsSent')}</th>
          <th>{t('statsPending')}</th>
          <th>{t('statsRemoved')}</th>
          <th>{t('statsRate')}</th>
          <th>{t('statsMedianDays')}</th>
          <th>{t('statsNoResponse')}</th>
          <th>{t('statsRejected')}</th>
        </tr>
      </thead>
      <tbody>
        {stats.map((s) => (
          <tr key={s.provider} data-testid="provider-row" data-provider={s.provider}>
            <td>{s.name}</td>
            <td>{s.sent}</td>
            <td data-testid="provider-pending">{s.pending}</td>
            <td>{s.removed}</td>
            <td data-testid="provider-rate">
              {s.decided === 0 ? t('statsNotYet') : `${Math.round(s.removalRate * 100)}%`}
            </td>
            <td>{s.medianDaysToRemoval === null ? '—' : s.medianDaysToRemoval.toFixed(1)}</td>
            <td>{s.noResponse}</td>
            <td>{s.rejected}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
