import type { RightsDocumentMeta } from '../../lib/model/rights-document';
import { useT, type MessageKey } from '../i18n';

/**
 * Which of the rights holder's documents (Options → Documents) go with this notice (issue 15). A chosen licence or
 * certificate fills the letter's ID / ownership element and its 附件 / Attachments line, and is attached to the .eml.
 */
export function DocumentsPicker({
  documents,
  chosen,
  disabled,
  onChange,
}: {
  documents: readonly RightsDocumentMeta[];
  chosen: readonly string[];
  disabled?: boolean;
  onChange: (ids: string[]) => void;
}) {
  const t = useT();
  if (documents.length === 0) return <p className="muted">{t('documentsPickNone')}</p>;
  const set = new Set(chosen);
  return (
    <fieldset data-testid="documents-picker">
      <legend>{t('documentsPick')}</legend>
      {documents.map((d) => (
        <label key={d.id} className="row">
          <input
            type="checkbox"
            disabled={disabled}
            checked={set.has(d.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, d.id] : chosen.filter((id) => id !== d.id))}
          />
          {d.title}{' '}
          <span className="muted">
            · {t(`documentKind_${d.kind}` as MessageKey)} · {d.filename}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
