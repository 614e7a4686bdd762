import { useState, type FormEvent } from 'react';
import type { NoticeStatus, RegimeId } from '../../lib/model/notice';
import { replyOptions, type ReplyStatus } from '../../lib/tracking/reply';
import { ErrorMessage } from '../ErrorMessage';
import { Field } from '../ui/Field';
import { useT } from '../i18n';
import { STATUS_KEYS } from '../../lib/tracking/event-labels';

export interface ReplySubmission {
  to: ReplyStatus;
  text: string;
  reason: string;
  ecommercePlatform: boolean;
  file: File | null;
  /** A CDN's reply that names the origin host (issue 13): offered as the next recipient. */
  disclosedHost?: { name: string; emails: string[] };
}

/** Records what the recipient did, offering only the moves the status machine allows from here. */
export function ReplyForm({
  status,
  regime,
  fromCdn = false,
  onSubmit,
}: {
  status: NoticeStatus;
  regime: RegimeId;
  /** The notice went to a CDN, whose reply may name the origin host. */
  fromCdn?: boolean;
  onSubmit: (r: ReplySubmission) => Promise<void>;
}) {
  const t = useT();
  const options = replyOptions(status);
  const [to, setTo] = useState<ReplyStatus | ''>('');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [ecommerce, setEcommerce] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [hostName, setHostName] = useState('');
  const [hostEmail, setHostEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosen = to && options.includes(to) ? to : (options[0] ?? '');

  if (options.length === 0) return <p className="muted">{t('replyNone')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const disclosedHost =
        fromCdn && hostName.trim()
          ? { name: hostName.trim(), emails: hostEmail.trim() ? [hostEmail.trim()] : [] }
          : undefined;
      await onSubmit({ to: chosen, text, reason, ecommercePlatform: ecommerce, file, disclosedHost });
      setHostName('');
      setHostEmail('');
      setText('');
      setReason('');
      setFile(null);
      setTo('');
      (e.target as HTMLFormElement).reset();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="reply-form">
      <Field label={t('replyKind')}>
        {(p) => (
          <select {...p} name="replyKind" value={chosen} onChange={(e) => setTo(e.target.value as ReplyStatus)}>
            {options.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen === 'rejected' && (
        <Field label={t('replyReason')}>
          {(p) => (
            <input
              {...p}
              name="replyReason"
              required
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      )}
      {chosen === 'counter_noticed' && regime === 'cn' && (
        <label className="check">
          <input
            type="checkbox"
            name="ecommercePlatform"
            checked={ecommerce}
            onChange={(e) => setEcommerce(e.target.checked)}
          />
          <span>{t('replyEcommerce')}</span>
        </label>
      )}
      <Field label={t('replyText')}>
        {(p) => (
          <textarea {...p} name="replyText" maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      {fromCdn && (
        <fieldset className="fieldset">
          <legend>{t('replyDisclosedLegend')}</legend>
          <p className="muted">{t('replyDisclosedHint')}</p>
          <Field label={t('replyDisclosedName')}>
            {(p) => (
              <input
                {...p}
                name="disclosedHost"
                maxLength={500}
                value={hostName}
                onChange={(e) => setHostName(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('replyDisclosedEmail')}>
            {(p) => (
              <input
                {...p}
                type="email"
                name="disclosedEmail"
                maxLength={254}
                value={hostEmail}
                onChange={(e) => setHostEmail(e.target.value)}
              />
            )}
          </Field>
        </fieldset>
      )}
      <Field label={t('replyFile')}>
        {(p) => <input {...p} type="file" name="replyFile" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="primary" disabled={busy} data-testid="record-reply">
        {t('replySave')}
      </button>
    </form>
  );
}
