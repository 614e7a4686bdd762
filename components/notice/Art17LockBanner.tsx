import type { Art17Lock } from '../../lib/tracking/art17-lock';
import { useT } from '../i18n';

/**
 * Why a notice cannot be drafted for these items: a counter-statement bars re-notifying the
 * provider (Regulations art. 17).
 */
export function Art17LockBanner({ locks, lang }: { locks: readonly Art17Lock[]; lang: 'en' | 'zh' }) {
  const t = useT();
  if (locks.length === 0) return null;
  return (
    <div className="banner banner--error" role="alert" data-testid="art17-lock">
      <strong>{t('art17LockTitle')}</strong>
      <ul>
        {locks.map((l) => (
          <li key={l.url} data-url={l.url}>
            {l.reason[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}
