import { VirtualList } from '../ui/VirtualList';
import { useT, type MessageKey } from '../i18n';

interface Props {
  validCount: number;
  blank: number;
  rejected: readonly { line: number; input: string; reason: string; detail?: string }[];
  hosts: readonly { host: string; count: number }[];
}

const SHOWN_HOSTS = 30;

/** What the check found: valid URLs, every rejected line with its reason, and URLs per host. */
export function ValidationSummary({ validCount, blank, rejected, hosts }: Props) {
  const t = useT();
  const reason = (r: Props['rejected'][number]) =>
    r.reason === 'duplicate' || r.reason === 'too_many' || r.reason === 'unknown_work'
      ? t(`bulkReason_${r.reason}` as MessageKey, r.detail ?? '')
      : t(`bulkReason_${r.reason}` as MessageKey);
  return (
    <div data-testid="validation-summary">
      <p
        className={`banner ${validCount > 0 ? 'banner--ok' : 'banner--error'}`}
        data-testid="valid-count"
        data-count={validCount}
      >
        <strong>{t('bulkValidCount', [String(validCount), String(hosts.length)])}</strong>
        {blank > 0 && <span className="muted"> · {t('bulkBlank', String(blank))}</span>}
      </p>
      {rejected.length > 0 && (
        <details
          className="banner banner--warn"
          open={rejected.length <= 20}
          data-testid="rejected"
          data-count={rejected.length}
        >
          <summary>{t('bulkRejectedTitle', String(rejected.length))}</summary>
          <VirtualList
            items={rejected}
            rowHeight={26}
            height={Math.min(260, rejected.length * 26)}
            getKey={(r) => String(r.line)}
            label={t('bulkRejectedTitle', String(rejected.length))}
            renderRow={(r) => (
              <div className="bulk-rejected" data-testid="rejected-line" data-reason={r.reason}>
                <span className="badge">{t('bulkLine', String(r.line))}</span>
                <span className="mono bulk-rejected__input">{r.input}</span>
                <span className="muted">{reason(r)}</span>
              </div>
            )}
          />
        </details>
      )}
      {hosts.length > 0 && (
        <details data-testid="host-counts">
          <summary>{t('bulkHostsTitle')}</summary>
          <table className="hashes">
            <tbody>
              {hosts.slice(0, SHOWN_HOSTS).map((h) => (
                <tr key={h.host}>
                  <td className="mono">{h.host}</td>
                  <td>{h.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hosts.length > SHOWN_HOSTS && (
            <p className="muted">{t('bulkMoreHosts', String(hosts.length - SHOWN_HOSTS))}</p>
          )}
        </details>
      )}
    </div>
  );
}
