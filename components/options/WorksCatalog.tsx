import { useState } from 'react';
import type { Work } from '../../lib/model/work';
import { WorkForm } from '../works/WorkForm';
import { useT } from '../i18n';

interface Props {
  works: Work[];
  newId: () => string;
  onSave: (work: Work) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

export function WorksCatalog({ works, newId, onSave, onDelete }: Props) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null); // a work id, or 'new' for the blank form
  return (
    <div>
      <p className="muted">{t('worksIntro')}</p>
      {works.length === 0 && editing === null && <p className="empty">{t('worksEmpty')}</p>}
      <ul className="plain-list" data-testid="works-list">
        {works.map((w) =>
          editing === w.id ? (
            <li key={w.id}>
              <WorkForm
                initial={w}
                newId={newId}
                onSave={async (x) => {
                  await onSave(x);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={w.id} className="card row" style={{ justifyContent: 'space-between' }}>
              <span>
                <strong>{w.title}</strong>
                {w.aliases.length > 0 && <span className="muted"> · {w.aliases.join(' / ')}</span>}
                <div className="muted">
                  {[w.owner, w.registration, w.officialDomains.join(', ')].filter(Boolean).join(' · ')}
                </div>
              </span>
              <span className="row">
                <button type="button" onClick={() => setEditing(w.id)}>
                  {t('edit')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    if (confirm(t('confirmDeleteWork', w.title))) void onDelete(w.id);
                  }}
                >
                  {t('delete')}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <WorkForm
          newId={newId}
          onSave={async (x) => {
            await onSave(x);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t('addWork')}
        </button>
      )}
    </div>
  );
}
