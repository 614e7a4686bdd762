import { z } from 'zod';
import { ERROR_KINDS, type ErrorKind } from './errors';
import { NoteSchema } from './model/note';
import { RecipientSchema } from './model/recipient';

/**
 * The backend HTTP API, shared by the server (validation at the edge) and the extension
 * (validation of what comes back). Shapes follow issue 9.
 */
export const LookupStepSchema = z.enum([
  'input',
  'dns',
  'bootstrap',
  'rdap-ip',
  'rdap-asn',
  'rdap-domain',
  'rdap-registrar',
  'asn',
  'cdn',
  'whois',
  'directory',
]);
export type LookupStep = z.infer<typeof LookupStepSchema>;

/**
 * A lookup stage starting or ending: told by the core (LookupOptions.onStep), streamed by the backend as NDJSON
 * `{type:'step', …}` lines and read back by the extension's client. Declared once, here, because it crosses the wire.
 */
export const StepEventSchema = z.object({
  step: LookupStepSchema,
  status: z.enum(['start', 'done', 'error']),
});
export type StepEvent = z.infer<typeof StepEventSchema>;
export type StepStatus = StepEvent['status'];

/** A lookup step's failure kinds are error kinds (lib/errors.ts), so the UI explains them with the same sentences. */
export const LOOKUP_ERROR_KINDS = [
  'timeout',
  'rate_limited',
  'not_found',
  'unavailable',
  'invalid_response',
  'private_target',
  'invalid_input',
] as const satisfies readonly ErrorKind[];

export const LookupErrorKindSchema = z.preprocess(
  // Lookups stored in IndexedDB or cached by a backend before the kinds were unified spell them with hyphens.
  (v) => (typeof v === 'string' ? v.replace(/-/g, '_') : v),
  z.enum(LOOKUP_ERROR_KINDS),
);
export type LookupErrorKind = z.infer<typeof LookupErrorKindSchema>;

export const LookupErrorSchema = z.object({
  step: LookupStepSchema,
  kind: LookupErrorKindSchema,
  message: z.string(),
});
export type LookupError = z.infer<typeof LookupErrorSchema>;

export const NetworkSchema = z.object({
  handle: z.string().nullable(),
  name: z.string().nullable(),
  cidr: z.string().nullable(),
  country: z.string().nullable(),
  rir: z.string().nullable(),
});

export const AddressSchema = z.object({
  ip: z.string(),
  asn: z.number().int().nullable(),
  network: NetworkSchema.nullable(),
});

export const CdnSchema = z.object({
  name: z.string(),
  evidence: z.array(z.string()),
  /** Says the origin host is hidden behind the CDN (docs/cdn-signals.md §3): a coded note; an older backend's string is kept. */
  note: NoteSchema.optional(),
});

export const LookupResultSchema = z.object({
  input: z.string(),
  hostname: z.string(),
  registrableDomain: z.string().nullable(),
  addresses: z.array(AddressSchema),
  cdn: CdnSchema.nullable(),
  recipients: z.array(RecipientSchema),
  errors: z.array(LookupErrorSchema),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const MAX_INPUT_LENGTH = 2048;
export const MAX_BATCH = 1000;

export const LookupQuerySchema = z.object({
  url: z.string().min(1).max(MAX_INPUT_LENGTH),
  /** Response headers the extension saw, as supporting CDN evidence. */
  headers: z.record(z.string().max(200), z.string().max(4000)).optional(),
});

export const BatchRequestSchema = z.object({
  urls: z.array(z.string().min(1).max(MAX_INPUT_LENGTH)).min(1).max(MAX_BATCH),
});

export const BatchItemSchema = z.object({
  url: z.string(),
  result: LookupResultSchema.nullable(),
  error: LookupErrorSchema.nullable(),
});
export const BatchResponseSchema = z.object({
  items: z.array(BatchItemSchema),
  stats: z.object({ urls: z.number(), hosts: z.number(), networks: z.number(), failed: z.number() }),
});
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({ kind: z.enum(ERROR_KINDS), message: z.string(), path: z.string().optional() }),
});

