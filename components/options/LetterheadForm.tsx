import { useState, type FormEvent } from 'react';
import { LetterheadSchema, LOGO_MAX_BYTES, type Letterhead } from '../../lib/model/letterhead';
import { Field } from '../ui/Field';
import { useT, type MessageKey } from '../i18n';

type FieldName =
  'company' | 'address' | 'email' | 'phone' | 'signatory' | 'signatoryTitle' | 'creditCode' | 'legalRep' | 'logo';
type Errors = Partial<Record<FieldName, MessageKey>>;

const EMPTY: Record<Exclude<FieldName, 'logo'>, string> = {
  company: '',
  address: '',
  email: '',
  phone: '',
  signatory: '',
  signatoryTitle: '',
  creditCode: '',
  legalRep: '',
};

const ISSUE_MESSAGES: Record<string, MessageKey> = {
  required: 'fieldRequired',
  invalid_email: 'fieldInvalidEmail',
  not_an_image: 'logoNotImage',
  too_large: 'logoTooLarge',
};

/** Maps Zod issues to one message per field, using the issue's own code as the key. */
export function letterheadErrors(value: unknown): Errors {
  const parsed = LetterheadSchema.safeParse(value);
  if (parsed.success) return {};
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FieldName;
    errors[field] ??= ISSUE_MESSAGES[issue.message] ?? (issue.code === 'too_big' ? 'fieldTooLong' : 'fieldInvalid');
  }
  return errors;
}

interface Props {
  saved: Letterhead | null;
  onSave: (value: Letterhead) => Promise<void>;
}

const formOf = (l: Letterhead | null) =>
  l
    ? {
        company: l.company,
        address: l.address,
        email: l.email,
        phone: l.phone,
        signatory: l.signatory,
        signatoryTitle: l.signatoryTitle,
        creditCode: l.creditCode ?? '',
        legalRep: l.legalRep ?? '',
      }
    : { ...EMPTY };

export function LetterheadForm({ saved, onSave }: Props) {
  const t = useT();
  // The options page mounts the form once the setting has loaded, so the first render already shows it.
  const [form, setForm] = useState(() => formOf(saved));
  const [logo, setLogo] = useState<string | undefined>(saved?.logo);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');

  // The stored letterhead replaces what the form shows when it loads or changes (React's "adjust state when a prop
  // changes"); starting from null also fills the form when the letterhead is already there at mount.
  const [shown, setShown] = useState<Letterhead | null>(null);
  if (shown !== saved) {
    setShown(saved);
    if (saved) {
      setForm(formOf(saved));
      setLogo(saved.logo);
    }
  }

  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [name]: e.target.value }));
    setStatus('idle');
  };

  const onLogo = (file: File | undefined) => {
    setStatus('idle');
    if (!file) return;
    if (!file.type.startsWith('image/')) return setErrors((e) => ({ ...e, logo: 'logoNotImage' }));
    if (file.size > LOGO_MAX_BYTES) return setErrors((e) => ({ ...e, logo: 'logoTooLarge' }));
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') setLogo(reader.result);
      setErrors((e) => ({ ...e, logo: undefined }));
    };
    reader.readAsDataURL(file);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const candidate = { ...form, logo };
    const found = letterheadErrors(candidate);
    setErrors(found);
    if (Object.keys(found).length > 0) return setStatus('failed');
    try {
      await onSave(LetterheadSchema.parse(candidate));
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  const text = (name: keyof typeof EMPTY, label: MessageKey, props: { type?: string; multiline?: boolean } = {}) => (
    <Field label={t(label)} error={errors[name] && t(errors[name])}>
      {(a) =>
        props.multiline ? (
          <textarea {...a} name={name} value={form[name]} onChange={set(name)} />
        ) : (
          <input {...a} name={name} type={props.type ?? 'text'} value={form[name]} onChange={set(name)} />
        )
      }
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('letterheadTitle')}>
      <p className="muted">{t('letterheadIntro')}</p>
      <div className="grid2">
        {text('company', 'fieldCompany')}
        {text('email', 'fieldEmail', { type: 'email' })}
      </div>
      {text('address', 'fieldAddress', { multiline: true })}
      <div className="grid2">
        {text('signatory', 'fieldSignatory')}
        {text('signatoryTitle', 'fieldSignatoryTitle')}
      </div>
      {text('phone', 'fieldPhone', { type: 'tel' })}
      {/* 真实身份信息 for Chinese notices (NCAC 2007 form): printed in the 权利人 block when given. */}
      <div className="grid2">
        {text('creditCode', 'fieldCreditCode')}
        {text('legalRep', 'fieldLegalRep')}
      </div>
      <Field label={t('fieldLogo')} hint={t('logoHint')} error={errors.logo && t(errors.logo)}>
        {(a) => (
          <input
            {...a}
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml"
            onChange={(e) => onLogo(e.target.files?.[0])}
          />
        )}
      </Field>
      {logo && (
        <div className="row">
          <img src={logo} alt={t('fieldLogo')} style={{ maxHeight: 48 }} />
          <button type="button" onClick={() => setLogo(undefined)}>
            {t('removeLogo')}
          </button>
        </div>
      )}
      <div className="row" style={{ marginTop: '0.75rem' }}>
        <button className="primary" type="submit">
          {t('save')}
        </button>
        {status === 'saved' && (
          <span className="banner banner--ok" role="status">
            {t('letterheadSaved')}
          </span>
        )}
        {status === 'failed' && (
          <span className="banner banner--error" role="alert">
            {t('letterheadNotSaved')}
          </span>
        )}
      </div>
    </form>
  );
}
