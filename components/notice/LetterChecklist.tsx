import type { LetterChecklist as Checklist } from '../../lib/notices/letters/checklist';
import { useT } from '../i18n';

/** A letter's checklist: each element with its rule; a missing required one blocks sending. */
export function LetterChecklist({ checklist }: { checklist: Checklist }) {
  const t = useT();
  const missing = checklist.items.filter((i) => i.required && i.status === 'missing').length;
  return (
    <div data-testid="letter-checklist" data-sendable={checklist.sendable}>
      <p className={`banner ${checklist.sendable ? 'banner--ok' : 'banner--error'}`} role="status">
        {checklist.sendable ? t('checklistComplete') : t('checklistMissing', String(missing))}
      </p>
      <ul className="checklist">
        {checklist.items.map((i) => (
          <li key={i.id} data-status={i.status} data-element={i.id} data-testid="letter-checklist-item">
            <strong>{i.name}</strong> <span className="muted">({i.citation})</span>
            {!i.required && <span className="badge">{t('optional')}</span>}
            {i.unverified && (
              <span className="badge" title={t('unverifiedHint')}>
                {t('unverified')}
              </span>
            )}
            {i.message && <div className={i.status === 'missing' ? 'error' : 'muted'}>{i.message}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
