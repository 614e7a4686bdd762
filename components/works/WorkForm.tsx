import { useState, type FormEvent } from 'react';
import { WorkSchema, type Work } from '../../lib/model/work';
import { Field } from '../ui/Field';
import { useT } from '../i18n';

const list = (s: string) =>
  s
    .split(/[\n,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);

interface Props {
  initial?: Work;
  newId: () => string;
  onSave: (work: Work) => Promise<void> | void;
  onCancel?: () => void;
}

/** Adds or edits one protected work; used on the options page and inline on the report page. */
export function WorkForm({ initial, newId, onSave, onCancel }: Props) {
  const t = useT();
  const [f, setF] = useState({
    title: initial?.title ?? '',
    aliases: initial?.aliases.join('\n') ?? '',
    owner: initial?.owner ?? '',
    registration: initial?.registration ?? '',
    originalUrl: initial?.originalUrl ?? '',
    officialDomains: initial?.officialDomains.join('\n') ?? '',
    keywords: initial?.keywords.join('\n') ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const bind = (k: keyof typeof f) => ({
    name: k,
    value: f[k],
    onChange: (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value })),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const candidate = {
      id: initial?.id ?? newId(),
      title: f.title,
      aliases: list(f.aliases),
      owner: f.owner,
      registration: f.registration,
      originalUrl: f.originalUrl,
      officialDomains: list(f.officialDomains),
      keywords: list(f.keywords),
    };
    const parsed = WorkSchema.safeParse(candidate);
    if (!parsed.success) {
      const errs: Record<string, string> = {};
      for (const i of parsed.error.issues)
        errs[String(i.path[0])] ??= i.code === 'too_small' ? t('fieldRequired') : t('fieldInvalid');
      return setErrors(errs);
    }
    if (parsed.data.originalUrl && !/^https?:\/\//i.test(parsed.data.originalUrl))
      return setErrors({ originalUrl: t('workUrlInvalid') });
    setErrors({});
    await onSave(parsed.data);
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('workFormTitle')} data-testid="work-form">
      <div className="grid2">
        <Field label={t('workTitle')} error={errors.title}>
          {(a) => <input {...a} {...bind('title')} />}
        </Field>
        <Field label={t('workOwner')} error={errors.owner}>
          {(a) => <input {...a} {...bind('owner')} />}
        </Field>
        <Field label={t('workRegistration')} hint={t('workRegistrationHint')} error={errors.registration}>
          {(a) => <input {...a} {...bind('registration')} />}
        </Field>
        <Field label={t('workOriginalUrl')} error={errors.originalUrl}>
          {(a) => <input {...a} type="url" {...bind('originalUrl')} />}
        </Field>
        <Field label={t('workAliases')} hint={t('onePerLine')} error={errors.aliases}>
          {(a) => <textarea {...a} {...bind('aliases')} />}
        </Field>
        <Field label={t('workOfficialDomains')} hint={t('workOfficialDomainsHint')} error={errors.officialDomains}>
          {(a) => <textarea {...a} {...bind('officialDomains')} />}
        </Field>
      </div>
      <Field label={t('workKeywords')} hint={t('onePerLine')} error={errors.keywords}>
        {(a) => <textarea {...a} {...bind('keywords')} />}
      </Field>
      <div className="row">
        <button className="primary" type="submit">
          {t('saveWork')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
