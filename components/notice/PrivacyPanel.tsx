import type { PrivacyAdvice } from '../../lib/providers/privacy';
import { useT } from '../i18n';

/**
 * Where the sender's details go at this recipient: a warning when the provider publishes notices
 * (Lumen), and, for a CDN, "do not forward my details" (on unless the user turns it off).
 */
export function PrivacyPanel({
  advice,
  lang,
  isCdn,
  withhold,
  readOnly,
  onWithhold,
}: {
  advice: PrivacyAdvice;
  lang: 'en' | 'zh';
  isCdn: boolean;
  withhold: boolean;
  readOnly: boolean;
  onWithhold: (v: boolean) => void;
}) {
  const t = useT();
  if (!advice.warning && !isCdn) return null;
  return (
    <div data-testid="privacy">
      {advice.warning && (
        <p className="banner banner--warn" data-testid="privacy-lumen">
          {advice.warning[lang]}
        </p>
      )}
      {isCdn && (
        <label className="check">
          <input
            type="checkbox"
            checked={withhold}
            disabled={readOnly}
            onChange={(e) => onWithhold(e.target.checked)}
            data-testid="privacy-withhold"
          />{' '}
          {t('privacyWithhold')}
        </label>
      )}
    </div>
  );
}
