import { useState } from 'react';
import type { BulkFormat } from '../../lib/bulk/parse';
import { Field } from '../ui/Field';
import { useT } from '../i18n';

interface Props {
  onCheck: (text: string, format: BulkFormat) => void;
  /** The format an imported file is read as, from its name. */
  formatOf: (fileName: string) => BulkFormat;
}

/** Step 1: paste URLs or import a file; nothing is looked up until the user has seen the check. */
export function BulkInput({ onCheck, formatOf }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<BulkFormat>('auto');
  return (
    <div data-testid="bulk-input">
      <Field label={t('bulkPasteLabel')}>
        {(a) => (
          <textarea
            {...a}
            name="bulkUrls"
            rows={10}
            spellCheck={false}
            className="mono"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFormat('auto');
            }}
          />
        )}
      </Field>
      <Field label={t('bulkImport')} hint={t('bulkImportHint')}>
        {(a) => (
          <input
            {...a}
            type="file"
            name="bulkFile"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const content = await file.text();
              const f = formatOf(file.name);
              setText(content);
              setFormat(f);
              onCheck(content, f);
            }}
          />
        )}
      </Field>
      <button
        type="button"
        className="primary"
        data-testid="bulk-check"
        disabled={!text.trim()}
        onClick={() => onCheck(text, format)}
      >
        {t('bulkCheck')}
      </button>
    </div>
  );
}
