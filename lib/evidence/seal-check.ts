/**
 * On import (issue 15): a notice whose history was re-hashed after it was sealed still has a chain that verifies,
 * but no longer holds the head its seal token dates. Each such notice is named, so a token from the past is never
 * taken as proof for the rewritten history. Pure: works on the parsed export file.
 */
import { TimestampBlobSchema } from '../db/evidence-blobs';
import { base64ToBytes } from '../export/base64';
import type { NoticeEvent } from '../model/notice';
import { sealMatches, type SealMismatch } from './seal';

export interface SealMismatchFound {
  noticeId: string;
  evidenceId: string;
  reason: SealMismatch;
}

export function sealMismatchesIn(file: {
  notices: readonly { id: string; sent: { textSha256: string } | null }[];
  events: readonly NoticeEvent[];
  evidence: readonly { id: string; kind: string; noticeId?: string; data: string }[];
}): SealMismatchFound[] {
  const out: SealMismatchFound[] = [];
  for (const ev of file.evidence) {
    if (ev.kind !== 'timestamp' || !ev.noticeId) continue;
    let record;
    try {
      record = TimestampBlobSchema.safeParse(JSON.parse(new TextDecoder().decode(base64ToBytes(ev.data))));
    } catch {
      continue; // The bytes were checked against their hash already; a record we cannot read seals nothing.
    }
    if (!record.success || record.data.status !== 'granted' || record.data.covers !== 'seal') continue;
    const notice = file.notices.find((n) => n.id === ev.noticeId);
    const events = file.events.filter((e) => e.noticeId === ev.noticeId).sort((a, b) => a.seq - b.seq);
    const match = sealMatches(record.data.seal ?? '', {
      noticeId: ev.noticeId,
      textSha256: notice?.sent?.textSha256 ?? null,
      events,
    });
    if (!match.ok) out.push({ noticeId: ev.noticeId, evidenceId: ev.id, reason: match.reason });
  }
  return out;
}
