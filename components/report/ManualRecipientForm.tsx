import { useState, type FormEvent } from 'react';
import { RecipientSchema, type Recipient, type RecipientRole } from '../../lib/model/recipient';
import { Field } from '../ui/Field';
import { useT, type MessageKey } from '../i18n';

const ROLES: RecipientRole[] = ['host', 'cdn', 'upstream', 'registrar', 'search'];
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** When the lookup cannot run, the user types the recipient from the provider's own abuse page. */
export function ManualRecipientForm({ onAdd }: { onAdd: (r: Recipient) => void }) {
  const t = useT();
  const [f, setF] = useState({ name: '', role: 'host' as RecipientRole, email: '', formUrl: '', country: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!f.name.trim()) errs.name = t('fieldRequired');
    if (f.email && !EMAIL.test(f.email.trim())) errs.email = t('fieldInvalidEmail');
    if (f.formUrl && !/^https?:\/\/\S+$/i.test(f.formUrl.trim())) errs.formUrl = t('workUrlInvalid');
    if (!f.email.trim() && !f.formUrl.trim()) errs.email = t('recipientNeedsChannel');
    if (f.country && !/^[A-Za-z]{2}$/.test(f.country.trim())) errs.country = t('countryInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    onAdd(
      RecipientSchema.parse({
        role: f.role,
        name: f.name.trim(),
        emails: f.email.trim() ? [f.email.trim()] : [],
        formUrl: f.formUrl.trim() || null,
        country: f.country.trim().toUpperCase() || null,
        source: 'manual',
        confidence: 1,
        notes: [],
        kind:
          f.role === 'cdn' ? 'cdn' : f.role === 'registrar' ? 'registrar' : f.role === 'search' ? 'search' : 'unknown',
      }),
    );
    setF({ name: '', role: 'host', email: '', formUrl: '', country: '' });
  };
  const bind = (k: 'name' | 'email' | 'formUrl' | 'country') => ({
    name: `manual-${k}`,
    value: f[k],
    onChange: (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value })),
  });
  return (
    <form
      className="card"
      onSubmit={submit}
      noValidate
      data-testid="manual-recipient"
      aria-label={t('manualRecipient')}
    >
      <strong>{t('manualRecipient')}</strong>
      <div className="grid2">
        <Field label={t('recipientName')} error={errors.name}>
          {(a) => <input {...a} {...bind('name')} />}
        </Field>
        <Field label={t('recipientRole')}>
          {(a) => (
            <select
              {...a}
              name="manual-role"
              value={f.role}
              onChange={(e) => setF((x) => ({ ...x, role: e.target.value as RecipientRole }))}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role_${r}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('recipientEmail')} error={errors.email}>
          {(a) => <input {...a} type="email" {...bind('email')} />}
        </Field>
        <Field label={t('recipientForm')} error={errors.formUrl}>
          {(a) => <input {...a} type="url" {...bind('formUrl')} />}
        </Field>
        <Field label={t('recipientCountry')} hint={t('countryHint')} error={errors.country}>
          {(a) => <input {...a} maxLength={2} {...bind('country')} />}
        </Field>
      </div>
      <button type="submit">{t('addRecipient')}</button>
    </form>
  );
}
