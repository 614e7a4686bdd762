/**
 * What a bulk report keeps between visits (stored on its `batches` row): the URLs, each host's
 * lookup outcome, and the user's choices. Validated on read, like every stored record.
 */
import { z } from 'zod';
import { LetterLangSchema, RegimeIdSchema } from '../model/notice';
import { RecipientSchema } from '../model/recipient';
import { GroupRoleSchema } from './group';
import { MAX_BULK_URLS } from './limits';
import type { ParsedBulk } from './parse';
import { HostOutcomeSchema } from './plan';

export const SharedFieldsSchema = z.object({
  workIds: z.array(z.string().max(64)).max(1000).default([]),
  explanation: z.string().max(20000).default(''),
  measure: z.string().max(5000).default(''),
  fairUseConsidered: z.boolean().default(false),
  fairUseNote: z.string().max(5000).default(''),
  idDocument: z.string().max(5000).default(''),
  ownershipProof: z.string().max(5000).default(''),
  confirmations: z
    .object({ goodFaith: z.boolean().default(false), accuracy: z.boolean().default(false) })
    .default({ goodFaith: false, accuracy: false }),
});
export type SharedFields = z.infer<typeof SharedFieldsSchema>;

/** Per recipient group (keyed by recipientKey): what differs from the shared fields. */
export const GroupChoiceSchema = z.object({
  regime: RegimeIdSchema.optional(),
  lang: LetterLangSchema.optional(),
  excluded: z.array(z.string().max(2048)).max(MAX_BULK_URLS).default([]),
  /** The tracked notice, once the group was sent. */
  noticeId: z.string().max(64).optional(),
});
export type GroupChoice = z.infer<typeof GroupChoiceSchema>;

export const LookupStatusSchema = z.enum(['not_started', 'interrupted', 'cancelled', 'done']);
export type LookupStatus = z.infer<typeof LookupStatusSchema>;

export const BulkStateSchema = z.object({
  /** Each URL with the works it shows (from the input's `work` column or assigned on the page). */
  urls: z
    .array(
      z.object({
        line: z.number().int(),
        url: z.string().max(2048),
        host: z.string().max(253),
        workIds: z.array(z.string().max(64)).max(100).optional(),
      }),
    )
    .max(MAX_BULK_URLS),
  rejected: z
    .array(
      z.object({
        line: z.number().int(),
        input: z.string().max(200),
        reason: z.string().max(40),
        detail: z.string().max(2000).optional(),
      }),
    )
    .max(MAX_BULK_URLS * 5),
  blank: z.number().int().nonnegative(),
  outcomes: z.record(z.string(), HostOutcomeSchema).default({}),
  lookup: LookupStatusSchema.default('not_started'),
  lastError: z.string().max(2000).optional(),
  role: GroupRoleSchema.default('host'),
  manual: z.record(z.string(), RecipientSchema).default({}),
  shared: SharedFieldsSchema.default(SharedFieldsSchema.parse({})),
  groups: z.record(z.string(), GroupChoiceSchema).default({}),
});
export type BulkState = z.infer<typeof BulkStateSchema>;

export function newBulkState(parsed: ParsedBulk, shared: Partial<SharedFields> = {}): BulkState {
  return BulkStateSchema.parse({
    urls: parsed.valid,
    rejected: parsed.rejected.map((r) => ({ ...r, detail: r.detail?.slice(0, 2000) })),
    blank: parsed.blank,
    shared: SharedFieldsSchema.parse(shared),
  });
}
