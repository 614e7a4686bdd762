import type { MailStatus as Status } from '../../lib/contract';
import type { MailCursor } from '../../lib/model/mail';
import { useT } from '../i18n';

interface Props {
  /** Undefined while loading; null when the backend did not answer (`error`). */
  status: Status | null | undefined;
  error: unknown;
  /** This browser's side: when the follow-up alarm last asked for replies, and what went wrong then. */
  cursor: MailCursor | null;
  onRefresh: () => void;
}

const at = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : null);

/**
 * The backend's mail, as the options page shows it (issue 18): configured or not, last send, last poll, last
 * error. Host names only; the credentials stay in the backend's environment and never reach the extension.
 */
export function MailStatus({ status, error, cursor, onRefresh }: Props) {
  const t = useT();
  return (
    <div data-testid="mail-status">
      <p className="muted">{t('mailStatusIntro')}</p>
      {status === undefined && <p className="muted">{t('loading')}</p>}
      {status === null && (
        // Not the lookup's "nothing answered" advice: mail needs the backend, so say that and why it failed.
        <div className="banner banner--warn" data-testid="mail-status-unreachable">
          {t('mailStatusUnreachable')}
          {error instanceof Error && <div className="muted mono">{error.message}</div>}
        </div>
      )}
      {status && (
        <dl className="facts">
          <dt>{t('mailSmtp')}</dt>
          <dd data-testid="mail-smtp">
            {status.smtp.configured ? t('mailConfigured', status.smtp.server ?? '') : t('mailNotConfigured')}
          </dd>
          <dt>{t('mailLastSend')}</dt>
          <dd>
            {status.smtp.lastSend
              ? t('mailLastSendValue', [
                  at(status.smtp.lastSend.time) ?? '',
                  String(status.smtp.lastSend.accepted),
                  String(status.smtp.lastSend.rejected),
                ])
              : t('mailNever')}
          </dd>
          <dt>{t('mailImap')}</dt>
          <dd data-testid="mail-imap">
            {status.imap.configured
              ? t('mailConfigured', `${status.imap.server ?? ''} ${status.imap.folder ?? ''}`.trim())
              : t('mailNotConfigured')}
          </dd>
          <dt>{t('mailLastPoll')}</dt>
          <dd>
            {status.imap.lastPoll
              ? t('mailLastPollValue', [at(status.imap.lastPoll.time) ?? '', String(status.imap.lastPoll.fetched)])
              : t('mailNever')}
          </dd>
          <dt>{t('mailLastError')}</dt>
          <dd className={status.lastError ? 'error' : ''} data-testid="mail-last-error">
            {status.lastError
              ? `${at(status.lastError.time) ?? ''} (${status.lastError.where.toUpperCase()}): ${status.lastError.message}`
              : t('mailNone')}
          </dd>
        </dl>
      )}
      {cursor && (
        <dl className="facts">
          <dt>{t('mailBrowserPoll')}</dt>
          <dd data-testid="mail-browser-poll">
            {cursor.lastPoll ? at(cursor.lastPoll) : t('mailNever')}
            {cursor.lastError && <span className="error"> · {cursor.lastError}</span>}
          </dd>
        </dl>
      )}
      <button type="button" onClick={onRefresh}>
        {t('mailRefresh')}
      </button>
    </div>
  );
}