/** What a reply says about the notice it answers; a suggestion the user confirms. */
export const REPLY_KINDS = [
  'bounce',
  'counter-notice',
  'removed',
  'rejected',
  'more-info',
  'forwarded',
  'acknowledged',
  'unknown',
] as const;

/** GET /v1/replies (issue 18): replies read over IMAP, with what they answer and a suggested classification. */
export const ReplyItemSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  date: z.string().nullable(),
  from: z.string().nullable(),
  fromName: z.string().nullable(),
  subject: z.string(),
  messageId: z.string().nullable(),
  /** Our notices' Message-IDs this reply answers, and how that was found. */
  answers: z.array(z.string()),
  via: z.enum(['in-reply-to', 'references', 'quoted', 'ticket']).nullable(),
  /** Every Message-ID the reply refers to, for matching notices the backend did not send. */
  references: z.array(z.string()),
  classification: z.object({
    kind: z.enum(REPLY_KINDS),
    suggestedStatus: z.string().nullable(),
    provider: z.string().nullable(),
    ticket: z.string().nullable(),
    reason: z.string().nullable(),
    failedRecipients: z.array(z.string()),
    next: z.enum(['try-form-or-upstream', 'answer-request']).nullable(),
    confidence: z.enum(['high', 'medium', 'low']),
    evidence: z.array(z.string()),
  }),
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string(), mimeType: z.string(), size: z.number(), sha256: z.string() })),
  truncated: z.boolean(),
  sha256: z.string(),
});
export type ReplyItem = z.infer<typeof ReplyItemSchema>;
export const RepliesResponseSchema = z.object({
  replies: z.array(ReplyItemSchema),
  poll: z.object({ time: z.string().nullable(), ok: z.boolean(), error: z.string().nullable() }),
});

/** POST /v1/send: the proof of delivery that goes into the notice's history and evidence package. */
export const DeliveryProofSchema = z.object({
  messageId: z.string(),
  accepted: z.array(z.string()),
  rejected: z.array(z.string()),
  response: z.string(),
  refusals: z.array(z.object({ recipient: z.string(), response: z.string() })),
  time: z.string(),
  envelope: z.object({ from: z.string(), to: z.array(z.string()) }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  messageIdAdded: z.boolean(),
});
export type DeliveryProof = z.infer<typeof DeliveryProofSchema>;

/** GET /v1/mail/status: for the options page; host names only. */
export const MailStatusSchema = z.object({
  smtp: z.object({
    configured: z.boolean(),
    server: z.string().nullable(),
    lastSend: z
      .object({ time: z.string(), messageId: z.string(), accepted: z.number(), rejected: z.number() })
      .nullable(),
  }),
  imap: z.object({
    configured: z.boolean(),
    server: z.string().nullable(),
    folder: z.string().nullable(),
    lastPoll: z.object({ time: z.string(), fetched: z.number(), lastUid: z.number() }).nullable(),
  }),
  lastError: z.object({ time: z.string(), where: z.enum(['smtp', 'imap']), message: z.string() }).nullable(),
});
export type MailStatus = z.infer<typeof MailStatusSchema>;

/** POST /v1/timestamp: an RFC 3161 token for a SHA-256 the client computed (issue 15). */
export const TimestampRequestSchema = z.object({
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits'),
});

export const TimestampResponseSchema = z.object({
  /** Base64 of the DER TimeStampResp as the TSA sent it (the `.tsr` file `openssl ts -verify -in` reads). */
  token: z.string().min(1).max(1_500_000),
  genTime: z.iso.datetime({ offset: true }),
  serialNumber: z.string().regex(/^[0-9a-f]+$/),
  policy: z.string().max(200),
  /** The TSA's name as it signs (TSTInfo.tsa or the certificate subject). */
  tsa: z.string().max(1000),
  tsaUrl: z.string().max(2048),
  /** PEM certificates: those in the token, then the configured roots (for the evidence package). */
  certificates: z.array(z.string().max(20_000)).max(10),
  /** True when the backend checked the chain to TAKEDOWN_TSA_CA. */
  chained: z.boolean(),
});
export type TimestampResponse = z.infer<typeof TimestampResponseSchema>;
