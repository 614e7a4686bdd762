import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { BulkInput } from '../../components/bulk/BulkInput';
import { ValidationSummary } from '../../components/bulk/ValidationSummary';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../components/i18n';
import { formatOfFile, parseBulkInput, type ParsedBulk } from '../../lib/bulk/parse';
import { useWorks } from '../../lib/db/services';
import { resolveWork } from '../../lib/db/works-repo';
import { bulkStore } from './services';

export function NewBulk({ onCreated }: { onCreated: (id: string, autoStart: boolean) => void }) {
  const t = useT();
  const [parsed, setParsed] = useState<ParsedBulk | null>(null);
  const [error, setError] = useState<unknown>(null);
  const previous = useLiveQuery(() => bulkStore.list(), []) ?? [];
  const works = useWorks() ?? [];
  const create = async () => {
    if (!parsed) return;
    try {
      onCreated((await bulkStore.create(parsed)).id, true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <section className="step card">
        <h2>{t('bulkStepInput')}</h2>
        <p className="muted">{t('bulkIntro')}</p>
        <BulkInput
          onCheck={(text, format) =>
            setParsed(parseBulkInput(text, format, { resolveWork: (ref) => resolveWork(works, ref)?.id ?? null }))
          }
          formatOf={formatOfFile}
        />
        {parsed && (
          <ValidationSummary
            validCount={parsed.valid.length}
            blank={parsed.blank}
            rejected={parsed.rejected}
            hosts={parsed.hosts}
          />
        )}
        {error ? <ErrorMessage error={error} /> : null}
        {parsed && parsed.valid.length > 0 && (
          <div className="row bulk-actions">
            <button type="button" className="primary" data-testid="bulk-start" onClick={() => void create()}>
              {t('bulkStart')}
            </button>
          </div>
        )}
      </section>
      {previous.length > 0 && (
        <section className="card">
          <h2>{t('bulkPrevious')}</h2>
          <ul className="plain-list" data-testid="bulk-previous">
            {previous.map((p) => (
              <li key={p.id}>
                <a href={`?batch=${encodeURIComponent(p.id)}`}>
                  {t('bulkSummaryLine', [p.createdAt.slice(0, 16).replace('T', ' '), String(p.urlCount)])}
                </a>
                {p.label && <span className="muted"> · {p.label}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
