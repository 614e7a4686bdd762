import { useState } from 'react';
import {
  DOH_PRESET_IDS,
  LookupSettingsSchema,
  resolverOf,
  type LookupMode,
  type LookupSettings,
} from '../../lib/model/lookup-settings';
import { Field } from '../ui/Field';
import { useT, type MessageKey } from '../i18n';

interface Props {
  saved: LookupSettings;
  onSave: (value: LookupSettings) => Promise<void>;
}

const MODES: LookupMode[] = ['auto', 'browser', 'backend'];
const RESOLVERS = [...DOH_PRESET_IDS, 'custom'] as const;

/** Who looks hosts up (browser first, the backend as the upgrade), which DoH resolver, and who sees what. */
export function LookupModeForm({ saved, onSave }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<LookupSettings>(saved);
  const [errors, setErrors] = useState<{ url?: string; bootstrap?: string }>({});
  const [savedNow, setSavedNow] = useState(false);
  // A newly stored setting replaces the form's draft (React's "adjust state when a prop changes").
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setDraft(saved);
  }
  const set = (patch: Partial<LookupSettings>) => {
    setSavedNow(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const operator = resolverOf(draft).operator || t('resolver_custom');

  return (
    <form
      data-testid="lookup-mode-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const parsed = LookupSettingsSchema.safeParse({
          ...draft,
          customResolverUrl: draft.customResolverUrl.trim(),
          rdapBootstrap: draft.rdapBootstrap.trim(),
        });
        const bad = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
        const urlMissing = draft.resolver === 'custom' && !draft.customResolverUrl.trim();
        setErrors({
          url: bad.has('customResolverUrl') || urlMissing ? t('lookupUrlInvalid') : undefined,
          bootstrap: bad.has('rdapBootstrap') ? t('lookupUrlInvalid') : undefined,
        });
        if (!parsed.success || urlMissing) return;
        await onSave(parsed.data);
        setSavedNow(true);
      }}
    >
      <p className="muted">{t('lookupIntro')}</p>
      <fieldset>
        <legend>{t('lookupModeLabel')}</legend>
        {MODES.map((m) => (
          <label key={m} className="row" style={{ alignItems: 'center', flexWrap: 'nowrap', fontWeight: 'normal' }}>
            <input
              style={{ width: 'auto', margin: 0 }}
              type="radio"
              name="lookupMode"
              value={m}
              checked={draft.mode === m}
              onChange={() => set({ mode: m })}
            />
            {t(`lookupMode_${m}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <Field label={t('lookupResolverLabel')}>
        {(a) => (
          <select
            {...a}
            name="lookupResolver"
            value={draft.resolver}
            onChange={(e) => set({ resolver: e.target.value as LookupSettings['resolver'] })}
          >
            {RESOLVERS.map((r) => (
              <option key={r} value={r}>
                {t(`resolver_${r.replace(/-/g, '_')}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.resolver === 'custom' && (
        <>
          <Field label={t('lookupResolverUrl')} error={errors.url}>
            {(a) => (
              <input
                {...a}
                name="customResolverUrl"
                placeholder="https://"
                value={draft.customResolverUrl}
                onChange={(e) => set({ customResolverUrl: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('lookupResolverFormat')}>
            {(a) => (
              <select
                {...a}
                name="customResolverFormat"
                value={draft.customResolverFormat}
                onChange={(e) => set({ customResolverFormat: e.target.value as 'json' | 'wire' })}
              >
                <option value="json">{t('lookupFormat_json')}</option>
                <option value="wire">{t('lookupFormat_wire')}</option>
              </select>
            )}
          </Field>
        </>
      )}
      <p className="banner banner--warn" data-testid="doh-privacy">
        {t('lookupPrivacy', operator)}
      </p>
      <Field label={t('lookupBootstrap')} hint={t('lookupBootstrapHint')} error={errors.bootstrap}>
        {(a) => (
          <input
            {...a}
            name="rdapBootstrap"
            placeholder="https://data.iana.org/rdap/"
            value={draft.rdapBootstrap}
            onChange={(e) => set({ rdapBootstrap: e.target.value })}
          />
        )}
      </Field>
      <div className="row">
        <button className="primary" type="submit">
          {t('lookupSave')}
        </button>
        {savedNow && (
          <span className="banner banner--ok" role="status">
            {t('saved')}
          </span>
        )}
      </div>
    </form>
  );
}
