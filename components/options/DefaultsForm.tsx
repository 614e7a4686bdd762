import type { DefaultsSettings } from '../../lib/model/settings';
import { RegimeIdSchema, LetterLangSchema } from '../../lib/model/notice';
import { Field } from '../ui/Field';
import { useT, type MessageKey } from '../i18n';

export function DefaultsForm({ saved, onSave }: { saved: DefaultsSettings; onSave: (v: DefaultsSettings) => Promise<void> }) {
  const t = useT();
  return (
    <div className="grid2">
      <Field label={t('defaultRegime')} hint={t('defaultRegimeHint')}>
        {(a) => (
          <select {...a} name="defaultRegime" value={saved.regime} onChange={(e) => void onSave({ ...saved, regime: e.target.value as DefaultsSettings['regime'] })}>
            <option value="auto">{t('regimeAuto')}</option>
            {RegimeIdSchema.options.map((r) => (
              <option key={r} value={r}>{t(`regime_${r.replace('-', '_')}` as MessageKey)}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('defaultLang')}>
        {(a) => (
          <select {...a} name="defaultLang" value={saved.lang} onChange={(e) => void onSave({ ...saved, lang: e.target.value as DefaultsSettings['lang'] })}>
            {LetterLangSchema.options.map((l) => (
              <option key={l} value={l}>{t(`lang_${l.replace('-', '_')}` as MessageKey)}</option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
