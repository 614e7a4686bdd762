import type { UnresolvedHost } from '../../lib/bulk/group';
import type { Recipient } from '../../lib/model/recipient';
import { ManualRecipientForm } from '../report/ManualRecipientForm';
import { useT, type MessageKey } from '../i18n';

interface Props {
  hosts: readonly UnresolvedHost[];
  onAssign: (host: string, r: Recipient) => void;
}

const SHOWN = 200;

/** Hosts the lookup could not place, each with the reason, and a way to name the recipient by hand. */
export function UnresolvedHosts({ hosts, onAssign }: Props) {
  const t = useT();
  const urlCount = hosts.reduce((n, h) => n + h.urls.length, 0);
  if (hosts.length === 0) return null;
  return (
    <div className="banner banner--warn" data-testid="unresolved" data-count={urlCount}>
      <strong>{t('bulkUnresolvedTitle', String(urlCount))}</strong>
      <ul className="plain-list">
        {hosts.slice(0, SHOWN).map((h) => (
          <li key={h.host} data-testid="unresolved-host" data-reason={h.reason}>
            <details>
              <summary>
                <span className="mono">{h.host}</span> · {h.urls.length} ·{' '}
                {t(`bulkUnresolved_${h.reason}` as MessageKey)}
                {h.detail && <span className="muted"> ({h.detail})</span>}
              </summary>
              <p className="muted">{t('bulkAssignRecipient', h.host)}</p>
              <ManualRecipientForm onAdd={(r) => onAssign(h.host, r)} />
            </details>
          </li>
        ))}
      </ul>
      {hosts.length > SHOWN && <p className="muted">{t('bulkMoreHosts', String(hosts.length - SHOWN))}</p>}
    </div>
  );
}
