import { z } from 'zod';
import { DeliveryRecordSchema } from './mail';
import { RecipientSchema } from './recipient';

export const NoticeStatusSchema = z.enum([
  'draft',
  'sent',
  'acknowledged',
  'removed',
  'partially_removed',
  'rejected',
  'counter_noticed',
  'no_response',
  'escalated',
  'withdrawn',
]);
export type NoticeStatus = z.infer<typeof NoticeStatusSchema>;

export const RegimeIdSchema = z.enum(['us-dmca', 'cn', 'eu-dsa', 'uk', 'ca-notice', 'jp', 'kr', 'au', 'in', 'generic']);
export type RegimeId = z.infer<typeof RegimeIdSchema>;

/** Letter language: English, Simplified Chinese, or Chinese first then English. */
export const LetterLangSchema = z.enum(['en', 'zh', 'zh-en']);
export type LetterLang = z.infer<typeof LetterLangSchema>;

/** `smtp`: sent by the backend's mail server (issue 18), with the server's acceptance in `delivery`. */
export const SendChannelSchema = z.enum(['email', 'eml', 'form', 'copy', 'pdf', 'smtp']);
export type SendChannel = z.infer<typeof SendChannelSchema>;

const iso = z.iso.datetime({ offset: true });

/** What was actually sent; frozen once recorded, a correction is a new notice that `supersedes` this one. */
export const SentRecordSchema = z.object({
  at: iso,
  channel: SendChannelSchema,
  recipient: RecipientSchema,
  text: z.string(),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  evidenceSha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)).default([]),
  /** The exact files that went with the notice (the one evidence rule), each with its hash. */
  attachments: z
    .array(
      z.object({
        evidenceId: z.string().max(64),
        filename: z.string().max(200),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        size: z.number().int().nonnegative(),
      }),
    )
    .max(50)
    .optional(),
  /** Channel `smtp` only: the mail server's acceptance (Message-ID, accepted/rejected, reply line, time). */
  delivery: DeliveryRecordSchema.optional(),
});
export type SentRecord = z.infer<typeof SentRecordSchema>;

export const NoticeSchema = z.object({
  id: z.string().min(1).max(64),
  createdAt: iso,
  updatedAt: iso,
  status: NoticeStatusSchema,
  /** Host of the first infringing URL; indexed for the popup search. */
  host: z.string().max(253),
  urls: z.array(z.string().max(2048)).min(1).max(10000),
  pageTitle: z.string().max(2000).default(''),
  workIds: z.array(z.string()).default([]),
  /** Denormalised titles so the popup can search by work without a join. */
  workTitles: z.array(z.string()).default([]),
  recipient: RecipientSchema.nullable().default(null),
  recipientName: z.string().max(500).default(''),
  /** Every recipient the lookup offered, kept for escalation. */
  candidates: z.array(RecipientSchema).default([]),
  regime: RegimeIdSchema.default('generic'),
  lang: LetterLangSchema.default('en'),
  explanation: z.string().max(20000).default(''),
  measure: z.string().max(5000).default(''),
  fairUseConsidered: z.boolean().default(false),
  fairUseNote: z.string().max(5000).default(''),
  /** The ID or business-licence copy attached, as described in the letter (required for China, Civil Code art. 1195). */
  idDocument: z.string().max(5000).default(''),
  /** The proof of ownership attached, as described in the letter (China: 法发〔2020〕32号 art. 5). */
  ownershipProof: z.string().max(5000).default(''),
  /** The statements the user ticked; the statutory wording itself is always in the letter. */
  confirmations: z
    .object({ goodFaith: z.boolean().default(false), accuracy: z.boolean().default(false) })
    .default({ goodFaith: false, accuracy: false }),
  /** "Do not forward my details": null follows the recipient's default (on for CDNs, lib/providers/privacy.ts). */
  withholdSenderDetails: z.boolean().nullable().default(null),
  /** The regime/lang were chosen by the user rather than suggested from the recipient. */
  regimeChosen: z.boolean().default(false),
  /** The rights holder's documents (Options → Documents) attached to this notice (issue 15). */
  documentIds: z.array(z.string().max(64)).max(20).default([]),
  captureId: z.string().max(64).nullable().default(null),
  evidenceIds: z.array(z.string()).default([]),
  sent: SentRecordSchema.nullable().default(null),
  sentAt: iso.nullable().default(null),
  followUpAt: iso.nullable().default(null),
  supersedes: z.string().nullable().default(null),
  escalatedFrom: z.string().nullable().default(null),
  batchId: z.string().nullable().default(null),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const ImportMarkSchema = z.object({
  at: iso,
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  exportedAt: iso,
});
export type ImportMark = z.infer<typeof ImportMarkSchema>;

export const EventActorSchema = z.enum(['user', 'system']);

export const NoticeEventSchema = z.object({
  id: z.string().min(1).max(64),
  noticeId: z.string(),
  seq: z.number().int().nonnegative(),
  at: iso,
  kind: z.string().max(64),
  actor: EventActorSchema,
  details: z.record(z.string(), z.unknown()).default({}),
  prevHash: z.string().max(64),
  textHash: z.string().max(64),
  hash: z.string().max(64),
  /**
   * Set on the rows an import added: when, and from which file (its SHA-256 and export time). It sits outside the
   * hashed fields on purpose: the chain proves what the exporter recorded, and this says the row came from a file,
   * not from this browser, so a reader of the timeline can tell the two apart.
   */
  imported: ImportMarkSchema.optional(),
});
export type NoticeEvent = z.infer<typeof NoticeEventSchema>;
