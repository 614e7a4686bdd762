/**
 * The notice page's evidence actions (issue 15): list, verify and retry timestamps, and build the package. The
 * RFC 3161 verification (pkijs) is imported here, in the notice page's bundle only, never the popup's.
 */
import { backendTimestamper } from '../../lib/backend/timestamp';
import { services } from '../../lib/db/services';
import { AppError } from '../../lib/errors';
import type { TimestampBlob } from '../../lib/db/evidence-blobs';
import type { Notice } from '../../lib/model/notice';
import { packageForNotice } from '../../lib/evidence/package-sources';
import { sealNotice, timestampCapture } from '../../lib/evidence/timestamps';
import { verifyManifestStamp, verifySealStamp, type StampVerdict } from '../../lib/evidence/verify-stamp';
import { sha256Hex } from '../../lib/tracking/sha256';
import type { StampView } from '../../components/notice/TimestampPanel';
import { BackendSettingsSchema } from '../../lib/model/settings';
import type { TeamEvidenceMeta } from '../../lib/model/team';
import { teamEvidence } from '../../lib/team/client';

const now = () => new Date();
const timestamper = backendTimestamper(() => services().settings.read('backend'), fetch.bind(globalThis));

/** The capture's manifest timestamps, then the notice's seals. */
export async function stampsOf(notice: Notice): Promise<StampView[]> {
  const s = services();
  const [capture, seals] = await Promise.all([
    s.evidence.timestamps({ captureId: notice.captureId }),
    s.evidence.timestamps({ noticeId: notice.id }),
  ]);
  return [...capture.stamps, ...seals.stamps];
}

async function manifestSha256(notice: Notice): Promise<string | null> {
  const rows = await services().evidence.ofCapture(notice.captureId);
  return rows.find((r) => r.kind === 'manifest')?.sha256 ?? null;
}

export async function verifyStamp(notice: Notice, stamp: StampView): Promise<StampVerdict> {
  if (stamp.record.covers === 'manifest') {
    return verifyManifestStamp(stamp.record, (await manifestSha256(notice)) ?? '');
  }
  const timeline = await services().notices.getTimeline(notice.id);
  return verifySealStamp(
    stamp.record,
    { noticeId: notice.id, textSha256: timeline?.notice.sent?.textSha256 ?? null, events: timeline?.events ?? [] },
    sha256Hex,
  );
}

/** A new attempt now (the token then carries today's time, not the capture's). */
export async function retryStamp(notice: Notice, covers: TimestampBlob['covers']): Promise<void> {
  const stamp = await timestamper();
  if (!stamp) {
    throw new AppError(
      'unavailable',
      'The backend reports no time-stamping authority: set TAKEDOWN_TSA_URL on the backend, or check it is running',
    );
  }
  const s = services();
  if (covers === 'seal') {
    await sealNotice({ stamp, notices: s.notices, evidence: s.evidence, sha256: sha256Hex, now }, notice.id);
    return;
  }
  const sha256 = await manifestSha256(notice);
  if (!notice.captureId || !sha256) throw new AppError('not_found', 'This notice has no capture manifest to timestamp');
  await timestampCapture(
    { stamp, evidence: s.evidence, now },
    { captureId: notice.captureId, manifestSha256: sha256, url: notice.urls[0] },
  );
}

/** The documents the notice was sent with, as its sent record lists them (frozen at sending). */
const sentDocumentIds = (notice: Notice) =>
  (notice.sent?.attachments ?? []).flatMap((a) =>
    a.evidenceId.startsWith('document:') ? [a.evidenceId.slice(9)] : [],
  );

export function buildPackage(notice: Notice) {
  const s = services();
  const documentsOf = async () =>
    (await s.documents.files(sentDocumentIds(notice))).map((d) => ({
      filename: d.meta.filename,
      mime: d.meta.mime,
      bytes: d.bytes,
    }));
  return packageForNotice({ notices: s.notices, evidence: s.evidence, documentsOf, sha256: sha256Hex, now }, notice.id);
}

export function downloadZip(zip: Uint8Array, filename: string): void {
  downloadFile(zip, filename, 'application/zip');
}

function downloadFile(bytes: Uint8Array, filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const fetchTeamFile = async (sha256: string) => {
  const backend = (await services().settings.read('backend')).value ?? BackendSettingsSchema.parse({});
  return teamEvidence(backend, (...a) => globalThis.fetch(...a), sha256, sha256Hex);
};

/** A colleague's evidence file (issue 19), fetched from the team server by its hash and checked before saving. */
export async function downloadTeamEvidence(file: TeamEvidenceMeta): Promise<void> {
  downloadFile(await fetchTeamFile(file.sha256), file.filename || `${file.sha256}.bin`, file.mime);
}

/** A colleague's evidence copied into this browser's record, so the notice's package and timestamps work here. */
export async function copyTeamEvidence(noticeId: string, progress: (done: number, total: number) => void) {
  await services().team.copyEvidence(noticeId, fetchTeamFile, progress);
}
