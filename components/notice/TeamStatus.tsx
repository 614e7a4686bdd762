import { useState } from 'react';
import { AppError } from '../../lib/errors';
import type { TeamNoticeRow } from '../../lib/model/team';
import { ErrorMessage } from '../ErrorMessage';
import { useBusyAction } from '../use-busy-action';
import { useT } from '../i18n';

interface Props {
  row: TeamNoticeRow | null;
  /** The notice's chain head here: the server holds the notice as it is when its head is the same. */
  head: string | null;
  sent: boolean;
  /** Fetches one of the team's evidence files (hash-checked) and saves it. */
  onDownload: (file: TeamNoticeRow['evidence'][number]) => Promise<void>;
  /** How many of the team's files for this notice this browser does not hold yet. */
  missing: number;
  /** Copies them into this browser's record (hash-checked), reporting progress. */
  onCopy: (progress: (done: number, total: number) => void) => Promise<void>;
}

/**
 * Where a notice stands on the team server (issue 19): a colleague's notice names its analysts and lists the files the
 * team holds; one of ours says whether it is pushed, waiting or refused (with the server's reason).
 */
export function TeamStatus({ row, head, sent, onDownload, missing, onCopy }: Props) {
  const t = useT();
  const download = useBusyAction<'copy' | 'one'>();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  if (!sent && !row) return null;
  const pushed = row !== null && row.serverHead !== null && row.serverHead === head;
  return (
    <section className="card" data-testid="team-status" data-pushed={pushed}>
      <h2>{t('teamTitle')}</h2>
      {row?.origin === 'team' && (
        <p data-testid="team-notice-by">{t('teamNoticeBy', [row.createdBy ?? '?', row.updatedBy ?? '?'])}</p>
      )}
      {row?.refused && row.refused.head === head ? (
        <>
          <p>{t('teamNoticeRefused')}</p>
          <ErrorMessage error={new AppError(row.refused.kind, row.refused.message)} />
        </>
      ) : pushed ? (
        <p className="muted">{t('teamNoticePushed', String(row.version ?? '?'))}</p>
      ) : (
        <p className="muted">{t('teamNoticeWaiting')}</p>
      )}
      {row?.origin === 'team' && missing > 0 && (
        <p>
          <button
            type="button"
            disabled={download.busy}
            data-testid="team-copy-evidence"
            onClick={() => void download.act(() => onCopy((done, total) => setProgress({ done, total })), 'copy')}
          >
            {download.running === 'copy' && progress
              ? t('teamCopyingEvidence', [String(progress.done), String(progress.total)])
              : t('teamCopyEvidence', String(missing))}
          </button>{' '}
          <span className="muted">{t('teamCopyEvidenceHint')}</span>
        </p>
      )}
      {row?.origin === 'team' && row.evidence.length > 0 && (
        <ul data-testid="team-evidence">
          {row.evidence.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                disabled={download.busy}
                onClick={() => void download.act(() => onDownload(e), 'one')}
              >
                {e.filename || e.sha256.slice(0, 12)}
              </button>{' '}
              <span className="muted mono">{e.sha256.slice(0, 16)}…</span>
            </li>
          ))}
        </ul>
      )}
      {download.error !== null && <ErrorMessage error={download.error} />}
    </section>
  );
}
