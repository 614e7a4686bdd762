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
  /** 统一社会信用代码, printed in the 权利人 block when given. */
  creditCode: text(200),
  /** 法定代表人, printed in the 权利人 block when given. */
  legalRep: text(),
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
  /** ICP filing or licence number shown by a site hosted in mainland China (docs/notice-law.md §3). */
  icp: z.string().max(100).optional(),
});
export type HostingFacts = z.infer<typeof HostingFactsSchema>;

export const PriorNoticeSchema = z.object({
  date: z.union([isoDate, isoDateTime]),
  recipient: z.string().max(500),
  id: z.string().max(200).optional(),
});
export type PriorNotice = z.infer<typeof PriorNoticeSchema>;

/** An agent (law firm, enforcement vendor) sending for the rights holder named in the letterhead. */
export const CaseAgentSchema = z.object({
  name: text(),
  address: text(),
  email: text(),
  phone: text(),
  contact: text(),
});
export type CaseAgent = z.infer<typeof CaseAgentSchema>;

/**
 * India: the route the notice takes (docs/notice-decisions.md §5). The default is IT Act s. 79(3)(b)
 * (MySpace v. Super Cassettes), which needs no undertaking; the Copyright Rules r. 75 route is
 * opt-in and only for a client that has decided to sue within 21 days (`undertakeSuit`).
 */
export const IndiaOptionsSchema = z.object({
  route: z.enum(['it-act-79', 'rule-75']).default('it-act-79'),
  undertakeSuit: z.boolean().default(false),
});

/** Japan: the right relied on (著作権, or a publisher's 出版権 under arts 79-80) and whether the infringement is evident. */
export const JapanOptionsSchema = z.object({
  right: z.enum(['copyright', 'publication']).default('copyright'),
  /** A dead copy: the provider has 相当の理由 to act at once (art. 3(2)(i)) without the 7-day inquiry. */
  evident: z.boolean().default(false),
});

/** EU: the national provision infringed (DSA art. 16(2)(a)); the member state defaults to the recipient's country. */
export const EuOptionsSchema = z.object({
  memberState: z.string().max(2).optional(),
  nationalProvision: text(1000),
});

/** Australia: whether the recipient is a carriage service provider (or other body) inside the Div 2AA safe harbours. */
export const AustraliaOptionsSchema = z.object({ safeHarbour: z.boolean().default(false) });

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
  confirmations: z
    .object({ goodFaith: z.boolean().optional(), accuracy: z.boolean().optional(), authority: z.boolean().optional() })
    .default({}),
  hosting: HostingFactsSchema.default({}),
  /** Replaces the measures derived from the recipient (measures.ts). */
  measures: z.array(MeasureIdSchema).max(20).optional(),
  /** Free text appended to the request. */
  measureNote: text(),
  /** Confirms, for a caching provider, that the origin copy is gone or a court ordered it (17 U.S.C. 512(b)(2)(E)). */
  originRemoved: z.object({ basis: z.enum(['removed', 'court_order']), detail: text() }).optional(),
  /** Ask a CDN not to pass the sender's personal details to the site operator (docs/providers.md §6). */
  withholdSenderDetails: z.boolean().default(false),
  /** Agent's authority, e.g. "power of attorney dated 2026-01-05, attached". */
  authority: text(),
  /** The ID document or business licence attached (required for China: Civil Code art. 1195 真实身份信息). */
  idDocument: text(),
  /** Proof of ownership attached, e.g. "计算机软件著作权登记证书复印件" (法发〔2020〕32号 art. 5). */
  ownershipProof: text(),
  /** The agent who sends for the rights holder; the letter then prints 代理人 and 权利人 separately. */
  agent: CaseAgentSchema.optional(),
  /** The per-notice power of attorney (授权委托书) an agent attaches; required when `agent` is set. */
  powerOfAttorney: text(),
  /** Where the signer signs (ISO 3166 alpha-2): picks the 28 U.S.C. § 1746 form of the US perjury statement. */
  signerCountry: z.string().max(2).optional(),
  /** Who uploaded the material, if known (India r. 75(2)(e)). */
  uploader: text(),
  india: IndiaOptionsSchema.default({ route: 'it-act-79', undertakeSuit: false }),
  japan: JapanOptionsSchema.default({ right: 'copyright', evident: false }),
  eu: EuOptionsSchema.default({ nationalProvision: '' }),
  australia: AustraliaOptionsSchema.default({ safeHarbour: false }),
  priorNotices: z.array(PriorNoticeSchema).max(100).default([]),
  /** Letter date override, YYYY-MM-DD; absent, the injected clock's UTC date. */
  date: isoDate.optional(),
});
export type NoticeCaseInput = z.input<typeof NoticeCaseSchema>;
export type NoticeCase = z.output<typeof NoticeCaseSchema>;

export type ParseCaseResult =
  { ok: true; value: NoticeCase } | { ok: false; issues: { path: string; message: string }[] };

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
