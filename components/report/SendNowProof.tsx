import type { SentRecord } from '../../lib/model/notice';
import { useT } from '../i18n';

/** The mail server's acceptance of a notice sent by SMTP: Message-ID, who was accepted or refused, its reply line. */
export function SendNowProof({ sent }: { sent: SentRecord }) {
  const t = useT();
  const d = sent.delivery;
  if (!d) return null;
  return (
    <dl className="facts" data-testid="delivery-proof">
      <dt>Message-ID</dt>
      <dd className="mono" data-testid="delivery-message-id">
        {d.messageId}
      </dd>
      <dt>{t('deliveryAccepted')}</dt>
      <dd className="mono">{d.accepted.join(', ') || '—'}</dd>
      {d.rejected.length > 0 && (
        <>
          <dt>{t('deliveryRejected')}</dt>
          <dd className="mono error" data-testid="delivery-rejected">
            {d.refusals.length > 0
              ? d.refusals.map((r) => `${r.recipient}: ${r.response}`).join('; ')
              : d.rejected.join(', ')}
          </dd>
        </>
      )}
      <dt>{t('deliveryResponse')}</dt>
      <dd className="mono">{d.response}</dd>
      <dt>{t('deliveryTime')}</dt>
      <dd>
        <time dateTime={d.time}>{d.time}</time>
      </dd>
      <dt>{t('deliveryEmlHash')}</dt>
      <dd className="mono">{d.emlSha256}</dd>
    </dl>
  );
}
