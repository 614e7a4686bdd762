import type { Recipient } from '../../lib/model/recipient';
import { PROGRESS_GROUPS, type Groups, type LookupState } from '../../lib/report/lookup-progress';
import { recipientSourceKey } from '../../lib/report/recipient-source';
import { errorKindOf } from '../ErrorMessage';
import { ManualRecipientForm } from './ManualRecipientForm';
import { FailingAddresses } from './FailingAddresses';
import { failingAmong } from '../../lib/mail/failing-addresses';
import type { FailingAddress, FailingAddresses as FailingList } from '../../lib/model/mail';
import { useT, type MessageKey, type Translate } from '../i18n';

export { PROGRESS_GROUPS, type LookupState };

const sourceLabel = (t: Translate, source: string) => {
  const key = recipientSourceKey(source);
  return (key && t(key)) || source;
};

/** Confidence in words: a rights holder decides whether to check, not what 0.55 means. */
export function confidenceLevel(c: number): 'high' | 'medium' | 'low' {
  return c >= 0.75 ? 'high' : c >= 0.45 ? 'medium' : 'low';
}

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
  /** Addresses that bounced before (issue 18), flagged on the recipients that list them. */
  failing?: FailingList | null;
}

function Progress({ groups }: { groups: Groups }) {
  const t = useT();
  return (
    <ol className="progress" data-testid="lookup-progress">
      {PROGRESS_GROUPS.map((g) => (
        <li key={g.id} className={`progress__step progress__step--${groups[g.id]}`} data-state={groups[g.id]}>
          {t(`progress_${g.id}` as MessageKey)}
        </li>
      ))}
    </ol>
  );
}

