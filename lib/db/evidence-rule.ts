/**
 * The one rule for which evidence a notice cites and attaches (issue 13). Three places used to
 * decide it and disagreed, so a reply recorded on a CDN notice reached the host's .eml.
 *
 * - A notice cites and attaches the artefacts of its own capture that describe the page:
 *   screenshot, HTML, response headers and the manifest that vouches for them. The metadata blob
 *   is read by the extension (page title) and is listed in the manifest, so it is not attached.
 * - Replies and re-check files belong to the notice they answer (`noticeId`), are never cited
 *   and never attached, and are never inherited by a later notice (escalation, correction,
 *   sibling recipient). Old replies were stored under the notice's captureId; the kind filter
 *   keeps them out too.
 */
import type { EvidenceKind, EvidenceMeta } from '../model/evidence';
import type { Notice } from '../model/notice';

export const ATTACHED_KINDS: readonly EvidenceKind[] = ['screenshot', 'html', 'headers', 'manifest'];
const ATTACHED = new Set<EvidenceKind>(ATTACHED_KINDS);
const KIND_ORDER: readonly EvidenceKind[] = [
  'screenshot',
  'mhtml',
  'html',
  'headers',
  'metadata',
  'manifest',
  'timestamp',
  'reply',
  'recheck',
  'delivery',
];

/** Capture artefacts in display order (screenshot first, manifest last). */
export function byKindOrder<T extends Pick<EvidenceMeta, 'kind'>>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** Whether an artefact of a capture is part of what notices drafted from that capture send. */
export function isNoticeEvidence(row: Pick<EvidenceMeta, 'kind' | 'noticeId'>): boolean {
  return ATTACHED.has(row.kind) && row.noticeId === undefined;
}

/** What `notice` cites in its letter and attaches to its .eml, in display order. */
export function noticeEvidence<T extends Pick<EvidenceMeta, 'kind' | 'captureId' | 'noticeId'>>(
  notice: Pick<Notice, 'captureId'>,
  rows: readonly T[],
): T[] {
  if (!notice.captureId) return [];
  return byKindOrder(rows.filter((r) => r.captureId === notice.captureId && isNoticeEvidence(r)));
}

/** The captureId a reply file of `noticeId` is stored under: never the notice's page capture. */
export const replyCaptureId = (noticeId: string) => `reply:${noticeId}`;

/** The captureId a notice's seal timestamps are stored under (issue 15): owned by that notice alone. */
export const sealCaptureId = (noticeId: string) => `seal:${noticeId}`;
