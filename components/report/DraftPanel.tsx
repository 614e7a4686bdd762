import { useState } from 'react';
import type { NoticeDraft } from '../../lib/notices/draft';
import { LetterLangSchema, RegimeIdSchema, type LetterLang, type RegimeId } from '../../lib/model/notice';
import type { Work } from '../../lib/model/work';
import { ErrorMessage } from '../ErrorMessage';
import { Field } from '../ui/Field';
import { WorkForm } from '../works/WorkForm';
import { useT, type MessageKey } from '../i18n';

export interface DraftFields {
  workIds: string[];
  regime: RegimeId;
  lang: LetterLang;
  explanation: string;
  measure: string;
  fairUseConsidered: boolean;
  fairUseNote: string;
  idDocument: string;
  ownershipProof: string;
  confirmations: { goodFaith: boolean; accuracy: boolean };
}

interface Props {
  fields: DraftFields;
  onChange: (patch: Partial<DraftFields>) => void;
  works: Work[];
  onAddWork: (w: Work) => Promise<void>;
  newId: () => string;
  suggestion: string;
  draft: NoticeDraft | null;
  draftError: unknown;
  readOnly: boolean;
}

export function Checklist({ draft }: { draft: NoticeDraft }) {
  const t = useT();
  return (
    <div data-testid="checklist" data-sendable={draft.sendable}>
      <p className={`banner ${draft.sendable ? 'banner--ok' : 'banner--error'}`} role="status">
        {draft.sendable
          ? t('checklistComplete')
          : t(
              'checklistMissing',
              String(draft.checklist.items.filter((i) => i.required && i.status === 'missing').length),
            )}
      </p>
      <ul className="checklist">
        {draft.checklist.items.map((i) => (
          <li key={i.id} data-status={i.status} data-element={i.id} data-testid="checklist-item">
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

/** Step 3: works, regime, language, the user's own words, the checklist and a live preview. */
export function DraftPanel({
  fields,
  onChange,
  works,
  onAddWork,
  newId,
  suggestion,
  draft,
  draftError,
  readOnly,
}: Props) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const toggleWork = (id: string) =>
    onChange({
      workIds: fields.workIds.includes(id) ? fields.workIds.filter((w) => w !== id) : [...fields.workIds, id],
    });
  return (
    <div className="draft">
      <fieldset disabled={readOnly} className="draft__form">
        <legend>{t('draftWorks')}</legend>
        {works.length === 0 && <p className="muted">{t('worksEmpty')}</p>}
        <ul className="plain-list" data-testid="work-picker">
          {works.map((w) => (
            <li key={w.id}>
              <label className="check">
                <input type="checkbox" checked={fields.workIds.includes(w.id)} onChange={() => toggleWork(w.id)} />
                <span>
                  {w.title} {w.registration && <span className="muted">({w.registration})</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {adding ? (
          <WorkForm
            newId={newId}
            onSave={async (w) => {
              await onAddWork(w);
              onChange({ workIds: [...fields.workIds, w.id] });
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            {t('addWork')}
          </button>
        )}
        <div className="grid2" style={{ marginTop: '0.75rem' }}>
          <Field label={t('regime')} hint={suggestion}>
            {(a) => (
              <select
                {...a}
                name="regime"
                value={fields.regime}
                onChange={(e) => onChange({ regime: e.target.value as RegimeId })}
              >
                {RegimeIdSchema.options.map((r) => (
                  <option key={r} value={r}>
                    {t(`regime_${r.replace('-', '_')}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('defaultLang')}>
            {(a) => (
              <select
                {...a}
                name="lang"
                value={fields.lang}
                onChange={(e) => onChange({ lang: e.target.value as LetterLang })}
              >
                {LetterLangSchema.options.map((l) => (
                  <option key={l} value={l}>
                    {t(`lang_${l.replace('-', '_')}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('explanation')} hint={t('explanationHint')}>
          {(a) => (
            <textarea
              {...a}
              name="explanation"
              value={fields.explanation}
              onChange={(e) => onChange({ explanation: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('measure')} hint={t('measureHint')}>
          {(a) => (
            <textarea
              {...a}
              name="measure"
              value={fields.measure}
              onChange={(e) => onChange({ measure: e.target.value })}
            />
          )}
        </Field>
        {fields.regime === 'cn' && (
          <div className="grid2">
            <Field label={t('idDocument')} hint={t('idDocumentHint')}>
              {(a) => (
                <input
                  {...a}
                  name="idDocument"
                  value={fields.idDocument}
                  onChange={(e) => onChange({ idDocument: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('ownershipProof')} hint={t('ownershipProofHint')}>
              {(a) => (
                <input
                  {...a}
                  name="ownershipProof"
                  value={fields.ownershipProof}
                  onChange={(e) => onChange({ ownershipProof: e.target.value })}
                />
              )}
            </Field>
          </div>
        )}
        <div className="card">
          <label className="check">
            <input
              type="checkbox"
              name="fairUse"
              checked={fields.fairUseConsidered}
              onChange={(e) => onChange({ fairUseConsidered: e.target.checked })}
            />
            <span>{t('fairUseCheck')}</span>
          </label>
          {fields.fairUseConsidered && (
            <Field label={t('fairUseNote')}>
              {(a) => (
                <textarea
                  {...a}
                  name="fairUseNote"
                  value={fields.fairUseNote}
                  onChange={(e) => onChange({ fairUseNote: e.target.value })}
                />
              )}
            </Field>
          )}
          <label className="check">
            <input
              type="checkbox"
              name="goodFaith"
              checked={fields.confirmations.goodFaith}
              onChange={(e) => onChange({ confirmations: { ...fields.confirmations, goodFaith: e.target.checked } })}
            />
            <span>{t('confirmGoodFaith')}</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              name="accuracy"
              checked={fields.confirmations.accuracy}
              onChange={(e) => onChange({ confirmations: { ...fields.confirmations, accuracy: e.target.checked } })}
            />
            <span>{t('confirmAccuracy')}</span>
          </label>
        </div>
      </fieldset>
      <div className="draft__preview">
        {draftError ? <ErrorMessage error={draftError} /> : null}
        {draft && (
          <>
            <Checklist draft={draft} />
            <h3>{t('preview')}</h3>
            <div className="muted">
              {t('subject')}: {draft.subject}
            </div>
            <pre className="preview" data-testid="preview">
              {draft.text}
            </pre>
          </>
        )}
      </div>
    </div>
  );
}
