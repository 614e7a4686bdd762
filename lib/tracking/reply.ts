import { z } from 'zod';
import { AppError } from '../errors';
import type { NoticeStatus } from '../model/notice';
import { allowedTransitions, eventKindFor } from './status';
import { firstIssue } from '../zod-issue';

/** Replies a user can record on the detail page; escalation has its own action. */
export const REPLY_STATUSES = [
  'acknowledged',
  'removed',
  'partially_removed',
  'rejected',
  'counter_noticed',
  'no_response',
  'withdrawn',
] as const satisfies readonly NoticeStatus[];
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** The reply form, validated before anything is written. */
export const ReplyInputSchema = z.object({
  to: z.enum(REPLY_STATUSES),
  text: z.string().trim().max(20000).default(''),
  /** Required for a rejection: the recipient's stated reason. */
  reason: z.string().trim().max(2000).default(''),
  /** China: the E-Commerce Law's 15-day clock applies to e-commerce platforms only. */
  ecommercePlatform: z.boolean().default(false),
  attachment: z
    .object({
      evidenceId: z.string().min(1).max(64),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      name: z.string().max(500),
      size: z.number().int().nonnegative(),
    })
    .nullable()
    .default(null),
});
export type ReplyInput = z.input<typeof ReplyInputSchema>;

/** The replies offered for a notice in this status, in the form's order. */
export function replyOptions(from: NoticeStatus): ReplyStatus[] {
  const allowed = new Set(allowedTransitions(from));
  return REPLY_STATUSES.filter((s) => allowed.has(s));
}

/** The event kind and details recordEvent needs for a reply; the reason is required for a rejection. */
export function replyEvent(from: NoticeStatus, input: ReplyInput): { kind: string; details: Record<string, unknown> } {
  const r = ReplyInputSchema.safeParse(input);
  if (!r.success) {
    const issue = firstIssue(r.error);
    throw new AppError('invalid_input', `${issue.path}: ${issue.message}`, { path: issue.path });
  }
  const reply = r.data;
  const kind = eventKindFor(from, reply.to);
  if (!kind)
    throw new AppError('illegal_transition', `A notice that is ${from} cannot become ${reply.to}`, {
      from,
      to: reply.to,
      allowed: replyOptions(from),
    });
  if (reply.to === 'rejected' && !reply.reason)
    throw new AppError('invalid_input', 'A rejection needs the reason the recipient gave', { path: 'reason' });
  const details: Record<string, unknown> = {};
  if (reply.reason) details.reason = reply.reason;
  if (reply.text) details.replyText = reply.text;
  if (reply.to === 'counter_noticed' && reply.ecommercePlatform) details.ecommercePlatform = true;
  if (reply.attachment) details.attachment = reply.attachment;
  return { kind, details };
}
