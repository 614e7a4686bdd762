/**
 * The 'reply_received' event the background appends when a reply read by the backend answers a notice (issue 18):
 * who wrote, what it is suggested to mean, and where its text and attachments are kept as evidence. The event is
 * a suggestion only; the status moves when the user confirms it (lib/mail/reply-suggestion.ts).
 */
import { z } from 'zod';
import { REPLY_KINDS } from '../contract';
import { REPLY_STATUSES } from '../tracking/reply';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const MailReplyDetailsSchema = z.object({
  mailReply: z.object({
    /** The backend's stable id ("<uidvalidity>:<uid>"). */
    id: z.string().max(100),
    messageId: z.string().max(998).nullable(),
    from: z.string().max(320).nullable(),
    fromName: z.string().max(500).nullable(),
    subject: z.string().max(2000),
    receivedAt: z.string().max(64),
    /** How the backend tied it to our Message-ID. */
    via: z.enum(['in-reply-to', 'references', 'quoted', 'ticket']).nullable(),
    /** The backend's hash of the raw message. */
    sha256: hex64,
    excerpt: z.string().max(1000),
    truncated: z.boolean(),
    /** The reply's text, kept as evidence of this notice. */
    textEvidenceId: z.string().max(64),
  }),
  suggestion: z.object({
    kind: z.enum(REPLY_KINDS),
    /** The status a confirmation moves to; null when it records the reply without moving (more-info, bounce). */
    status: z.enum(REPLY_STATUSES).nullable(),
    provider: z.string().max(200).nullable(),
    ticket: z.string().max(200).nullable(),
    reason: z.string().max(2000).nullable(),
    failedRecipients: z.array(z.string().max(320)).max(50),
    next: z.enum(['try-form-or-upstream', 'answer-request']).nullable(),
    confidence: z.enum(['high', 'medium', 'low']),
  }),
  attachments: z
    .array(
      z.object({
        filename: z.string().max(500),
        mimeType: z.string().max(200),
        size: z.number().int().nonnegative(),
        sha256: hex64,
        /** Null when the bytes could not be fetched or did not match the hash; `problem` says why. */
        evidenceId: z.string().max(64).nullable(),
        problem: z.string().max(500).optional(),
      }),
    )
    .max(50),
});
export type MailReplyDetails = z.infer<typeof MailReplyDetailsSchema>;
