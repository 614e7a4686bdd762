import { useState } from 'react';
import type { FailingAddress } from '../../lib/model/mail';
import { useT } from '../i18n';

interface Props {
  /** The addresses the backend's mail server will send to. */
  to: readonly string[];
  /** Those of them that bounced before (local overrides of the provider directory). */
  failing: readonly FailingAddress[];
  disabled: boolean;
  onSend: () => void;
}

/**
 * "Send now" (issue 18), shown only when the backend reports SMTP configured: the frozen .eml goes out through the
 * company's mail server, and the notice is marked sent on the server's acceptance. Sending cannot be undone, so
 * the button asks once more, naming the addresses.
 */
export function SendNow({ to, failing, disabled, onSend }: Props) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        className="primary"
        data-testid="send-now"
        disabled={disabled || to.length === 0}
        onClick={() => setConfirming(true)}
      >
        {t('sendNow')}
      </button>
    );
  return (
    <div className="card send-now" data-testid="send-now-confirm" role="group">
      <p>{t('sendNowConfirm', to.join(', '))}</p>
      {failing.length > 0 && (
        <p className="banner banner--warn" data-testid="send-now-failing">
          {t('addressFailing', failing.map((f) => f.address).join(', '))}
        </p>
      )}
      <p className="muted">{t('sendNowHint')}</p>
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="send-now-go"
          disabled={disabled}
          onClick={() => {
            setConfirming(false);
            onSend();
          }}
        >
          {t('sendNowGo')}
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
