import { GroupRoleSchema, type GroupRole } from '../../lib/bulk/group';
import { useT, type MessageKey } from '../i18n';

export interface GroupRow {
  key: string;
  name: string;
  role: string;
  urlCount: number;
  hostCount: number;
  state: 'ready' | 'incomplete' | 'sent';
}

interface Props {
  role: GroupRole;
  roleLocked: boolean;
  onRole: (role: GroupRole) => void;
  groups: readonly GroupRow[];
  activeKey: string | null;
  onSelect: (key: string) => void;
}

const STATE_KEY: Record<GroupRow['state'], MessageKey> = {
  ready: 'bulkGroupReady',
  incomplete: 'bulkGroupIncomplete',
  sent: 'bulkGroupSent',
};

/** Step 3: how to group (host, CDN, registrar) and one row per notice, with its state. */
export function GroupList({ role, roleLocked, onRole, groups, activeKey, onSelect }: Props) {
  const t = useT();
  return (
    <div>
      <div className="row">
        <label htmlFor="bulk-role">{t('bulkGroupBy')}</label>
        <select
          id="bulk-role"
          name="groupRole"
          value={role}
          disabled={roleLocked}
          style={{ width: 'auto' }}
          onChange={(e) => onRole(e.target.value as GroupRole)}
        >
          {GroupRoleSchema.options.map((r) => (
            <option key={r} value={r}>
              {t(`bulkRole_${r}` as MessageKey)}
            </option>
          ))}
        </select>
        {roleLocked && <span className="muted">{t('bulkRoleLocked')}</span>}
      </div>
      <h3>{t('bulkGroupsTitle', String(groups.length))}</h3>
      <ul className="plain-list bulk-groups" role="tablist" data-testid="bulk-groups">
        {groups.map((g) => (
          <li key={g.key}>
            <button
              type="button"
              role="tab"
              className="bulk-group"
              aria-selected={g.key === activeKey}
              data-testid="bulk-group"
              data-state={g.state}
              onClick={() => onSelect(g.key)}
            >
              <span className="badge">{t(`role_${g.role}` as MessageKey)}</span>
              <strong className="bulk-group__name">{g.name}</strong>
              <span className="muted">{t('bulkGroupUrls', [String(g.urlCount), String(g.hostCount)])}</span>
              <span className={`badge bulk-group__state--${g.state}`}>{t(STATE_KEY[g.state])}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
