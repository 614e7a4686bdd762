import { useT } from '../i18n';

export interface StaleDraft {
  id: string;
  host: string;
  createdAt: string;
}

/** Reports started more than a day ago and never addressed: kept out of the list, one click to discard. */
export function StaleDrafts({
  drafts,
  onOpen,
  onDiscard,
}: {
  drafts: readonly StaleDraft[];
  onOpen: (id: string) => void;
  onDiscard: (ids: string[]) => void;
}) {
  const t = useT();
  return (
    <details className="stale-drafts" data-testid="stale-drafts">
      <summary>{t('staleDraftsTitle', String(drafts.length))}</summary>
      <p className="muted">{t('staleDraftsHint')}</p>
      <ul className="plain-list">
        {drafts.map((d) => (
          <li key={d.id} className="row stale-drafts__row" data-testid="stale-draft">
            <button type="button" className="link" onClick={() => onOpen(d.id)}>
              {d.host}
            </button>
            <span className="muted">
              {new Date(d.createdAt).toLocaleDateString(document.documentElement.lang || undefined)}
            </span>
            <button type="button" className="danger" onClick={() => onDiscard([d.id])} data-testid="discard-draft">
              {t('discardDraft')}
            </button>
          </li>
        ))}
      </ul>
      {drafts.length > 1 && (
        <button type="button" className="danger" onClick={() => onDiscard(drafts.map((d) => d.id))}>
          {t('discardAllDrafts')}
        </button>
      )}
    </details>
  );
}
