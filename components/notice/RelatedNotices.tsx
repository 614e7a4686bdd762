import type { Notice } from '../../lib/model/notice';
import { useT, type MessageKey } from '../i18n';
import { STATUS_KEYS } from '../../lib/tracking/event-labels';

export interface Related {
  relation: 'supersedes' | 'correctedBy' | 'escalatedFrom' | 'escalatedTo';
  notice: Notice;
}

/** Corrections and escalations on both sides of this notice. */
export function RelatedNotices({ related, onOpen }: { related: readonly Related[]; onOpen: (n: Notice) => void }) {
  const t = useT();
  if (related.length === 0) return null;
  return (
    <section className="card">
      <h2>{t('related')}</h2>
      <ul className="plain-list" data-testid="related">
        {related.map(({ relation, notice }) => (
          <li key={`${relation}:${notice.id}`} data-relation={relation}>
            {t(`rel_${relation}` as MessageKey)}:{' '}
            <a href="#" onClick={(e) => (e.preventDefault(), onOpen(notice))}>
              {notice.recipientName || notice.host}
            </a>{' '}
            <span className="badge">{t(STATUS_KEYS[notice.status])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
