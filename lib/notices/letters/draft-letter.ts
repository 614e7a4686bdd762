import { AppError } from '../../errors';
import type { CaseLetterhead } from '../case';
import type { NoticeSection } from '../draft';
import { formatLetterDate, utcYmd } from '../letter-date';
import { renderHtml } from '../render-html';
import { renderText } from '../render-text';
import { runChecklist, type LetterChecklist } from './checklist';
import { beijingTime, englishTime } from '../letter-time';
import { LetterInputSchema, type LetterFacts, type LetterKind } from './schema';
import type { LetterSectionInput, LetterSpec, WriteContext } from './spec';
import { LETTER_SPECS } from './specs';

export interface LetterDraft {
  kind: LetterKind;
  lang: 'en' | 'zh';
  /** False while a required element is missing: the preview shows, sending is blocked. */
  sendable: boolean;
  checklist: LetterChecklist;
  /** The provisions the letter cites, in the letter's language. */
  law: string[];
  subject: string;
  date: string;
  letterhead: CaseLetterhead;
  recipient: { name: string; emails: string[] };
  sections: NoticeSection[];
  text: string;
  html: string;
}

export interface LetterOptions {
  now: () => Date;
  /** The checklist speaks the page's language, which may differ from the letter's. */
  checklistLang?: 'en' | 'zh';
}

/**
 * Drafts a follow-up letter from its facts, with the same renderers as a notice. Throws
 * AppError('invalid_input') only for data the schema rejects; missing elements are the
 * checklist's business, so the page can preview a letter while its checklist is red.
 */
export function draftLetter(input: unknown, opts: LetterOptions): LetterDraft {
  const parsed = LetterInputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first?.path.join('.') || '(root)';
    throw new AppError('invalid_input', `invalid letter at ${path}: ${first?.message ?? ''}`, { path });
  }
  const f = parsed.data;
  const spec = LETTER_SPECS[f.kind] as LetterSpec<LetterKind>;
  const lang = f.lang;
  const today = f.date ?? utcYmd(opts.now());
  const checklist = runChecklist(spec.elements as never[], f as never, { today }, opts.checklistLang ?? lang);

  const lh = f.letterhead;
  const party = lh.company.trim() || lh.signatory.trim() || (lang === 'zh' ? '[权利人]' : '[rights holder]');
  const w: WriteContext = {
    lang,
    party,
    tr: (en, zh) => (lang === 'zh' ? zh : en),
    time: (iso) => (lang === 'zh' ? beijingTime(iso) : englishTime(iso, spec.dateStyle)),
    day: (iso) => (lang === 'zh' ? beijingTime(iso, false) : englishTime(iso.slice(0, 10), spec.dateStyle)),
  };
  const date = formatLetterDate(today, lang, spec.dateStyle);
  const body = spec.sections(f, w);
  if (lang === 'zh') body.splice(0, 0, ...senderSection(f));
  if (lang === 'zh' && spec.closingZh) closeBeforeAnnexes(body, spec.closingZh);
  body.push({ id: 'signature', title: w.tr('Signature', '签署'), paragraphs: [signature(f, date, w)] });
  const sections = body.map(toSection);

  const subject = spec.subject(f, w).replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
  const recipient = { name: f.recipient.name, emails: f.recipient.emails };
  const parts = { lang, subject, date, letterhead: lh, recipient, sections } as const;
  return {
    kind: f.kind,
    lang,
    sendable: checklist.sendable,
    checklist,
    law: spec.law(f).map((l) => l[lang]),
    subject,
    date,
    letterhead: lh,
    recipient,
    sections,
    text: renderText(parts),
    html: renderHtml(parts),
  };
}

function toSection(s: LetterSectionInput): NoticeSection {
  const items = s.items ?? [];
  const list = items.map((it, i) => `${i + 1}. ${it}`).join('\n');
  return {
    id: s.id,
    title: s.title,
    paragraphs: s.paragraphs,
    items,
    body: [...s.paragraphs, ...(list ? [list] : [])].join('\n\n'),
  };
}

/** A Chinese letter names the rights holder's true identity in its own block (NCAC form). */
function senderSection(f: LetterFacts): LetterSectionInput[] {
  const lh = f.letterhead;
  const rows: [string, string][] = [
    ['名称', lh.company],
    ['法定代表人', f.legalRepresentative],
    ['住所及通讯地址', lh.address],
    ['电话', lh.phone],
    ['电子邮箱', lh.email],
    ['联系人', [lh.signatory, lh.signatoryTitle].filter((s) => s.trim()).join('，')],
  ];
  const items = rows.filter(([, v]) => v.trim()).map(([k, v]) => `${k}：${v}`);
  if (items.length === 0) return [];
  return [
    { id: 'sender', title: f.kind === 'miit_unfiled' ? '举报人信息' : '权利人信息', paragraphs: [items.join('\n')] },
  ];
}

/** 特此通知 goes after the last body section and before the annex list. */
function closeBeforeAnnexes(body: LetterSectionInput[], closing: string) {
  const annex = body.findIndex((s) => s.id === 'evidence');
  const target = annex > 0 && annex === body.length - 1 ? body[annex - 1] : body[body.length - 1];
  if (target) target.paragraphs = [...target.paragraphs, closing];
}

/**
 * The sign-off in the letter's convention: a typed "/s/" only in a US letter; a Chinese letter
 * is sealed by the rights holder and signed by its legal or authorised representative.
 */
function signature(f: LetterFacts, date: string, w: WriteContext): string {
  const lh = f.letterhead;
  if (f.kind === 'us_action_filed') {
    return [lh.signatory.trim() ? `/s/ ${lh.signatory}` : '', lh.signatoryTitle, lh.company, date]
      .filter((s) => s.trim())
      .join('\n');
  }
  if (w.lang === 'zh') {
    const who = f.kind === 'miit_unfiled' ? '举报人（盖章）' : '权利人（盖章）';
    return [`${who}：${lh.company}`, '法定代表人或授权代表（签字）：', date].join('\n');
  }
  return [lh.company, [lh.signatory, lh.signatoryTitle].filter((s) => s.trim()).join(', '), date]
    .filter((s) => s.trim())
    .join('\n');
}
