import { AppError } from '../errors';
import type { EvidenceKind } from '../model/evidence';
import type { LetterLang, RegimeId } from '../model/notice';
import { hostingFacts, NoticeCaseSchema, observedAt, type CaseLetterhead, type NoticeCase, type NoticeCaseInput } from './case';
import { isCdn, isSearch, type Localised } from './elements';
import { formatLetterDate, utcYmd } from './letter-date';
import { MEASURE_TEXT, measureFor, serviceKindOf, type MeasureId } from './measures';
import { REGIMES } from './regimes';
import { renderHtml } from './render-html';
import { renderText } from './render-text';
import { checkCompliance, regimeOf, type ComplianceResult } from './validate';

export type SectionId =
  | 'intro'
  | 'sender'
  | 'works'
  | 'infringing'
  | 'explanation'
  | 'hosting'
  | 'evidence'
  | 'request'
  | 'prior'
  | 'statements'
  | 'signature';

/** One part of the letter: paragraphs, then an optional numbered list. `body` is the plain-text form. */
export interface NoticeSection {
  id: SectionId;
  title: string;
  paragraphs: string[];
  items: string[];
  body: string;
}

export interface NoticeDraft {
  regime: RegimeId;
  lang: LetterLang;
  /** False while any required element is missing: show the preview, block sending. */
  sendable: boolean;
  checklist: ComplianceResult;
  subject: string;
  date: string;
  letterhead: CaseLetterhead;
  recipient: { name: string; emails: string[] };
  measures: MeasureId[];
  sections: NoticeSection[];
  text: string;
  html: string;
  /** The letter split into the fields web forms ask for. */
  formFields: Record<string, string>;
}

export interface DraftOptions {
  now: () => Date;
  /** Overrides the case's regime (the user switched it in the UI). */
  regime?: RegimeId;
  lang?: LetterLang;
  /** The checklist speaks the user's language, which may differ from the letter's. */
  checklistLang?: 'en' | 'zh';
}

const SUBJECT_TITLE_MAX = 80;

const EVIDENCE_KIND: Record<EvidenceKind, Localised> = {
  screenshot: { en: 'screenshot', zh: '截图' },
  html: { en: 'page archive', zh: '网页存档' },
  headers: { en: 'HTTP headers', zh: 'HTTP响应头' },
  metadata: { en: 'capture metadata', zh: '采集元数据' },
  manifest: { en: 'evidence manifest', zh: '证据清单' },
  reply: { en: 'provider reply', zh: '服务商回复' },
  recheck: { en: 'recheck', zh: '复查记录' },
};

