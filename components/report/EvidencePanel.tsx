import type { EvidenceMeta } from '../../lib/model/evidence';
import { useT, type MessageKey } from '../i18n';

export interface EvidenceView {
  capturedAt: string | null;
  artefacts: EvidenceMeta[];
  screenshotUrl: string | null;
  failures: Record<string, string>;
  /** Stored blobs that failed their schema, by name: skipped, never fatal. */
  problems?: string[];
}

/** Step 1: what was captured, with the SHA-256 of each artefact, and what could not be. */
export function EvidencePanel({ evidence }: { evidence: EvidenceView | null }) {
  const t = useT();
  if (!evidence) {
    return (
      <p className="banner banner--warn" data-testid="no-evidence">
        {t('evidenceNone')}
      </p>
    );
  }
  return (
    <div className="evidence" data-testid="evidence">
      {evidence.screenshotUrl ? (
        <img className="evidence__shot" src={evidence.screenshotUrl} alt={t('evidenceScreenshotAlt')} />
      ) : null}
      <div>
        <p>
          {t('evidenceCapturedAt')} <span className="mono">{evidence.capturedAt}</span>
        </p>
        <table className="hashes">
          <thead>
            <tr>
              <th>{t('evidenceArtefact')}</th>
              <th>{t('evidenceSize')}</th>
              <th>SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {evidence.artefacts.map((a) => (
              <tr key={a.id}>
                <td>{t(`evidence_${a.kind}` as MessageKey)}</td>
                <td>{a.size.toLocaleString()}</td>
                <td className="mono" data-testid="evidence-hash">
                  {a.sha256}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {Object.entries(evidence.failures).map(([part, why]) => (
          <p key={part} className="banner banner--warn" data-testid="evidence-failure">
            {t('evidenceMissing', [t(`evidence_${part}` as MessageKey), why])}
          </p>
        ))}
        {(evidence.problems ?? []).map((name) => (
          <p key={name} className="banner banner--warn" data-testid="evidence-problem">
            {t('evidenceDamaged', name)}
          </p>
        ))}
      </div>
    </div>
  );
}
