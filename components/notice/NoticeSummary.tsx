import { SendNowProof } from '../report/SendNowProof';
import type { Notice } from '../../lib/model/notice';
import { counterRef, type LoggedCounterWindow } from '../../lib/tracking/clocks-from-log';
import type { BasisRef } from '../../lib/tracking/deadlines';
import { basisText } from './basis-text';
import { useT, type MessageKey } from '../i18n';
import { STATUS_KEYS } from '../../lib/tracking/event-labels';

// The page's language (mountApp sets it from the browser UI), not the engine's default locale.
const uiLocale = () => (typeof document !== 'undefined' && document.documentElement.lang) || undefined;
export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(uiLocale()) : '—');

/** The notice as sent: who, what, when, on what basis, and the exact text with its hash. */
export function NoticeSummary({
  notice,
  basis,
  counterWindow,
}: {
  notice: Notice;
  basis: { text: string; ref: BasisRef | null } | null;
  counterWindow: LoggedCounterWindow | null;
}) {
  const t = useT();
  return (
    <section className="card" data-testid="notice-summary">
      <dl className="facts">
        <dt>{t('noticeSite')}</dt>
        <dd data-testid="notice-host">{notice.host}</dd>
        <dt>{t('noticeUrls')}</dt>
        <dd>
          <ul className="plain-list mono">
            {notice.urls.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('noticeRecipient')}</dt>
        <dd data-testid="notice-recipient">
          {notice.recipientName || t('noRecipientYet')}
          {notice.recipient && <span className="muted"> · {t(`role_${notice.recipient.role}` as MessageKey)}</span>}
        </dd>
        <dt>{t('regime')}</dt>
        <dd>{t(`regime_${notice.regime.replace('-', '_')}` as MessageKey)}</dd>
        <dt>{t('noticeStatus')}</dt>
        <dd>
          <span className="badge" data-testid="notice-status" data-status={notice.status}>
            {t(STATUS_KEYS[notice.status])}
          </span>
        </dd>
        <dt>{t('noticeSentOn')}</dt>
        <dd>
          {notice.sentAt ? when(notice.sentAt) : t('notSentYet')}
          {notice.sent && (
            <span data-testid="sent-channel" data-channel={notice.sent.channel}>
              {' '}
              · {t(`channel_${notice.sent.channel}` as MessageKey)}
            </span>
          )}
        </dd>
        <dt>{t('followUpOn')}</dt>
        <dd data-testid="follow-up" data-at={notice.followUpAt ?? ''}>
          {notice.followUpAt ? when(notice.followUpAt) : t('noFollowUp')}
          {basis && (
            <div className="muted" title={basis.text} data-testid="follow-up-basis">
              {t('followUpBasis')}: {basisText(basis, t)}
            </div>
          )}
        </dd>
      </dl>
      {counterWindow && notice.status === 'counter_noticed' && (
        <div className="banner banner--warn" data-testid="counter-window">
          <strong>{t('counterWindow')}</strong>
          <div>
            {t('counterEarliest')}: {when(counterWindow.earliest)} · {t('counterLatest')}: {when(counterWindow.latest)}
          </div>
          <div className="muted" title={counterWindow.basis}>
            {basisText({ text: counterWindow.basis, ref: counterRef(counterWindow.law) }, t)}
            {counterWindow.unverified && ` (${t('unverified')})`}
          </div>
        </div>
      )}
      {notice.sent && (
        <>
          <h2>{t('sentText')}</h2>
          <pre className="preview" data-testid="sent-text">
            {notice.sent.text}
          </pre>
          <div className="muted">
            {t('sentTextHash')}:{' '}
            <span className="mono" data-testid="sent-hash">
              {notice.sent.textSha256}
            </span>
          </div>
          <SendNowProof sent={notice.sent} />
        </>
      )}
    </section>
  );
}