/** Drafts a notice from a case. Throws AppError('invalid_input') only for data the schema rejects. */
export function draftNotice(input: NoticeCaseInput, opts: DraftOptions): NoticeDraft {
  const parsed = NoticeCaseSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('invalid_input', `invalid case at ${first?.path.join('.') || '(root)'}: ${first?.message ?? ''}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const c = parsed.data;
  const regimeId = opts.regime ?? regimeOf(c);
  const regime = REGIMES[regimeId];
  const lang = opts.lang ?? c.lang ?? regime.defaultLang;
  const checklist = checkCompliance(c, regimeId, opts.checklistLang ?? lang);

  const pick = (p: Localised): string[] => (lang === 'en' ? [p.en] : lang === 'zh' ? [p.zh] : [p.zh, p.en]);
  const label = (p: Localised): string => (lang === 'en' ? p.en : lang === 'zh' ? p.zh : `${p.zh} / ${p.en}`);
  const sections: NoticeSection[] = [];
  const add = (id: SectionId, title: Localised, paragraphs: string[], items: string[] = []) => {
    const list = items.map((it, i) => `${i + 1}. ${it}`).join('\n');
    sections.push({ id, title: label(title), paragraphs, items, body: [...paragraphs, ...(list ? [list] : [])].join('\n\n') });
  };

  const lh = c.letterhead;
  const party = lh.company.trim() || lh.signatory.trim();
  const basis = regime.legalBasis(c);
  const kind = serviceKindOf(c.recipient);
  const recipientName = c.recipient.name.trim();

  // Introduction: who writes, under which law, and what the recipient's role is.
  const intro: Localised[] = [
    {
      en: `${party} gives you notice of copyright infringement under ${basis.en}. The material listed below is made available through your services and infringes copyright in the works identified in this notice.`,
      zh: `${party}依据${basis.zh}，向贵司发出侵权通知。下列内容通过贵司的服务传播，侵犯了本通知所列作品的著作权。`,
    },
  ];
  if (kind === 'cloud')
    intro.push({
      en: 'We understand that you rent the server concerned to a customer and cannot remove individual pages yourself. We therefore ask you to forward this notice to that customer and to take the measures appropriate to your type of service.',
      zh: '我方理解贵司向相关客户出租云服务器，无法自行删除具体网页。因此，我方请求贵司将本通知转送给该客户，并根据贵司的服务类型采取相应的必要措施。',
    });
  if (kind === 'cdn')
    intro.push({
      en: 'We understand that you provide caching or reverse-proxy services for this website and do not host its origin content.',
      zh: '我方理解贵司为该网站提供缓存或反向代理服务，并不托管其源站内容。',
    });
  if (kind === 'registrar')
    intro.push({
      en: 'You are the registrar of the domain name concerned. We report this under section 3.18.1 of the ICANN Registrar Accreditation Agreement, which asks registrars to investigate abuse reports and respond appropriately.',
      zh: '贵司是相关域名的注册商。我方依据ICANN《注册商认证协议》第3.18.1条提交本举报，该条要求注册商调查滥用举报并作出适当回应。',
    });
  if (kind === 'network')
    intro.push({
      en: 'We understand that you provide network connectivity to the hosting customer rather than hosting the material yourself.',
      zh: '我方理解贵司向托管客户提供网络接入服务，而非直接托管该内容。',
    });
  if (regime.introNotes) intro.push(...regime.introNotes(c));
  add('intro', { en: 'Notice', zh: '通知' }, intro.flatMap(pick));

  // The complaining party's identity and contact details.
  const senderItems: string[] = [];
  const field = (l: Localised, v: string) => {
    if (v.trim()) senderItems.push(`${label(l)}: ${v}`);
  };
  field({ en: 'Name', zh: '名称' }, lh.company);
  field({ en: 'Address', zh: '地址' }, lh.address);
  field({ en: 'Telephone', zh: '电话' }, lh.phone);
  field({ en: 'E-mail', zh: '电子邮箱' }, lh.email);
  field({ en: 'Contact person', zh: '联系人' }, [lh.signatory, lh.signatoryTitle].filter((s) => s.trim()).join(', '));
  field({ en: 'Authority to act', zh: '授权情况' }, c.authority);
  field({ en: 'Identity document', zh: '身份证明' }, c.idDocument);
  add('sender', { en: 'Complaining party', zh: '权利人信息' }, senderItems.length > 0 ? [senderItems.join('\n')] : []);

  // The works, with registration numbers and original URLs.
  const workItems = c.works.map((w) => {
    const parts = [lang === 'en' ? w.title : `《${w.title}》`];
    if (w.owner.trim()) parts.push(`${label({ en: 'owner', zh: '权利人' })}: ${w.owner}`);
    if (w.registration.trim()) parts.push(`${label({ en: 'registration', zh: '登记号' })}: ${w.registration}`);
    if (w.originalUrl.trim()) parts.push(`${label({ en: 'original', zh: '原始网址' })}: ${w.originalUrl}`);
    return parts.join(' — ');
  });
  const worksParas = c.rightsBasis.trim() ? [c.rightsBasis] : [];
  add('works', { en: 'Copyrighted works', zh: '权利作品' }, worksParas, workItems);

  // Every infringing URL, numbered; hundreds are fine.
  const link = isSearch(c);
  const n = c.infringingUrls.length;
  add(
    'infringing',
    link ? { en: 'Infringing links', zh: '侵权链接' } : { en: 'Infringing material', zh: '侵权内容' },
    pick(
      link
        ? { en: `The following ${n} URL(s) point to infringing copies of the works:`, zh: `以下${n}个网址链接至上述作品的侵权复制件：` }
        : { en: `The infringing material is at the following ${n} URL(s):`, zh: `侵权内容位于以下${n}个网址：` },
    ),
    c.infringingUrls,
  );

  // Why it infringes: the user's own words, else a plain statement of the claim.
  const why = [c.explanation, c.infringementDesc].filter((s) => s.trim());
  add(
    'explanation',
    { en: 'Explanation', zh: '侵权事实与理由' },
    why.length > 0
      ? why
      : pick({
          en: 'Each listed URL reproduces and makes available to the public a copy of the works above without the authorisation of the rights holder.',
          zh: '上列每个网址均未经权利人许可，复制并向公众提供上述作品。',
        }),
  );

  const h = hostingFacts(c);
  const hostItems: string[] = [];
  const domains = siteDomains(c.infringingUrls);
  if (domains.length > 0) hostItems.push(`${label({ en: 'Website', zh: '侵权网站域名' })}: ${domains.join(', ')}`);
  if (h.ip) hostItems.push(`${label({ en: 'IP address', zh: 'IP地址' })}: ${h.ip}`);
  if (h.cidr) hostItems.push(`${label({ en: 'Network', zh: '网段' })}: ${h.cidr}`);
  if (h.handle) hostItems.push(`${label({ en: 'Network handle', zh: '网络标识' })}: ${h.handle}`);
  if (h.asn !== undefined && h.asn !== '') hostItems.push(`ASN: AS${String(h.asn).replace(/^AS/i, '')}`);
  if (h.icp) hostItems.push(`${label({ en: 'ICP filing', zh: 'ICP备案号' })}: ${h.icp}`);
  if (hostItems.length > 0)
    add('hosting', { en: 'Hosting information', zh: '托管信息' }, [
      ...pick({ en: 'These facts should help you identify the customer concerned:', zh: '以下信息有助于贵司识别相关客户：' }),
      hostItems.join('\n'),
    ]);

  const seen = observedAt(c);
  if (seen || c.evidence.length > 0) {
    const paras = seen
      ? pick({ en: `The infringement was observed on ${utcIso(seen)}.`, zh: `侵权行为的发现时间为${utcIso(seen)}。` })
      : [];
    if (c.evidence.length > 0)
      paras.push(
        ...pick({
          en: 'Evidence was captured as listed below; each artefact is identified by its SHA-256 hash, and copies are available on request or attached.',
          zh: '证据采集情况如下；每份证据均以其 SHA-256 哈希值标识，副本可应要求提供或已随附。',
        }),
      );
    const evItems = c.evidence.map((e) => {
      const parts = [label(EVIDENCE_KIND[e.kind]), `${label({ en: 'captured', zh: '采集时间' })} ${utcIso(e.capturedAt)}`, `SHA-256 ${e.sha256}`];
      if (e.filename.trim()) parts.push(e.filename);
      if (e.url.trim()) parts.push(e.url);
      return parts.join(' — ');
    });
    add('evidence', { en: 'Evidence', zh: '证据' }, paras, evItems);
  }

  // What we ask for, by recipient kind (notice-law.md §11), limited by the regime.
  let measures = c.measures ?? measureFor(c.recipient, { originRemoved: !!c.originRemoved && isCdn(c), withholdSenderDetails: c.withholdSenderDetails });
  if (regime.adjustMeasures) measures = regime.adjustMeasures(measures, c);
  const reqItems = measures.map((m) => label({ en: MEASURE_TEXT.en[m], zh: MEASURE_TEXT.zh[m] }));
  if (c.measureNote.trim()) reqItems.push(c.measureNote);
  add('request', { en: 'Request', zh: '要求采取的措施' }, pick({ en: 'We ask you to:', zh: '我方请求贵司：' }), reqItems);

  if (c.priorNotices.length > 0)
    add(
      'prior',
      { en: 'Earlier notices', zh: '此前通知' },
      pick({ en: 'This notice follows earlier notices about the same material:', zh: '此前我方已就同一内容发出以下通知：' }),
      c.priorNotices.map((p) => [p.date.slice(0, 10), p.recipient, p.id ? `ref. ${p.id}` : ''].filter(Boolean).join(' — ')),
    );

  const ctx = { party, fairUseNote: c.fairUse?.note ?? '' };
  const stmts: string[] = [];
  for (const s of regime.statements) if (!s.when || s.when(c)) stmts.push(...pick({ en: s.text.en(ctx), zh: s.text.zh(ctx) }));
  if (c.originRemoved && isCdn(c)) {
    const how = c.originRemoved.basis === 'removed'
      ? { en: 'The material has been removed from the originating site, or access to it there has been disabled.', zh: '该内容已从源站删除，或其访问已被禁止。' }
      : { en: 'A court has ordered that the material be removed from the originating site, or that access to it be disabled.', zh: '法院已命令从源站删除该内容或禁止对其访问。' };
    stmts.push(...pick(how));
    if (c.originRemoved.detail.trim()) stmts.push(c.originRemoved.detail);
  }
  add('statements', { en: 'Statements', zh: '声明' }, stmts);

  const date = formatLetterDate(c.date ?? utcYmd(opts.now()), lang, regime.dateStyle);
  const signature = lh.signatory.trim() ? `/s/ ${lh.signatory}` : '';
  add('signature', { en: 'Signature', zh: '签署' }, [[signature, lh.signatoryTitle, lh.company, date].filter((s) => s.trim()).join('\n')]);

  const subject = subjectLine(label(regime.subject), c);
  const recipient = { name: recipientName, emails: c.recipient.emails };
  const base = { regime: regimeId, lang, sendable: checklist.sendable, checklist, subject, date, letterhead: lh, recipient, measures, sections };
  const text = renderText(base);
  const byId = (id: SectionId) => sections.find((s) => s.id === id)?.body ?? '';
  const formFields: Record<string, string> = {
    name: lh.company,
    contactName: lh.signatory,
    title: lh.signatoryTitle,
    email: lh.email,
    phone: lh.phone,
    address: lh.address,
    subject,
    workDescription: workItems.join('\n'),
    originalUrls: c.works.map((w) => w.originalUrl).filter((u) => u.trim()).join('\n'),
    infringingUrls: c.infringingUrls.join('\n'),
    explanation: byId('explanation'),
    measure: byId('request'),
    hosting: byId('hosting'),
    evidence: byId('evidence'),
    statements: byId('statements'),
    signature,
    date,
    body: text,
  };
  return { ...base, text, html: renderHtml(base), formFields };
}

/** The distinct hostnames of the infringing URLs (the NCAC form asks for the site's domain), at most 20. */
function siteDomains(urls: string[]): string[] {
  const seen = new Set<string>();
  for (const u of urls) {
    if (seen.size >= 20) break;
    try {
      const host = new URL(u.trim()).hostname;
      if (host) seen.add(host);
    } catch {
      // not a URL; the checklist reports it
    }
  }
  return [...seen];
}

/** A one-line subject: no control or line-separator characters, long titles cut. */
function subjectLine(prefix: string, c: NoticeCase): string {
  const first = c.works[0]?.title ?? '';
  const clean = (s: string) => s.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
  let title = clean(first);
  if (title.length > SUBJECT_TITLE_MAX) title = `${title.slice(0, SUBJECT_TITLE_MAX - 1)}…`;
  const more = c.works.length > 1 ? ` (+${c.works.length - 1})` : '';
  const host = siteDomains(c.infringingUrls)[0] ?? '';
  return [prefix, title ? `${title}${more}` : '', clean(host)].filter(Boolean).join(' – ');
}

/** An ISO instant rewritten in UTC, e.g. 2026-11-25T06:00:00Z; unparsable input is kept as given. */
function utcIso(s: string): string {
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString().replace('.000Z', 'Z');
}
