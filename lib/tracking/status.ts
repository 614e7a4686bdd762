import { AppError } from '../errors';
import type { Notice, NoticeStatus, SentRecord } from '../model/notice';

export type Actor = 'user' | 'system';

/**
 * Every legal status change, as data: from → { to: event kind }. Anything not listed is an
 * illegal transition. Removal can be followed by a counter-notice (§ 512(g) and Civil Code
 * art. 1196 both run after the measure was taken); escalation and withdrawal end a notice,
 * except that a late removal after escalation is still recorded.
 */
export const TRANSITIONS = {
  draft: { sent: 'sent', withdrawn: 'withdrawn' },
  sent: {
    acknowledged: 'acknowledged',
    removed: 'removed',
    partially_removed: 'partially_removed',
    rejected: 'rejected',
    counter_noticed: 'counter_notice_received',
    no_response: 'no_response',
    escalated: 'escalated',
    withdrawn: 'withdrawn',
  },
  acknowledged: {
    removed: 'removed',
    partially_removed: 'partially_removed',
    rejected: 'rejected',
    counter_noticed: 'counter_notice_received',
    no_response: 'no_response',
    escalated: 'escalated',
    withdrawn: 'withdrawn',
  },
  no_response: {
    acknowledged: 'acknowledged',
    removed: 'removed',
    partially_removed: 'partially_removed',
    rejected: 'rejected',
    escalated: 'escalated',
    withdrawn: 'withdrawn',
  },
  partially_removed: {
    removed: 'removed',
    rejected: 'rejected',
    counter_noticed: 'counter_notice_received',
    no_response: 'no_response',
    escalated: 'escalated',
    withdrawn: 'withdrawn',
  },
  removed: { counter_noticed: 'counter_notice_received', withdrawn: 'withdrawn' },
  rejected: { escalated: 'escalated', withdrawn: 'withdrawn' },
  counter_noticed: {
    // The sender told the provider it sued, so the material stays down (§ 512(g)(2)(C)).
    removed: 'suit_filed',
    escalated: 'escalated',
    withdrawn: 'withdrawn',
  },
  escalated: { removed: 'removed' },
  withdrawn: {},
} as const satisfies Record<NoticeStatus, Partial<Record<NoticeStatus, string>>>;

export type StatusEventKind = {
  [F in keyof typeof TRANSITIONS]: (typeof TRANSITIONS)[F][keyof (typeof TRANSITIONS)[F]];
}[keyof typeof TRANSITIONS];

/** Events that record something without moving the status. */
export const INFO_EVENT_KINDS = [
  'created',
  'draft_saved',
  'note',
  'reply_received',
  'recheck',
  'follow_up_set',
  'correction_created',
  'escalation_drafted',
  // Issue 15: a sent notice's seal was timestamped, or the attempt failed (with its reason).
  'timestamped',
  'timestamp_failed',
] as const;
export type InfoEventKind = (typeof INFO_EVENT_KINDS)[number];

/** Statuses in which we are waiting for the recipient, so a follow-up date is meaningful. */
export const AWAITING: readonly NoticeStatus[] = [
  'sent',
  'acknowledged',
  'no_response',
  'partially_removed',
  'counter_noticed',
];
/**
 * Statuses from which the escalation ladder may be climbed: every open status (issue 13). A
 * rights holder may go to the host before the CDN's deadline; the letter still cites the notice.
 */
export const ESCALATABLE: readonly NoticeStatus[] = [
  'sent',
  'acknowledged',
  'no_response',
  'rejected',
  'partially_removed',
  'counter_noticed',
];

export function allowedTransitions(from: NoticeStatus): NoticeStatus[] {
  return Object.keys(TRANSITIONS[from]) as NoticeStatus[];
}

export function eventKindFor(from: NoticeStatus, to: NoticeStatus): string | null {
  return (TRANSITIONS[from] as Partial<Record<NoticeStatus, string>>)[to] ?? null;
}

/** The status an event kind moves to from `from`, or null when the kind is not a status change there. */
export function targetOfKind(from: NoticeStatus, kind: string): NoticeStatus | null {
  for (const [to, k] of Object.entries(TRANSITIONS[from])) if (k === kind) return to as NoticeStatus;
  return null;
}

export function isStatusKind(kind: string): boolean {
  return Object.values(TRANSITIONS).some((edges) => Object.values(edges).includes(kind as never));
}

export interface TransitionOptions {
  at: Date;
  actor: Actor;
  details?: Record<string, unknown>;
  /** Required for draft → sent: the frozen record of what went out. */
  sent?: SentRecord;
  /** New follow-up date; when absent it is kept while awaiting and cleared otherwise. */
  followUpAt?: Date | null;
}

export interface TransitionResult {
  notice: Notice;
  /** The event to append to the notice's log (lib/tracking/hash-chain.ts). */
  event: { kind: string; at: string; actor: Actor; details: Record<string, unknown> };
}

/**
 * Moves a notice to `to`. Only status, sent/sentAt (on draft → sent), followUpAt and updatedAt
 * change: a sent notice's text, urls and recipient are never edited in place.
 */
export function transition(notice: Notice, to: NoticeStatus, opts: TransitionOptions): TransitionResult {
  const from = notice.status;
  const kind = eventKindFor(from, to);
  if (!kind) {
    throw new AppError('illegal_transition', `A notice that is ${from} cannot become ${to}`, {
      from,
      to,
      allowed: allowedTransitions(from),
      noticeId: notice.id,
    });
  }
  const at = opts.at.toISOString();
  const next: Notice = { ...notice, status: to, updatedAt: at };
  if (to === 'sent') {
    if (!opts.sent) throw new AppError('invalid_input', 'Sending needs the record of what was sent', { field: 'sent' });
    next.sent = opts.sent;
    next.sentAt = opts.sent.at;
    next.recipient = opts.sent.recipient;
    next.recipientName = opts.sent.recipient.name;
  }
  if (opts.followUpAt !== undefined) next.followUpAt = opts.followUpAt ? opts.followUpAt.toISOString() : null;
  else if (!AWAITING.includes(to)) next.followUpAt = null;
  return { notice: next, event: { kind, at, actor: opts.actor, details: { from, to, ...(opts.details ?? {}) } } };
}
