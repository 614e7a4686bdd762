import type { LetterFacts, LetterKind } from '../../lib/notices/letters/schema';
import { Field } from '../ui/Field';
import { useT, type MessageKey } from '../i18n';

type Kind = 'text' | 'date' | 'checkbox' | 'route' | 'subject';
interface FieldSpec {
  key: string;
  kind: Kind;
  label: MessageKey;
}

/** The facts only the user knows, per letter; everything else was filled in from the notice. */
const FIELDS: Record<LetterKind, FieldSpec[]> = {
  us_action_filed: [
    { key: 'recipientEmail', kind: 'text', label: 'letterField_recipientEmail' },
    { key: 'counterNoticeReceivedAt', kind: 'date', label: 'letterField_counterNoticeReceivedAt' },
    { key: 'subscriber', kind: 'text', label: 'letterField_subscriber' },
    { key: 'court', kind: 'text', label: 'letterField_court' },
    { key: 'caseNumber', kind: 'text', label: 'letterField_caseNumber' },
    { key: 'filedOn', kind: 'date', label: 'letterField_filedOn' },
    { key: 'complaintCopy', kind: 'text', label: 'letterField_complaintCopy' },
    { key: 'confirmRestrain', kind: 'checkbox', label: 'letterField_confirmRestrain' },
  ],
  cn_action_filed: [
    { key: 'counterStatementReceivedAt', kind: 'date', label: 'letterField_counterStatementReceivedAt' },
    { key: 'declarant', kind: 'text', label: 'letterField_declarant' },
    { key: 'route', kind: 'route', label: 'letterField_route' },
    { key: 'authority', kind: 'text', label: 'letterField_authority' },
    { key: 'caseNumber', kind: 'text', label: 'letterField_acceptanceNumber' },
    { key: 'acceptedOn', kind: 'date', label: 'letterField_acceptedOn' },
    { key: 'acceptanceNotice', kind: 'text', label: 'letterField_acceptanceNotice' },
    { key: 'idDocument', kind: 'text', label: 'letterField_idDocument' },
    { key: 'legalRepresentative', kind: 'text', label: 'letterField_legalRepresentative' },
    { key: 'ecommercePlatform', kind: 'checkbox', label: 'letterField_ecommercePlatform' },
  ],
  repeat_infringer: [
    { key: 'subjectKind', kind: 'subject', label: 'letterField_subjectKind' },
    { key: 'subjectValue', kind: 'text', label: 'letterField_subjectValue' },
  ],
  miit_unfiled: [],
};

type Facts = Record<string, unknown> & LetterFacts;

function read(f: Facts, key: string): unknown {
  if (key === 'recipientEmail') return f.recipient.emails[0] ?? '';
  if (key === 'subjectValue') return (f as { subject?: { value: string } }).subject?.value ?? '';
  if (key === 'subjectKind') return (f as { subject?: { kind: string } }).subject?.kind ?? 'site';
  return f[key];
}

function write(f: Facts, key: string, v: unknown): Facts {
  if (key === 'recipientEmail')
    return { ...f, recipient: { ...f.recipient, emails: typeof v === 'string' && v.trim() ? [v.trim()] : [] } };
  if (key === 'subjectValue')
    return { ...f, subject: { ...(f as { subject: { kind: string } }).subject, value: String(v) } } as Facts;
  if (key === 'subjectKind')
    return { ...f, subject: { ...(f as { subject: { value: string } }).subject, kind: String(v) } } as Facts;
  return { ...f, [key]: v };
}

/** A stored instant shown in a date input: its calendar date; an empty input clears it. */
const dateValue = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : '');

/** The editable facts of a draft letter: language, the kind's own fields and the accuracy statement. */
export function LetterForm({
  facts,
  onChange,
  disabled,
}: {
  facts: LetterFacts;
  onChange: (f: LetterFacts) => void;
  disabled: boolean;
}) {
  const t = useT();
  const f = facts as Facts;
  const set = (key: string, v: unknown) => onChange(write(f, key, v));
  return (
    <div className="letter-form" data-testid="letter-form">
      <Field label={t('letterField_lang')}>
        {(p) => (
          <select
            {...p}
            value={f.lang}
            disabled={disabled}
            onChange={(e) => set('lang', e.target.value)}
            data-field="lang"
          >
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
        )}
      </Field>
      {FIELDS[f.kind].map((s) => {
        const v = read(f, s.key);
        if (s.kind === 'checkbox')
          return (
            <label key={s.key} className="check">
              <input
                type="checkbox"
                checked={v === true}
                disabled={disabled}
                onChange={(e) => set(s.key, e.target.checked)}
                data-field={s.key}
              />{' '}
              {t(s.label)}
            </label>
          );
        return (
          <Field key={s.key} label={t(s.label)}>
            {(p) =>
              s.kind === 'route' ? (
                <select
                  {...p}
                  value={String(v)}
                  disabled={disabled}
                  onChange={(e) => set(s.key, e.target.value)}
                  data-field={s.key}
                >
                  <option value="suit">{t('letterRoute_suit')}</option>
                  <option value="complaint">{t('letterRoute_complaint')}</option>
                </select>
              ) : s.kind === 'subject' ? (
                <select
                  {...p}
                  value={String(v)}
                  disabled={disabled}
                  onChange={(e) => set(s.key, e.target.value)}
                  data-field={s.key}
                >
                  <option value="ip">{t('letterSubject_ip')}</option>
                  <option value="site">{t('letterSubject_site')}</option>
                  <option value="account">{t('letterSubject_account')}</option>
                </select>
              ) : s.kind === 'date' ? (
                <input
                  {...p}
                  type="date"
                  value={dateValue(v)}
                  disabled={disabled}
                  onChange={(e) => set(s.key, e.target.value || undefined)}
                  data-field={s.key}
                />
              ) : (
                <input
                  {...p}
                  type="text"
                  value={typeof v === 'string' ? v : ''}
                  disabled={disabled}
                  onChange={(e) => set(s.key, e.target.value)}
                  data-field={s.key}
                />
              )
            }
          </Field>
        );
      })}
      <label className="check">
        <input
          type="checkbox"
          checked={f.confirmAccuracy}
          disabled={disabled}
          onChange={(e) => set('confirmAccuracy', e.target.checked)}
          data-field="confirmAccuracy"
        />{' '}
        {t('letterField_confirmAccuracy')}
      </label>
    </div>
  );
}
