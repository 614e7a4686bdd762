import { z } from 'zod';
import { LetterInputSchema, LetterKindSchema } from '../notices/letters/schema';
import { SendChannelSchema } from './notice';

/**
 * A follow-up letter as stored: a notice-like record with its own hash-chained log, linked to
 * the notice it follows up. What was sent is frozen like a notice's; the facts of a draft are
 * the validated letter input (lib/notices/letters/schema.ts).
 */
export const LetterStatusSchema = z.enum(['draft', 'sent', 'acknowledged', 'withdrawn']);
export type LetterStatus = z.infer<typeof LetterStatusSchema>;

const iso = z.iso.datetime({ offset: true });

export const LetterSentSchema = z.object({
  at: iso,
  channel: SendChannelSchema,
  text: z.string(),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LetterSent = z.infer<typeof LetterSentSchema>;

export const LetterSchema = z.object({
  id: z.string().min(1).max(64),
  kind: LetterKindSchema,
  createdAt: iso,
  updatedAt: iso,
  status: LetterStatusSchema,
  /** The notice this letter follows up (the counter-noticed one, the latest of a repeat group, the escalated one). */
  followsUp: z.string().min(1).max(64),
  /** Further notices the letter relies on (a repeat-infringer request cites them all). */
  relatedNoticeIds: z.array(z.string().min(1).max(64)).max(500).default([]),
  recipientName: z.string().max(500).default(''),
  facts: LetterInputSchema,
  sent: LetterSentSchema.nullable().default(null),
  sentAt: iso.nullable().default(null),
  /** The last event of the log, written with it, so a deleted tail is noticed. */
  head: z
    .object({ seq: z.number().int().nonnegative(), hash: z.string().max(64) })
    .nullable()
    .default(null),
});
export type Letter = z.infer<typeof LetterSchema>;