/** What happened and what to do next, for a lookup that found no one or did not run. */
function Outcome({ state, onRetry }: { state: LookupState; onRetry: () => void }) {
  const t = useT();
  if (state.phase === 'failed') {
    const key: MessageKey = state.verdict === 'backend_down' ? 'lookupBackendDown' : 'lookupFailedNext';
    const detail = state.error instanceof Error ? state.error.message : '';
    return (
      <div
        className="banner banner--error"
        role="alert"
        data-testid="lookup-outcome"
        data-verdict={state.verdict}
        data-kind={errorKindOf(state.error)}
      >
        <strong>{t(state.verdict === 'backend_down' ? 'lookupBackendDownTitle' : 'lookupFailed')}</strong>
        <p>{t(key)}</p>
        <div className="row">
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        </div>
        {detail && (
          <details>
            <summary>{t('details')}</summary>
            <div className="mono muted">{detail}</div>
          </details>
        )}
      </div>
    );
  }
  if (state.phase !== 'done') return null;
  if (state.verdict === 'no_dns' || state.verdict === 'unknown_host') {
    return (
      <div className="banner banner--error" role="alert" data-testid="lookup-outcome" data-verdict={state.verdict}>
        <strong>
          {t(state.verdict === 'no_dns' ? 'lookupNoDnsTitle' : 'lookupUnknownTitle', state.result.hostname)}
        </strong>
        <p>
          {t(
            state.verdict === 'no_dns'
              ? state.result.recipients.length > 0
                ? 'lookupNoDnsRegistrar'
                : 'lookupNoDnsNext'
              : 'lookupUnknownNext',
          )}
        </p>
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (state.verdict === 'partial') {
    return (
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
    );
  }
  return null;
}

function channelLine(t: Translate, r: Recipient): string {
  if (r.formUrl && r.emails.length > 0) return t('channelBoth', r.emails[0]);
  if (r.formUrl) return t('channelFormOnly');
  if (r.emails.length > 0) return t('channelEmailOnly', r.emails.join(', '));
  return t('recipientNoChannel');
}

/** One recipient: who, why (one sentence), how to reach it and how sure the lookup is; the raw evidence folds away. */
function RecipientCard({
  r,
  checked,
  disabled,
  sent,
  failing,
  onToggle,
}: {
  r: Recipient;
  checked: boolean;
  disabled: boolean;
  sent: boolean;
  failing: readonly FailingAddress[];
  onToggle: () => void;
}) {
  const t = useT();
  const level = confidenceLevel(r.confidence);
  return (
    <li className="card recipient" data-testid="recipient" data-role={r.role}>
      <label className="recipient__head">
        <input type="checkbox" checked={checked} disabled={disabled} onChange={onToggle} />
        <span className="recipient__who">
          <strong className="recipient__name">{r.name}</strong>
          <span className="badge">{t(`role_${r.role}` as MessageKey)}</span>
          {r.country && <span className="badge badge--muted">{r.country}</span>}
          {sent && <span className="badge badge--sent">{t('status_sent')}</span>}
        </span>
      </label>
      <p className="recipient__why" data-testid="recipient-why">
        {t(`why_${r.role}` as MessageKey)}
      </p>
      <p className={`recipient__channel${r.emails.length === 0 && !r.formUrl ? ' error' : ''}`}>{channelLine(t, r)}</p>
      <FailingAddresses failing={failing} />
      <p className={`confidence confidence--${level}`} data-testid="recipient-confidence" data-level={level}>
        {t(`confidence_${level}` as MessageKey)} · <span className="muted">{sourceLabel(t, r.source)}</span>
      </p>
      <details className="recipient__details" data-testid="recipient-details">
        <summary>{t('details')}</summary>
        <dl className="facts">
          <dt>{t('confidence')}</dt>
          <dd>{Math.round(r.confidence * 100)}%</dd>
          <dt>{t('detailsSource')}</dt>
          <dd className="mono" data-source={r.source}>
            {r.source}
          </dd>
          {r.emails.length > 0 && (
            <>
              <dt>{t('fieldEmail')}</dt>
              <dd className="mono">{r.emails.join(', ')}</dd>
            </>
          )}
          {r.formUrl && (
            <>
              <dt>{t('webForm')}</dt>
              <dd className="mono">{r.formUrl}</dd>
            </>
          )}
          {r.network?.ip && (
            <>
              <dt>IP</dt>
              <dd className="mono">
                {[r.network.ip, r.network.cidr, r.network.asn ? `AS${r.network.asn}` : ''].filter(Boolean).join(' · ')}
              </dd>
            </>
          )}
        </dl>
        {r.notes.length > 0 && (
          <ul className="notes">
            {r.notes.map((n, j) => (
              <li key={j} className="muted">
                {n}
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

/** Step 2: who is responsible, in the order to send, with how sure the lookup is. */
export function RecipientsPanel({
  state,
  recipients,
  selected,
  onToggle,
  onRetry,
  onAddManual,
  readOnly,
  locked,
  failing,
}: Props) {
  const t = useT();
  return (
    <div>
      {(state.phase === 'running' || state.phase === 'done') && <Progress groups={state.groups} />}
      <Outcome state={state} onRetry={onRetry} />
      {state.phase === 'done' && state.result.cdn && (
        <p className="banner banner--warn" data-testid="cdn-note">
          {t('cdnHidesOrigin', state.result.cdn.name)}
        </p>
      )}
      {recipients.length > 0 && (
        <ul className="plain-list recipients" data-testid="recipients">
          {recipients.map((r, i) => (
            <RecipientCard
              key={`${r.role}-${r.name}-${i}`}
              r={r}
              checked={selected.has(i)}
              sent={locked?.has(i) ?? false}
              failing={failingAmong(failing, r.emails)}
              disabled={Boolean(
                readOnly || locked?.has(i) || r.role === 'registry' || (r.emails.length === 0 && !r.formUrl),
              )}
              onToggle={() => onToggle(i)}
            />
          ))}
        </ul>
      )}
      {!readOnly && <ManualRecipientForm onAdd={onAddManual} />}
    </div>
  );
}
