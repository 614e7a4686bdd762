/**
 * Reads what a notice's evidence package holds from the repositories (issue 15) and builds it. A stored file
 * whose bytes no longer match their hash stops the package with the file named: a package must never vouch for
 * changed bytes.
 */
import type { EvidenceRepo } from '../db/evidence-repo';
import type { NoticesRepo } from '../db/notices-repo';
import { AppError } from '../errors';
import { replyCaptureId } from '../db/evidence-rule';
import type { Sha256 } from '../tracking/sha256';
import { buildEvidencePackage, type EvidencePackage, type PackageInput } from './package';

export interface PackageSources {
  notices: Pick<NoticesRepo, 'getTimeline'>;
  evidence: Pick<EvidenceRepo, 'filesOf' | 'timestamps'>;
  /** The rights holder's documents chosen for the notice (issue 15); none when absent. */
  documentsOf?: (noticeId: string) => Promise<PackageInput['documents']>;
  sha256: Sha256;
  now: () => Date;
}

export async function packageForNotice(deps: PackageSources, noticeId: string): Promise<EvidencePackage> {
  const timeline = await deps.notices.getTimeline(noticeId);
  if (!timeline) throw new AppError('not_found', 'This notice no longer exists', { noticeId });
  const { notice, events } = timeline;
  const [files, own, manifest, seals, documents] = await Promise.all([
    deps.evidence.filesOf(notice.captureId),
    // This notice's own files: the .eml an SMTP send handed over with the server's answer, and reply files.
    deps.evidence.filesOf(replyCaptureId(noticeId)),
    deps.evidence.timestamps({ captureId: notice.captureId }),
    deps.evidence.timestamps({ noticeId }),
    deps.documentsOf?.(noticeId),
  ]);
  const problems = [...files.problems, ...own.problems, ...manifest.problems, ...seals.problems];
  if (problems.length > 0) {
    throw new AppError(
      'storage',
      `Evidence cannot be packaged: ${problems.map((p) => `${p.name} (${p.reason})`).join(', ')}`,
      { noticeId, problems },
    );
  }
  return buildEvidencePackage({
    notice,
    events,
    captureFiles: files.files,
    noticeFiles: own.files,
    stamps: { manifest: manifest.stamps, seals: seals.stamps },
    documents,
    sha256: deps.sha256,
    now: deps.now,
  });
}
