import type { Recipient } from '../../lib/model/recipient';
import { suggestRegime } from '../../lib/notices/suggest';
import type { MessageKey, Translate } from '../../lib/i18n';

/** Why a regime and language were suggested, in the user's language: the recipient's country decides. */
export function regimeHint(recipient: Recipient, t: Translate): string {
  const s = suggestRegime(recipient);
  const regime = t(`regime_${s.regime.replace('-', '_')}` as MessageKey);
  const base = recipient.country
    ? t('regimeHintCountry', [recipient.country.toUpperCase(), regime])
    : t('regimeHintNoCountry', regime);
  return s.lang === 'zh-en' ? `${base} ${t('regimeHintBilingual')}` : base;
}
