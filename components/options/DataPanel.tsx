import { useState } from 'react';
import type { Counts, ImportReport } from '../../lib/export/import-json';
import { ErrorMessage } from '../ErrorMessage';
import { useBusyAction } from '../use-busy-action';
import { useT, type MessageKey } from '../i18n';

export type ExportKind = 'json' | 'csv' | 'lumen';

const COLUMNS: (keyof Counts)[] = [
  'notices',
  'events',
  'evidence',
  'works',
  'settings',
  'batches',
  'letters',
  'documents',
];

/** Export, import and clear: the only way data leaves or enters the browser's database. */
export function DataPanel({
  onExport,
  onImport,
  onClear,
  confirm = (m) => window.confirm(m),
}: {
  onExport: (kind: ExportKind) => Promise<void>;
  onImport: (text: string) => Promise<ImportReport>;
  onClear: () => Promise<void>;
  confirm?: (message: string) => boolean;
}) {
  const t = useT();
  const { busy, error, act } = useBusyAction();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [cleared, setCleared] = useState(false);
  const run = (fn: () => Promise<void>) =>
    act(async () => {
      setCleared(false);
      await fn();
    });

  const exportButton = (kind: ExportKind, label: MessageKey, hint: MessageKey) => (
    <div className="field">
      <div>
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => onExport(kind))}
          data-testid={`export-${kind}`}
        >
          {t(label)}
        </button>
      </div>
      <small className="hint">{t(hint)}</small>
    </div>
  );

  return (
    <div data-testid="data-panel">
      <p className="muted">{t('dataIntro')}</p>
      {exportButton('json', 'exportJson', 'exportJsonHint')}
      {exportButton('csv', 'exportCsv', 'exportCsvHint')}
      {exportButton('lumen', 'exportLumen', 'exportLumenHint')}
      <div className="field">
        <label htmlFor="import-file">{t('importJson')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          name="importFile"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            setReport(null);
            if (file) void run(async () => setReport(await onImport(await file.text())));
          }}
        />
      </div>
      {error ? <ErrorMessage error={error} context={report === null ? t('importFailed') : undefined} /> : null}
      {report && <ImportReportView report={report} />}
      <hr />
      <button
        type="button"
        className="danger"
        disabled={busy}
        data-testid="clear-all"
        onClick={() => {
          if (confirm(t('clearConfirm'))) void run(async () => (await onClear(), setReport(null), setCleared(true)));
        }}
      >
        {t('clearAll')}
      </button>
      {cleared && (
        <p className="banner banner--ok" data-testid="cleared">
          {t('cleared')}
        </p>
      )}
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const t = useT();
  const updated: Partial<Counts> = { notices: report.updated.notices };
  const rows: [MessageKey, Partial<Counts>][] = [
    ['importAdded', report.added],
    ['importUpdated', updated],
    ['importAlready', report.alreadyPresent],
  ];
  return (
    <section className="banner banner--ok" data-testid="import-report">
      <strong>{t('importDone')}</strong>
      <table className="hashes">
        <thead>
          <tr>
            <th />
            {COLUMNS.map((c) => (
              <th key={c}>{t(`col_${c}` as MessageKey)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, counts]) => (
            <tr key={label} data-testid={`import-${label}`}>
              <th>{t(label)}</th>
              {COLUMNS.map((c) => (
                <td key={c} data-col={c}>
                  {counts[c] ?? '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {report.skipped.length > 0 && (
        <>
          <strong>
            {t('importSkipped')} ({report.skipped.length})
          </strong>
          <ul className="plain-list" data-testid="import-skipped">
            {report.skipped.map((s) => (
              <li key={`${s.path}:${s.id}`}>
                <span className="mono">{s.path}</span> ({s.id}): {t(`skip_${s.reason}` as MessageKey)}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.sealMismatches && (
        <div className="banner banner--error" role="alert" data-testid="import-seal-mismatch">
          <strong>{t('importSealMismatch')}</strong>
          <ul className="plain-list">
            {report.sealMismatches.map((m) => (
              <li key={m.evidenceId} className="mono">
                {m.noticeId}: {m.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
