import { useBusyAction } from '../use-busy-action';
import type { ReplySuggestion } from '../../lib/mail/reply-suggestion';
import { ErrorMessage } from '../ErrorMessage';
import { useT, type MessageKey } from '../i18n';

interface Props {
  suggestions: readonly ReplySuggestion[];
  /** The recipient's web form, offered as the next channel after a bounce. */
  formUrl: string | null;
  canEscalate: boolean;
  onConfirm: (eventId: string) => Promise<void>;
  onDismiss: (eventId: string) => Promise<void>;
  onEscalate: () => Promise<void>;
}

/**
 * Replies the backend read from the mailbox (issue 18), each with what it seems to say. Nothing changes until the
 * user confirms with one click; a bounce also points to the next channel (the web form, or the upstream provider).
 */
export function ReplySuggestions({ suggestions, formUrl, canEscalate, onConfirm, onDismiss, onEscalate }: Props) {
  const t = useT();
  const { busy, error, act } = useBusyAction();
  if (suggestions.length === 0) return null;
  return (
    <section className="card card--action" data-testid="reply-suggestions">
      <h2>{t('mailRepliesTitle')}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      <ul className="plain-list">
        {suggestions.map((s) => {
          const kindLabel = t(`replyKind_${s.suggestion.kind.replace('-', '_')}` as MessageKey);
          return (
            <li key={s.eventId} className="card" data-testid="reply-suggestion" data-kind={s.suggestion.kind}>
              <p>
                <strong>{s.mailReply.fromName || s.mailReply.from || '?'}</strong>{' '}
                <span className="muted mono">{s.mailReply.from}</span>
              </p>
              <p>
                {s.mailReply.subject} · <time dateTime={s.mailReply.receivedAt}>{s.mailReply.receivedAt}</time>
              </p>
              <p data-testid="reply-suggested">
                {t('replySuggests', [kindLabel, t(`replyConfidence_${s.suggestion.confidence}` as MessageKey)])}
                {s.suggestion.ticket && <span className="mono"> · {t('replyTicket', s.suggestion.ticket)}</span>}
              </p>
              {s.suggestion.reason && <p className="muted">{s.suggestion.reason}</p>}
              <details>
                <summary>{t('mailReplyText')}</summary>
                <pre className="preview">{s.mailReply.excerpt}</pre>
                {s.attachments.length > 0 && (
                  <ul className="notes">
                    {s.attachments.map((a, i) => (
                      <li key={i} className="mono">
                        {a.filename} · {a.size} B · SHA-256 {a.sha256}
                        {a.problem && <span className="error"> · {a.problem}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </details>
              {s.suggestion.kind === 'bounce' && (
                <p className="banner banner--warn" data-testid="bounce-next">
                  {t('bounceNext', s.suggestion.failedRecipients.join(', ') || '?')}{' '}
                  {formUrl && (
                    <a href={formUrl} target="_blank" rel="noreferrer">
                      {t('openForm')}
                    </a>
                  )}
                  {canEscalate && (
                    <button type="button" onClick={() => void act(onEscalate)}>
                      {t('escalate')}
                    </button>
                  )}
                </p>
              )}
              {!s.applicable && <p className="muted">{t('replyNotApplicable')}</p>}
              <div className="row">
                {s.applicable && (
                  <button
                    type="button"
                    className="primary"
                    data-testid="reply-confirm"
                    disabled={busy}
                    onClick={() => void act(() => onConfirm(s.eventId))}
                  >
                    {s.suggestion.status
                      ? t('replyConfirmStatus', t(`status_${s.suggestion.status}` as MessageKey))
                      : t('replyConfirmNote')}
                  </button>
                )}
                <button
                  type="button"
                  data-testid="reply-dismiss"
                  disabled={busy}
                  onClick={() => void act(() => onDismiss(s.eventId))}
                >
                  {t('replyDismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
