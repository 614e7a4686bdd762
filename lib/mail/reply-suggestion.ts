/**
 * What a reply read by the backend suggests for its notice, and the one click that confirms it (issue 18). A
 * suggestion is pending until an event refers back to it (`replyEventId`): the confirmation, which appends the
 * status transition (acknowledged, removed, rejected, counter-notice, forwarded = acknowledged), or a note for a
 * reply that moves nothing (more information needed, bounce); or a dismissal. Nothing changes status without it.
 */
import type { NoticesRepo } from '../db/notices-repo';
import { AppError } from '../errors';
import type { Notice, NoticeEvent, NoticeStatus } from '../model/notice';
import { allowedTransitions, eventKindFor } from '../tracking/status';
import { MailReplyDetailsSchema, type MailReplyDetails } from './reply-event';

export interface ReplySuggestion extends MailReplyDetails {
  eventId: string;
  at: string;
  /** Whether the suggested status can follow the notice's current one; false means confirm is not offered. */
  applicable: boolean;
}

/** Suggestions not yet confirmed or dismissed, newest first. Events of other shapes are skipped, never thrown on. */
export function pendingSuggestions(notice: Pick<Notice, 'status'>, events: readonly NoticeEvent[]): ReplySuggestion[] {
  const answered = new Set(
    events.flatMap((e) => (typeof e.details.replyEventId === 'string' ? [e.details.replyEventId] : [])),
  );
  const allowed = new Set<NoticeStatus>(allowedTransitions(notice.status));
  return events
    .filter((e) => e.kind === 'reply_received' && !answered.has(e.id))
    .flatMap((e) => {
      const d = MailReplyDetailsSchema.safeParse(e.details);
      if (!d.success) return [];
      const status = d.data.suggestion.status;
      return [{ ...d.data, eventId: e.id, at: e.at, applicable: status === null || allowed.has(status) }];
    })
    .reverse();
}

type Deps = Pick<NoticesRepo, 'getTimeline' | 'recordEvent'>;

async function pending(repo: Deps, noticeId: string, eventId: string): Promise<ReplySuggestion> {
  const timeline = await repo.getTimeline(noticeId);
  if (!timeline) throw new AppError('not_found', 'This notice no longer exists', { noticeId });
  const s = pendingSuggestions(timeline.notice, timeline.events).find((x) => x.eventId === eventId);
  if (!s)
    throw new AppError('read_only', 'This reply was already confirmed or dismissed; reload the page', {
      noticeId,
      eventId,
    });
  return s;
}

/** The user's one click: the status transition the reply suggests, or a note when it suggests none. */
export async function confirmSuggestion(repo: Deps, noticeId: string, eventId: string): Promise<Notice> {
  const s = await pending(repo, noticeId, eventId);
  const timeline = (await repo.getTimeline(noticeId))!;
  const base = {
    replyEventId: eventId,
    replyKind: s.suggestion.kind,
    ...(s.suggestion.ticket ? { ticket: s.suggestion.ticket } : {}),
    ...(s.mailReply.messageId ? { replyMessageId: s.mailReply.messageId } : {}),
  };
  const to = s.suggestion.status;
  if (!to) return repo.recordEvent(noticeId, 'note', { ...base, text: `${s.suggestion.kind}: ${s.mailReply.subject}` });
  const kind = eventKindFor(timeline.notice.status, to);
  if (!kind)
    throw new AppError('illegal_transition', `A notice that is ${timeline.notice.status} cannot become ${to}`, {
      from: timeline.notice.status,
      to,
      allowed: allowedTransitions(timeline.notice.status),
    });
  return repo.recordEvent(noticeId, kind, {
    ...base,
    // A rejection is recorded with the reason the recipient gave (as the reply form requires).
    ...(to === 'rejected' ? { reason: s.suggestion.reason || s.mailReply.excerpt.slice(0, 2000) } : {}),
    replyText: s.mailReply.excerpt,
  });
}

/** "Not what it says": the suggestion is set aside with a note, and the status stays. */
export async function dismissSuggestion(repo: Deps, noticeId: string, eventId: string): Promise<Notice> {
  const s = await pending(repo, noticeId, eventId);
  return repo.recordEvent(noticeId, 'note', { replyEventId: eventId, dismissed: s.suggestion.kind });
}
