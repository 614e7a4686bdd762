import type { DefaultsSettings } from '../../lib/model/settings';
import { RegimeIdSchema, LetterLangSchema } from '../../lib/model/notice';
import { Field } from '../ui/Field';
import { useT, type MessageKey } from '../i18n';

export function DefaultsForm({
  saved,
  onSave,
}: {
  saved: DefaultsSettings;
  onSave: (v: DefaultsSettings) => Promise<void>;
}) {
  const t = useT();
  return (
    <div className="grid2">
      <Field label={t('defaultRegime')} hint={t('defaultRegimeHint')}>
        {(a) => (
          <select
            {...a}
            name="defaultRegime"
            value={saved.regime}
            onChange={(e) => void onSave({ ...saved, regime: e.target.value as DefaultsSettings['regime'] })}
          >
            <option value="auto">{t('regimeAuto')}</option>
            {RegimeIdSchema.options.map((r) => (
              <option key={r} value={r}>
                {t(`regime_${r.replace('-', '_')}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('defaultLang')}>
        {(a) => (
          <select
            {...a}
            name="defaultLang"
            value={saved.lang}
            onChange={(e) => void onSave({ ...saved, lang: e.target.value as DefaultsSettings['lang'] })}
          >
            {LetterLangSchema.options.map((l) => (
              <option key={l} value={l}>
                {t(`lang_${l.replace('-', '_')}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('defaultsRepeatThreshold')}>
        {(a) => (
          <input
            {...a}
            type="number"
            name="repeatThreshold"
            min={2}
            max={50}
            value={saved.repeatThreshold}
            onChange={(e) => {
              // Out-of-range or empty input is not saved, so the stored value stays valid (lib/model/settings.ts).
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 2 && n <= 50) void onSave({ ...saved, repeatThreshold: n });
            }}
          />
        )}
      </Field>
    </div>
  );
}
