import type { LookupResult, LookupStep } from '../../lib/contract';
import type { Recipient } from '../../lib/model/recipient';
import { ErrorMessage } from '../ErrorMessage';
import { ManualRecipientForm } from './ManualRecipientForm';
import { recipientSourceKey } from '../../lib/report/recipient-source';
import { useT, type MessageKey, type Translate } from '../i18n';

const sourceLabel = (t: Translate, source: string) => {
  const key = recipientSourceKey(source);
  return (key && t(key)) || source;
};

/** The four stages a person understands, and the backend steps each is made of. */
export const PROGRESS_GROUPS: Array<{ id: 'dns' | 'network' | 'cdn' | 'registrar'; steps: LookupStep[] }> = [
  { id: 'dns', steps: ['input', 'dns'] },
  { id: 'network', steps: ['bootstrap', 'rdap-ip', 'asn', 'rdap-asn'] },
  { id: 'cdn', steps: ['cdn', 'directory'] },
  { id: 'registrar', steps: ['rdap-domain', 'rdap-registrar', 'whois'] },
];
export type GroupState = 'waiting' | 'running' | 'done' | 'error';

export type LookupState =
  | { phase: 'idle' }
  | { phase: 'running'; groups: Record<string, GroupState> }
  | { phase: 'done'; result: LookupResult; groups: Record<string, GroupState> }
  | { phase: 'failed'; error: unknown };

interface Props {
  state: LookupState;
  recipients: Recipient[];
  selected: ReadonlySet<number>;
  onToggle: (index: number) => void;
  onRetry: () => void;
  onAddManual: (r: Recipient) => void;
  readOnly?: boolean;
  /** Recipients already sent to: ticked and locked, while the others stay available. */
  locked?: ReadonlySet<number>;
}

function Progress({ groups }: { groups: Record<string, GroupState> }) {
  const t = useT();
  return (
    <ol className="progress" data-testid="lookup-progress">
      {PROGRESS_GROUPS.map((g) => (
        <li key={g.id} className={`progress__step progress__step--${groups[g.id] ?? 'waiting'}`} data-state={groups[g.id] ?? 'waiting'}>
          {t(`progress_${g.id}` as MessageKey)}
        </li>
      ))}
    </ol>
  );
}

/** Step 2: who is responsible, in the order to send, with how sure the lookup is. */
export function RecipientsPanel({ state, recipients, selected, onToggle, onRetry, onAddManual, readOnly, locked }: Props) {
  const t = useT();
  return (
    <div>
      {state.phase === 'running' && <Progress groups={state.groups} />}
      {state.phase === 'done' && <Progress groups={state.groups} />}
      {state.phase === 'failed' && (
        <div>
          <ErrorMessage error={state.error} context={t('lookupFailed')} />
          <button type="button" onClick={onRetry}>{t('retry')}</button>
        </div>
      )}
      {state.phase === 'done' && state.result.cdn && (
        <p className="banner banner--warn" data-testid="cdn-note">{t('cdnHidesOrigin', state.result.cdn.name)}</p>
      )}
      {state.phase === 'done' && state.result.errors.length > 0 && (
        <details className="banner banner--warn" data-testid="lookup-errors">
          <summary>{t('lookupPartial', String(state.result.errors.length))}</summary>
          <ul>
            {state.result.errors.map((e, i) => (
              <li key={i}>
                <span className="mono">{e.step}</span> · {e.kind} · {e.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {recipients.length > 0 && (
        <ul className="plain-list" data-testid="recipients">
          {recipients.map((r, i) => (
            <li key={`${r.role}-${r.name}-${i}`} className="card recipient" data-testid="recipient" data-role={r.role}>
              <label className="row" style={{ alignItems: 'flex-start' }}>
                <input type="checkbox" style={{ width: 'auto', marginTop: 4 }} checked={selected.has(i)} disabled={readOnly || locked?.has(i) || r.role === 'registry' || (r.emails.length === 0 && !r.formUrl)} onChange={() => onToggle(i)} />
                <span style={{ flex: 1 }}>
                  <span className="row">
                    <span className="badge">{t(`role_${r.role}` as MessageKey)}</span>
                    <strong>{r.name}</strong>
                    {r.country && <span className="badge">{r.country}</span>}
                    <span className="badge" title={t('confidence')}>{Math.round(r.confidence * 100)}%</span>
                    <span className="muted" title={r.source} data-source={r.source}>{sourceLabel(t, r.source)}</span>
                  </span>
                  <span className="mono">{r.emails.join(', ')}</span>
                  {r.formUrl && <div className="mono">{t('webForm')}: {r.formUrl}</div>}
                  {r.emails.length === 0 && !r.formUrl && <div className="error">{t('recipientNoChannel')}</div>}
                  {r.notes.length > 0 && (
                    <ul className="notes">
                      {r.notes.map((n, j) => <li key={j} className="muted">{n}</li>)}
                    </ul>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && <ManualRecipientForm onAdd={onAddManual} />}
    </div>
  );
}
