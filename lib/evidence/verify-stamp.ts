/**
 * Re-checks a stored timestamp in the extension (issue 15) with the same RFC 3161 code as the backend and the
 * CLI (pkijs). Imported by the notice page only: pkijs must not weigh on the popup.
 *
 * A token is only as good as what it is tied to: a manifest token must cover the manifest file as stored now,
 * and a seal token must cover a seal whose text hash and chain head are still those of the notice's history,
 * so a history re-hashed after the fact is refused ('history_changed') rather than lent the token's time.
 */
import type { TimestampBlob } from '../db/evidence-blobs';
import { base64ToBytes } from '../export/base64';
import type { NoticeEvent } from '../model/notice';
import type { Sha256 } from '../tracking/sha256';
import { selfIssuedRoots } from './rfc3161/roots';
import { TimestampError, verifyTimestampResponse, type TimestampFailure, type TimestampInfo } from './rfc3161/verify';
import { sealMatches, type SealMismatch } from './seal';

export type StampVerdict = { ok: true; info: TimestampInfo } | { ok: false; reason: StampFailure; message: string };

/** Why a stored timestamp does not hold: the seal no longer matches, it was never granted, or the token fails. */
export type StampFailure = SealMismatch | 'not_granted' | 'other_data' | TimestampFailure;

type Granted = Extract<TimestampBlob, { status: 'granted' }>;

async function checkToken(record: Granted): Promise<StampVerdict> {
  try {
    const der = base64ToBytes(record.token);
    const info = await verifyTimestampResponse(der, {
      sha256: record.sha256,
      trustedRoots: selfIssuedRoots(record.certificates),
    });
    return { ok: true, info };
  } catch (err) {
    if (err instanceof TimestampError) return { ok: false, reason: err.reason, message: err.message };
    return { ok: false, reason: 'malformed', message: err instanceof Error ? err.message : String(err) };
  }
}

const notGranted = (r: TimestampBlob): StampVerdict => ({
  ok: false,
  reason: 'not_granted',
  message: r.status === 'failed' ? r.reason : 'not timestamped',
});

/** A manifest token: it must cover the manifest's SHA-256 as stored now, and verify. */
export async function verifyManifestStamp(record: TimestampBlob, manifestSha256: string): Promise<StampVerdict> {
  if (record.status !== 'granted') return notGranted(record);
  if (record.sha256 !== manifestSha256) {
    return { ok: false, reason: 'other_data', message: `The token covers ${record.sha256}, not this manifest.` };
  }
  return checkToken(record);
}

/** A seal token: its seal must still match the notice's text and history, hash to the imprint, and verify. */
export async function verifySealStamp(
  record: TimestampBlob,
  notice: { noticeId: string; textSha256: string | null; events: readonly NoticeEvent[] },
  sha256: Sha256,
): Promise<StampVerdict> {
  if (record.status !== 'granted') return notGranted(record);
  const seal = record.seal ?? '';
  const match = sealMatches(seal, notice);
  if (!match.ok) return { ok: false, reason: match.reason, message: SEAL_MESSAGES[match.reason] };
  if ((await sha256(seal)) !== record.sha256) {
    return { ok: false, reason: 'other_data', message: 'The stored seal text does not hash to what was timestamped.' };
  }
  return checkToken(record);
}

const SEAL_MESSAGES: Record<SealMismatch, string> = {
  not_a_seal: 'The stored seal is not a seal this extension wrote.',
  other_notice: 'The seal names another notice.',
  text_changed: "The sealed letter's hash is not this notice's sent text.",
  history_changed: 'The sealed history head is not in this history: it was rewritten after it was timestamped.',
};
