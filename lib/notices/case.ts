import { z } from 'zod';
import { EvidenceKindSchema } from '../model/evidence';
import { LetterheadSchema } from '../model/letterhead';
import { LetterLangSchema, RegimeIdSchema } from '../model/notice';
import { RecipientSchema } from '../model/recipient';
import { MeasureIdSchema } from './measures';

/**
 * Everything a notice is drafted from. The schema rejects only wrong types and absurd
 * sizes: an empty company or a missing address is a *draft* state that the compliance
 * checker names element by element (validate.ts), so the UI can show a live preview
 * while the checklist is still red.
 *
 * Confirmations: the statutory statements are always printed verbatim. `confirmations`
 * records whether the user ticked them; absent means the author of the case file adopts
 * them by signing, and an explicit `false` blocks sending (the user refused the statement).
 * `fairUse` works the same way for the Lenz self-check: absent gives a warning, an
 * explicit `considered: false` blocks sending in regimes that require it.
 */

// Inputs may legitimately be long (a 10,000-character title still renders); the caps only
// stop memory bombs.
const text = (max = 20_000) => z.string().max(max).default('');
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const CaseLetterheadSchema = z.object({
  company: text(),
  address: text(),
  email: text(),
  phone: text(),
  signatory: text(),
  signatoryTitle: text(),
  /** Reuses the stored letterhead's rule: a base64 data:image URL under the size cap. */
  logo: LetterheadSchema.shape.logo,
});
export type CaseLetterhead = z.infer<typeof CaseLetterheadSchema>;

export const CaseWorkSchema = z.object({
  id: z.string().max(64).optional(),
  title: text(),
  owner: text(),
  registration: text(),
  originalUrl: text(),
});
export type CaseWork = z.infer<typeof CaseWorkSchema>;

export const CaseEvidenceSchema = z.object({
  kind: EvidenceKindSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
  capturedAt: isoDateTime,
  url: text(20_000),
  filename: text(255),
  note: text(),
});
export type CaseEvidence = z.infer<typeof CaseEvidenceSchema>;

export const HostingFactsSchema = z.object({
  ip: z.string().max(64).optional(),
  handle: z.string().max(200).optional(),
  asn: z.union([z.number().int().nonnegative(), z.string().max(20)]).optional(),
  cidr: z.string().max(64).optional(),
  /** ICP filing or licence number shown by a site hosted in mainland China (notice-law.md §2.9). */
  icp: z.string().max(100).optional(),
});
export type HostingFacts = z.infer<typeof HostingFactsSchema>;

export const PriorNoticeSchema = z.object({
  date: z.union([isoDate, isoDateTime]),
  recipient: z.string().max(500),
  id: z.string().max(200).optional(),
});
export type PriorNotice = z.infer<typeof PriorNoticeSchema>;

export const NoticeCaseSchema = z.object({
  /** Absent: suggested from the recipient (suggest.ts). */
  regime: RegimeIdSchema.optional(),
  /** Absent: the regime's default language. */
  lang: LetterLangSchema.optional(),
  letterhead: CaseLetterheadSchema.default(CaseLetterheadSchema.parse({})),
  works: z.array(CaseWorkSchema).max(1000).default([]),
  infringingUrls: z.array(z.string().max(20_000)).max(10_000).default([]),
  explanation: text(100_000),
  /** How the material infringes, if the user wants it separate from the explanation. */
  infringementDesc: text(20_000),
  /** The claimant's right or interest; absent, it is stated from each work's owner. */
  rightsBasis: text(),
  recipient: RecipientSchema,
  evidence: z.array(CaseEvidenceSchema).max(1000).default([]),
  /** When the infringement was observed; absent, the earliest evidence capture is used. */
  observedAt: isoDateTime.optional(),
  fairUse: z.object({ considered: z.boolean(), note: text() }).optional(),
  confirmations: z.object({ goodFaith: z.boolean().optional(), accuracy: z.boolean().optional() }).default({}),
  hosting: HostingFactsSchema.default({}),
  /** Replaces the measures derived from the recipient (measures.ts). */
  measures: z.array(MeasureIdSchema).max(20).optional(),
  /** Free text appended to the request. */
  measureNote: text(),
  /** Confirms, for a caching provider, that the origin copy is gone or a court ordered it (17 U.S.C. 512(b)(2)(E)). */
  originRemoved: z.object({ basis: z.enum(['removed', 'court_order']), detail: text() }).optional(),
  /** Ask a CDN not to pass the sender's personal details to the site operator (landscape.md §2.4). */
  withholdSenderDetails: z.boolean().default(false),
  /** Agent's authority, e.g. "power of attorney dated 2026-01-05, attached". */
  authority: text(),
  /** The ID document or business licence attached (expected by the NCAC model form). */
  idDocument: text(),
  priorNotices: z.array(PriorNoticeSchema).max(100).default([]),
  /** Letter date override, YYYY-MM-DD; absent, the injected clock's UTC date. */
  date: isoDate.optional(),
});
export type NoticeCaseInput = z.input<typeof NoticeCaseSchema>;
export type NoticeCase = z.output<typeof NoticeCaseSchema>;

export type ParseCaseResult = { ok: true; value: NoticeCase } | { ok: false; issues: { path: string; message: string }[] };

/** Parses untrusted case data (a file, a message payload); failures carry the Zod path of each bad field. */
export function parseNoticeCase(input: unknown): ParseCaseResult {
  const r = NoticeCaseSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })),
  };
}

/** Hosting facts from the case merged over the recipient's network facts. */
export function hostingFacts(c: NoticeCase): HostingFacts {
  const n = c.recipient.network ?? {};
  return {
    ip: c.hosting.ip ?? n.ip,
    handle: c.hosting.handle ?? n.handle,
    asn: c.hosting.asn ?? n.asn,
    cidr: c.hosting.cidr ?? n.cidr,
    icp: c.hosting.icp,
  };
}

/** When the infringement was observed: the explicit time, else the earliest capture. */
export function observedAt(c: NoticeCase): string | undefined {
  if (c.observedAt) return c.observedAt;
  let first: string | undefined;
  for (const e of c.evidence) if (!first || Date.parse(e.capturedAt) < Date.parse(first)) first = e.capturedAt;
  return first;
}
