import { z } from 'zod';
import { EvidenceKindSchema } from '../../model/evidence';
import { CaseLetterheadSchema } from '../case';

/**
 * The letters a takedown practice sends after a notice (issue 12, "Letters a practice needs
 * next"). Each is drafted from validated facts, checked element by element like a notice
 * (checklist.ts) and stored as its own tracked record (lib/db/letters-repo.ts).
 */
export const LETTER_KINDS = ['us_action_filed', 'cn_action_filed', 'repeat_infringer', 'miit_unfiled'] as const;
export const LetterKindSchema = z.enum(LETTER_KINDS);
export type LetterKind = z.infer<typeof LetterKindSchema>;

const text = (max = 20_000) => z.string().max(max).default('');
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const instant = z.union([isoDate, isoDateTime]);

/** Who receives the letter: a provider's designated agent or abuse desk, or an authority's web system. */
export const LetterRecipientSchema = z.object({
  name: z.string().max(500),
  emails: z.array(z.string().max(254)).max(20).default([]),
  formUrl: z.string().max(2048).nullable().default(null),
  providerId: z.string().max(100).optional(),
  country: z.string().max(2).nullable().default(null),
});
export type LetterRecipient = z.infer<typeof LetterRecipientSchema>;

/** The notice a letter follows up: what the provider already has from us. */
export const PriorRefSchema = z.object({
  id: z.string().min(1).max(64),
  sentAt: isoDateTime,
  recipient: z.string().max(500).default(''),
  urls: z.array(z.string().max(2048)).max(10_000).default([]),
  status: z.string().max(40).default(''),
});
export type PriorRef = z.infer<typeof PriorRefSchema>;

const base = {
  lang: z.enum(['en', 'zh']).default('en'),
  letterhead: CaseLetterheadSchema.default(CaseLetterheadSchema.parse({})),
  recipient: LetterRecipientSchema,
  /** Titles of the works concerned. */
  works: z.array(z.string().max(2000)).max(1000).default([]),
  /** Letter date, YYYY-MM-DD; absent, the injected clock's UTC date. */
  date: isoDate.optional(),
  /** The signer adopts the letter's statement of accuracy; unticked or refused blocks. */
  confirmAccuracy: z.boolean().default(false),
  /** Business licence or ID copy attached (a Chinese letter's 真实身份信息). */
  idDocument: text(),
  /** 法定代表人, printed in a Chinese letter when given. */
  legalRepresentative: text(500),
};

/** 17 U.S.C. § 512(g)(2)(C): the sender tells the designated agent that it has sued the subscriber. */
export const UsActionFiledSchema = z.object({
  kind: z.literal('us_action_filed'),
  ...base,
  original: PriorRefSchema,
  counterNoticeReceivedAt: instant.optional(),
  /** The subscriber named in the counter-notification, whom the action seeks to restrain. */
  subscriber: text(500),
  court: text(500),
  caseNumber: text(200),
  filedOn: isoDate.optional(),
  /** The copy of the complaint sent with the letter (file name or description). */
  complaintCopy: text(500),
  /** The action seeks a court order restraining the subscriber (the statute's words); must be ticked. */
  confirmRestrain: z.boolean().default(false),
});

/** Civil Code art. 1196: the rights holder tells the provider it complained or sued, with the 受理通知书. */
export const CnActionFiledSchema = z.object({
  kind: z.literal('cn_action_filed'),
  ...base,
  original: PriorRefSchema,
  /** When the forwarded counter-declaration (不存在侵权行为的声明) reached us. */
  counterStatementReceivedAt: instant.optional(),
  /** The user who made the declaration, as the provider named them. */
  declarant: text(500),
  route: z.enum(['suit', 'complaint']).default('suit'),
  /** The court (人民法院) or the administrative authority (著作权行政管理部门) that accepted the case. */
  authority: text(500),
  caseNumber: text(200),
  acceptedOn: isoDate.optional(),
  /** The 受理通知书 attached (file name or description). */
  acceptanceNotice: text(500),
  /** E-Commerce Law art. 43 platform: a 15-day clock instead of the Civil Code's reasonable period. */
  ecommercePlatform: z.boolean().default(false),
});

/** 17 U.S.C. § 512(i)(1)(A); China 重复侵权: earlier notices against one customer, IP or account. */
export const RepeatInfringerSchema = z.object({
  kind: z.literal('repeat_infringer'),
  ...base,
  /** Which law frames the request: the US safe-harbour condition, the Chinese rule, or the provider's own terms. */
  law: z.enum(['us', 'cn', 'terms']).default('terms'),
  subject: z.object({ kind: z.enum(['ip', 'site', 'account']), value: z.string().max(500) }),
  priorNotices: z.array(PriorRefSchema).max(500).default([]),
  /** The practice's threshold when the letter was offered (settings, default 3). */
  threshold: z.number().int().min(2).max(100).default(3),
});

/**
 * A report to the MIIT filing system (未备案网站举报) about a site on a mainland host that
 * shows no ICP number.
 */
export const MiitUnfiledSchema = z.object({
  kind: z.literal('miit_unfiled'),
  ...base,
  domain: text(253),
  ip: text(64),
  /** The mainland-China host the site is served from (接入服务商). */
  hostProvider: text(500),
  /** ICP numbers read from the captured page; any at all means the report would be false. */
  icpShown: z.array(z.string().max(100)).max(20).default([]),
  /** Whether the capture included the page's HTML, the only basis for saying it shows no number. */
  pageArchived: z.boolean().default(false),
  evidence: z
    .array(
      z.object({
        kind: EvidenceKindSchema,
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        capturedAt: isoDateTime,
        filename: text(255),
      }),
    )
    .max(1000)
    .default([]),
  infringingUrls: z.array(z.string().max(2048)).max(10_000).default([]),
});

export const LetterInputSchema = z.discriminatedUnion('kind', [
  UsActionFiledSchema,
  CnActionFiledSchema,
  RepeatInfringerSchema,
  MiitUnfiledSchema,
]);
export type LetterInput = z.input<typeof LetterInputSchema>;
export type LetterFacts = z.output<typeof LetterInputSchema>;
export type FactsOf<K extends LetterKind> = Extract<LetterFacts, { kind: K }>;
