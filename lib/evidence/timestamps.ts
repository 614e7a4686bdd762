/**
 * Timestamps in the extension (issue 15): a capture's manifest right after the click, and a sent notice's seal
 * inside the one send function. A TSA or backend failure is never thrown past this point and never hidden: it is
 * stored as a failed record with its reason (and, for a notice, appended to its history), so the page shows
 * "not timestamped" with a retry and nothing claims a time it cannot prove. I/O comes in through the deps.
 */
import type { TimestampResponse } from '../contract';
import type { TimestampBlob } from '../db/evidence-blobs';
import type { EvidenceRepo } from '../db/evidence-repo';
import type { NoticesRepo } from '../db/notices-repo';
import type { Sha256 } from '../tracking/sha256';
import { sealText } from './seal';

/** A verified token for a SHA-256 (the backend client's requestTimestamp, bound to the settings). */
export type Stamp = (sha256: string) => Promise<TimestampResponse>;
/** The stamp function when the backend reports a TSA, else null (then nothing is timestamped or claimed). */
export type Timestamper = () => Promise<Stamp | null>;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

/** One request, as a record: granted with the token, or failed with the reason. */
export async function stampRecord(
  stamp: Stamp,
  target: { covers: TimestampBlob['covers']; sha256: string; seal?: string },
  now: () => Date,
): Promise<TimestampBlob> {
  const requestedAt = now().toISOString();
  try {
    const t = await stamp(target.sha256);
    return {
      status: 'granted',
      ...target,
      requestedAt,
      token: t.token,
      genTime: t.genTime,
      serialNumber: t.serialNumber,
      policy: t.policy,
      tsa: t.tsa,
      tsaUrl: t.tsaUrl,
      certificates: t.certificates,
    };
  } catch (err) {
    return { status: 'failed', ...target, requestedAt, reason: message(err) };
  }
}

/** Timestamps a capture's manifest (its SHA-256 vouches for every artefact) and stores the outcome. */
export async function timestampCapture(
  deps: { stamp: Stamp; evidence: Pick<EvidenceRepo, 'addTimestamp'>; now: () => Date },
  capture: { captureId: string; manifestSha256: string; url?: string },
): Promise<TimestampBlob> {
  const record = await stampRecord(deps.stamp, { covers: 'manifest', sha256: capture.manifestSha256 }, deps.now);
  await deps.evidence.addTimestamp({ captureId: capture.captureId }, record, capture.url);
  return record;
}

export interface SealDeps {
  stamp: Stamp;
  notices: Pick<NoticesRepo, 'getTimeline' | 'recordEvent'>;
  evidence: Pick<EvidenceRepo, 'addTimestamp'>;
  sha256: Sha256;
  now: () => Date;
}

/**
 * Seals a sent notice: its frozen text's SHA-256 and the chain head as it stands now go into the seal text, whose
 * SHA-256 is timestamped. The outcome is stored as evidence owned by this notice and appended to its history
 * ('timestamped' or 'timestamp_failed'). Returns null for a notice that was not sent (nothing to seal).
 */
export async function sealNotice(deps: SealDeps, noticeId: string): Promise<TimestampBlob | null> {
  const timeline = await deps.notices.getTimeline(noticeId);
  const head = timeline?.events[timeline.events.length - 1];
  const textSha256 = timeline?.notice.sent?.textSha256;
  if (!timeline || !head || !textSha256) return null;
  const seal = sealText({ noticeId, textSha256, head: { seq: head.seq, hash: head.hash } });
  const sha256 = await deps.sha256(seal);
  const record = await stampRecord(deps.stamp, { covers: 'seal', sha256, seal }, deps.now);
  const meta = await deps.evidence.addTimestamp({ noticeId }, record);
  const sealed = { covers: 'seal', evidenceId: meta.id, sha256, sealedHead: { seq: head.seq, hash: head.hash } };
  if (record.status === 'granted') {
    await deps.notices.recordEvent(
      noticeId,
      'timestamped',
      { ...sealed, genTime: record.genTime, tsa: record.tsa, serialNumber: record.serialNumber },
      'system',
    );
  } else {
    await deps.notices.recordEvent(noticeId, 'timestamp_failed', { ...sealed, reason: record.reason }, 'system');
  }
  return record;
}
