import { useState } from 'react';
import type { RightsDocumentKind, RightsDocumentMeta } from '../../lib/model/rights-document';
import { DOCUMENT_MIME_TYPES, RightsDocumentKindSchema } from '../../lib/model/rights-document';
import type { Work } from '../../lib/model/work';
import { ErrorMessage } from '../ErrorMessage';
import { useT, type MessageKey } from '../i18n';

export interface NewDocument {
  file: { name: string; type: string; bytes: Uint8Array };
  kind: RightsDocumentKind;
  title: string;
  workId: string | null;
}

const kindKey = (k: RightsDocumentKind) => `documentKind_${k}` as MessageKey;
const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

/**
 * Options → Documents (issue 15): the business licence or ID copy, copyright registration certificates per work and
 * powers of attorney, stored once (PDF or image, size-capped, hashed) and chosen per notice on the report page.
 */
export function DocumentsPanel({
  documents,
  works,
  onAdd,
  onRemove,
}: {
  documents: readonly RightsDocumentMeta[];
  works: readonly Work[];
  onAdd: (doc: NewDocument) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
}) {
  const t = useT();
  const [kind, setKind] = useState<RightsDocumentKind>('id_document');
  const [title, setTitle] = useState('');
  const [workId, setWorkId] = useState<string>('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const act = (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    fn()
      .catch((err: unknown) => setError(err))
      .finally(() => setBusy(false));
  };
  const add = () =>
    act(async () => {
      if (!file) return;
      const bytes = new Uint8Array(await file.arrayBuffer());
      await onAdd({
        file: { name: file.name, type: file.type, bytes },
        kind,
        title: title.trim() || file.name,
        workId: kind === 'ownership' && workId ? workId : null,
      });
      setTitle('');
      setFile(null);
    });

  return (
    <div data-testid="documents">
      <p className="muted">{t('documentsIntro')}</p>
      {documents.length === 0 && <p className="empty">{t('documentsEmpty')}</p>}
      <ul className="plain-list" data-testid="documents-list">
        {documents.map((d) => (
          <li key={d.id} className="card row" style={{ justifyContent: 'space-between' }} data-testid="document">
            <span>
              <strong>{d.title}</strong> <span className="muted">· {t(kindKey(d.kind))}</span>
              {d.workId && <span className="muted"> · {works.find((w) => w.id === d.workId)?.title ?? d.workId}</span>}
              <div className="muted mono" title={d.sha256}>
                {d.filename} · {kb(d.size)} · SHA-256 {d.sha256.slice(0, 16)}…
              </div>
            </span>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                if (confirm(t('confirmDeleteDocument', d.title))) act(() => onRemove(d.id));
              }}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
      <fieldset className="card">
        <legend>{t('documentsAdd')}</legend>
        <label>
          {t('documentsKind')}{' '}
          <select
            value={kind}
            data-testid="document-kind"
            onChange={(e) => setKind(e.target.value as RightsDocumentKind)}
          >
            {RightsDocumentKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        </label>
        {kind === 'ownership' && (
          <label>
            {t('documentsWork')}{' '}
            <select value={workId} onChange={(e) => setWorkId(e.target.value)}>
              <option value="">—</option>
              {works.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('documentsTitle')}{' '}
          <input
            value={title}
            maxLength={300}
            data-testid="document-title"
            placeholder={t('documentsTitleHint')}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label>
          {t('documentsFile')}{' '}
          <input
            type="file"
            data-testid="document-file"
            accept={DOCUMENT_MIME_TYPES.join(',')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="button" className="primary" data-testid="document-add" disabled={!file || busy} onClick={add}>
          {t('documentsAdd')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </fieldset>
    </div>
  );
}
