import { useState, type ReactNode } from 'react';
import type { NoticeDraft } from '../../lib/notices/draft';
import type { Recipient } from '../../lib/model/recipient';
import type { SendChannel, SentRecord } from '../../lib/model/notice';
import { useT, type MessageKey } from '../i18n';
import { when } from '../notice/NoticeSummary';
import { SendNowProof } from './SendNowProof';

interface Props {
  draft: NoticeDraft;
  recipient: Recipient;
  /** Whether the whole notice fits in a mailto: link; otherwise the email button downloads an .eml. */
  mailtoFits: boolean;
  /**
   * Whether the .eml carries evidence files (the report page's capture). Bulk notices have none,
   * so their button must not promise "with evidence".
   */
  hasAttachments?: boolean;
  sent: SentRecord | null;
  busy: boolean;
  onEmail: () => void;
  onForm: () => void;
  onCopy: (text: string) => Promise<void>;
  onPdf: () => void;
  onMarkSent: (channel: SendChannel) => void;
  onCorrection: () => void;
  /** "Send now" through the backend's mail server (issue 18), when it has one; shown first among the channels. */
  sendNow?: ReactNode;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  name: 'fieldCompany',
  contactName: 'fieldSignatory',
  title: 'fieldSignatoryTitle',
  email: 'fieldEmail',
  phone: 'fieldPhone',
  address: 'fieldAddress',
  subject: 'subject',
  workDescription: 'formWorkDescription',
  originalUrls: 'formOriginalUrls',
  infringingUrls: 'formInfringingUrls',
  explanation: 'explanation',
  measure: 'measure',
  hosting: 'formHosting',
  evidence: 'formEvidence',
  statements: 'formStatements',
  signature: 'formSignature',
  date: 'formDate',
  body: 'formBody',
};

/** Step 4: every channel the recipient accepts, then "Mark as sent", which freezes the notice. */
export function SendPanel({
  draft,
  recipient,
  mailtoFits,
  hasAttachments = true,
  sent,
  busy,
  onEmail,
  onForm,
  onCopy,
  onPdf,
  onMarkSent,
  onCorrection,
  sendNow,
}: Props) {
  const t = useT();
  // The channel is what the user confirms at "Mark as sent", never the last button pressed:
  // previewing as PDF and then pasting into the web form must record "web form" (issue 13).
  const [channel, setChannel] = useState<SendChannel | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [opened, setOpened] = useState<SendChannel[]>([]);
  const [showForm, setShowForm] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const use = (c: SendChannel, act: () => void) => () => {
    setOpened((o) => (o.includes(c) ? o : [...o, c]));
    if (c === 'form') setShowForm(true);
    act();
  };
  const channels: SendChannel[] = [
    ...(recipient.emails.length > 0 ? (['email', 'eml'] as const) : []),
    ...(recipient.formUrl ? (['form'] as const) : []),
    'copy',
    'pdf',
  ];
  const copy = async (id: string, text: string) => {
    await onCopy(text);
    setCopied(id);
  };

  if (sent) {
    return (
      <div className="banner banner--ok" data-testid="sent-record">
        {/* Local time for reading; the recorded UTC instant stays in the title and dateTime. */}
        <strong>
          <time dateTime={sent.at} title={`${new Date(sent.at).toISOString()} (UTC)`} data-testid="sent-at">
            {t('sentOn', [when(sent.at), t(`channel_${sent.channel}` as MessageKey)])}
          </time>
        </strong>
        <div className="mono">SHA-256 {sent.textSha256}</div>
        <SendNowProof sent={sent} />
        <p>{t('sentReadOnly')}</p>
        <button type="button" onClick={onCorrection}>
          {t('createCorrection')}
        </button>
      </div>
    );
  }

  return (
    <div data-testid="send-panel">
      {!draft.sendable && (
        <p className="banner banner--error" role="alert">
          {t('sendBlocked')}
        </p>
      )}
      <div className="row">
        {sendNow}
        {recipient.emails.length > 0 && (
          <button type="button" onClick={use(mailtoFits ? 'email' : 'eml', onEmail)} disabled={!draft.sendable}>
            {mailtoFits ? t('openEmail') : hasAttachments ? t('downloadEml') : t('downloadEmlPlain')}
          </button>
        )}
        {recipient.formUrl && (
          <button type="button" onClick={use('form', onForm)} disabled={!draft.sendable} data-testid="send-form">
            {t('openForm')}
          </button>
        )}
        <button type="button" onClick={use('copy', () => void copy('all', draft.text))} disabled={!draft.sendable}>
          {t('copyNotice')}
        </button>
        <button type="button" onClick={use('pdf', onPdf)} disabled={!draft.sendable} data-testid="send-pdf">
          {t('savePdf')}
        </button>
      </div>
      {copied === 'all' && (
        <p className="muted" role="status">
          {t('copied')}
        </p>
      )}
      {showForm && (
        <div className="card" data-testid="form-fields">
          <p className="muted">{t('formFieldsIntro')}</p>
          {Object.entries(draft.formFields).map(([id, value]) => (
            <div key={id} className="field">
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <label>{FIELD_KEYS[id] ? t(FIELD_KEYS[id]) : id}</label>
                <button type="button" onClick={() => void copy(id, value)}>
                  {copied === id ? t('copied') : t('copy')}
                </button>
              </div>
              <textarea readOnly value={value} rows={Math.min(8, value.split('\n').length + 1)} />
            </div>
          ))}
        </div>
      )}
      {!confirming ? (
        <div className="row send-panel__mark">
          <button
            type="button"
            className="primary"
            data-testid="mark-sent"
            disabled={!draft.sendable || busy}
            onClick={() => setConfirming(true)}
          >
            {t('markSent')}
          </button>
        </div>
      ) : (
        <fieldset className="fieldset send-panel__confirm" data-testid="confirm-channel">
          <legend>{t('sentViaQuestion')}</legend>
          <p className="muted">{t('sentViaHint')}</p>
          {channels.map((c) => (
            <label key={c} className="check">
              <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} />
              <span>{t(`channel_${c}` as MessageKey)}</span>
              {opened.includes(c) && <span className="muted"> · {t('channelOpened')}</span>}
            </label>
          ))}
          <div className="row">
            <button
              type="button"
              className="primary"
              data-testid="confirm-sent"
              disabled={!draft.sendable || !channel || busy}
              onClick={() => channel && onMarkSent(channel)}
            >
              {t('confirmSent')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
