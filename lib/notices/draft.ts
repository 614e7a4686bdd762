import { AppError } from '../errors';
import type { LetterLang, RegimeId } from '../model/notice';
import {
  hostingFacts,
  NoticeCaseSchema,
  observedAt,
  type CaseLetterhead,
  type NoticeCase,
  type NoticeCaseInput,
} from './case';
import { isCdn, isSearch, type Localised } from './elements';
import { letterKind, raaApplies, regimeForCase, registrableDomains, type LetterKind } from './frames';
import { EVIDENCE_KIND, evidenceTimeLabel } from './evidence-kinds';
import { formatLetterDate, utcYmd } from './letter-date';
import { beijingTime, utcTime } from './letter-time';
import { serviceKindOf } from '../model/recipient';
import { measureFor, measureText, type MeasureId } from './measures';
import { subjectOf, type Regime } from './regime';
import { SERVICE_TYPE } from './regimes/cn';
import { renderHtml } from './render-html';
import { renderText } from './render-text';
import { suggestRegime } from './suggest';
import { checkCompliance, regimeOf, type ComplianceResult } from './validate';

export type SectionId =
  | 'intro'
  | 'sender'
  | 'agent'
  | 'works'
  | 'infringing'
  | 'explanation'
  | 'hosting'
  | 'evidence'
  | 'request'
  | 'prior'
  | 'statements'
  | 'closing'
  | 'annexes'
  | 'signature';

/** One part of the letter: paragraphs, then an optional numbered list. `body` is the plain-text form. */
export interface NoticeSection {
  id: SectionId;
  /** Empty for the untitled parts (introduction, closing formula, signature). */
  title: string;
  paragraphs: string[];
  items: string[];
  body: string;
  /** Paragraphs after the list (e.g. when the infringement was observed). */
  after?: string[];
  /** The HTML/PDF leaves a slot for the company seal (Chinese 盖章). */
  seal?: boolean;
}

export interface NoticeDraft {
  regime: RegimeId;
  lang: LetterLang;
  /** What kind of letter this is: a statutory notice, a registrar abuse report, or a courtesy request to a conduit. */
  letterKind: LetterKind;
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
const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];

/** A title in Chinese book-title marks, never doubled (《《…》》). */
export const bookTitle = (t: string): string => (/^《.*》$/su.test(t.trim()) ? t.trim() : `《${t.trim()}》`);

/** Drafts a notice from a case. Throws AppError('invalid_input') only for data the schema rejects. */
export function draftNotice(input: NoticeCaseInput, opts: DraftOptions): NoticeDraft {
  const parsed = NoticeCaseSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError(
      'invalid_input',
      `invalid case at ${first?.path.join('.') || '(root)'}: ${first?.message ?? ''}`,
      {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    );
  }
  const c = parsed.data;
  const regimeId = opts.regime ?? regimeOf(c);
  const regime = regimeForCase(c, regimeId);
  const kindOfLetter = letterKind(c, regimeId);
  // A suggested regime comes with its suggested language (a Chinese group abroad gets a bilingual letter).
  const lang =
    opts.lang ?? c.lang ?? (!opts.regime && !c.regime ? suggestRegime(c.recipient).lang : regime.defaultLang);
  const checklist = checkCompliance(c, regimeId, opts.checklistLang ?? lang);
  const china = regimeId === 'cn';

  const pick = (p: Localised): string[] => (lang === 'en' ? [p.en] : lang === 'zh' ? [p.zh] : [p.zh, p.en]);
  const label = (p: Localised): string =>
    lang === 'en' ? p.en : lang === 'zh' || p.zh === p.en ? p.zh : `${p.zh} / ${p.en}`;
  // Full-width colon in Chinese; the bilingual label keeps it after the Chinese-first pair.
  const colon = lang === 'en' ? ': ' : '：';
  const line = (l: Localised, v: string) => `${label(l)}${colon}${v}`;
  const sections: NoticeSection[] = [];
  const add = (
    id: SectionId,
    title: Localised | '',
    paragraphs: string[],
    items: string[] = [],
    extra: Partial<NoticeSection> = {},
  ) => {
    const list = items.map((it, i) => `${i + 1}. ${it}`).join('\n');
    const body = [...paragraphs, ...(list ? [list] : []), ...(extra.after ?? [])].join('\n\n');
    sections.push({ id, title: title ? label(title) : '', paragraphs, items, body, ...extra });
  };

  const lh = c.letterhead;
  const holder = lh.company.trim() || lh.signatory.trim();
  const agent = c.agent?.name.trim() ?? '';
  const basis = regime.legalBasis(c);
  const kind = serviceKindOf(c.recipient);
  const recipientName = c.recipient.name.trim();
  const h = hostingFacts(c);
  const hosts = siteDomains(c.infringingUrls);
  const domains = registrableDomains(c.infringingUrls);

  // Attachments, numbered once so every section can point at them (NCAC form: 附件 actually attached).
  const annexes: { key: string; text: Localised }[] = [];
  const plain = (s: string): Localised => ({ en: s, zh: s });
  if (c.idDocument.trim()) annexes.push({ key: 'id', text: plain(c.idDocument.trim()) });
  if (c.ownershipProof.trim()) annexes.push({ key: 'ownership', text: plain(c.ownershipProof.trim()) });
  c.evidence.forEach((e, i) => {
    const k = EVIDENCE_KIND[e.kind];
    const f = e.filename.trim();
    annexes.push({
      key: `evidence-${i}`,
      text: { en: `${k.en}${f ? ` (${f})` : ''}`, zh: `${k.zh}${f ? `（${f}）` : ''}` },
    });
  });
  if (c.powerOfAttorney.trim()) annexes.push({ key: 'poa', text: plain(c.powerOfAttorney.trim()) });
  const see = (key: string): Localised => {
    const n = annexes.findIndex((a) => a.key === key) + 1;
    return n > 0 ? { en: ` (Enclosure ${n})`, zh: `（见附件${n}）` } : { en: '', zh: '' };
  };

  // Introduction: who writes, under which law, and what is asked of this kind of recipient.
  const intro: string[] = [];
  if (lang !== 'en' && recipientName) intro.push(`${recipientName}：`);
  const facts = { holder, agent, basis, kind, hosts, domains, ip: h.ip, icp: h.icp };
  intro.push(...introParagraphs(c, regime, kindOfLetter, facts).flatMap(pick));
  if (regime.introNotes) intro.push(...regime.introNotes(c).flatMap(pick));
  add('intro', '', intro);

  // The rights holder's identity and contact details (权利人), then the agent's (代理人) if one sends.
  // Each row is [label, value, attachment it points to]; empty values are left out.
  type Row = [Localised, string, string?];
  const block = (rows: Row[]) =>
    rows
      .filter(([, v]) => v.trim())
      .map(([l, v, annex]) => {
        const ref = annex ? see(annex) : { en: '', zh: '' };
        return line(l, `${v}${lang === 'en' ? ref.en : ref.zh}`);
      })
      .join('\n');
  const contactPerson = [lh.signatory, lh.signatoryTitle].filter((s) => s.trim()).join(lang === 'en' ? ', ' : '，');
  const senderRows: Row[] = [
    [{ en: 'Name', zh: '名称' }, lh.company],
    [{ en: 'Unified social credit code', zh: '统一社会信用代码' }, lh.creditCode],
    [{ en: 'Legal representative', zh: '法定代表人' }, lh.legalRep],
    [{ en: 'Address', zh: '住所及通讯地址' }, lh.address],
    // With an agent, the signatory is the agent's person and is named in the agent block.
    [{ en: 'Contact person', zh: '联系人' }, agent ? '' : contactPerson],
    [{ en: 'Telephone', zh: '电话' }, lh.phone],
    [{ en: 'E-mail', zh: '电子邮箱' }, lh.email],
    [{ en: 'Identity document', zh: '身份证明' }, c.idDocument, 'id'],
    [{ en: 'Authority to act', zh: '授权情况' }, agent ? '' : c.authority, 'poa'],
  ];
  const senderBlock = block(senderRows);
  const senderTitle = { en: kindOfLetter === 'notice' ? 'Complaining party' : 'Rights holder', zh: '权利人信息' };
  add('sender', senderTitle, senderBlock ? [senderBlock] : []);
  if (c.agent && agent) {
    const a = c.agent;
    const agentBlock = block([
      [{ en: 'Name', zh: '名称' }, a.name],
      [{ en: 'Address', zh: '地址' }, a.address],
      [{ en: 'Contact person', zh: '联系人' }, a.contact],
      [{ en: 'Telephone', zh: '电话' }, a.phone],
      [{ en: 'E-mail', zh: '电子邮箱' }, a.email],
      [{ en: 'Power of attorney', zh: '授权委托书' }, c.powerOfAttorney || c.authority, 'poa'],
    ]);
    add('agent', { en: 'Agent', zh: '代理人信息' }, [agentBlock]);
  }

  // The works, with registration numbers and original URLs, and the proof of ownership.
  const workItems = c.works.map((w) => {
    const en = [w.title];
    const zh = [bookTitle(w.title)];
    const part = (l: Localised, v: string) => {
      if (!v.trim()) return;
      en.push(`${l.en}: ${v}`);
      zh.push(`${l.zh}：${v}`);
    };
    part({ en: 'owner', zh: '权利人' }, w.owner);
    part({ en: 'registration', zh: '登记号' }, w.registration);
    part({ en: 'original', zh: '原始网址' }, w.originalUrl);
    return label({ en: en.join(' — '), zh: zh.join('；') });
  });
  const worksParas = c.rightsBasis.trim() ? [c.rightsBasis] : [];
  if (c.ownershipProof.trim())
    worksParas.push(
      ...pick({
        en: `Proof of ownership: ${c.ownershipProof.trim()}${see('ownership').en}.`,
        zh: `权属证明：${c.ownershipProof.trim()}${see('ownership').zh}。`,
      }),
    );
  add('works', { en: 'Copyrighted works', zh: china ? '权利作品及权属证明' : '权利作品' }, worksParas, workItems);

  // Every infringing URL, numbered; hundreds are fine. When it was seen, in the reader's time.
  const link = isSearch(c);
  const n = c.infringingUrls.length;
  const seen = observedAt(c);
  const infringingParas = pick(
    link
      ? {
          en: `The following ${n} URL(s) link to infringing copies of the works:`,
          zh: `以下${n}个网址链接至上述作品的侵权复制件：`,
        }
      : { en: `The infringing material is at the following ${n} URL(s):`, zh: `侵权内容位于以下${n}个网址：` },
  );
  const seenParas = seen
    ? pick(
        regimeId === 'ca-notice'
          ? {
              en: `Date and time of the claimed infringement: ${utcTime(seen)}.`,
              zh: `所主张侵权行为的日期和时间：${beijingTime(seen)}。`,
            }
          : {
              en: `The infringement was observed on ${utcTime(seen)}.`,
              zh: `我司于${beijingTime(seen)}发现上述侵权行为。`,
            },
      )
    : [];
  add(
    'infringing',
    link ? { en: 'Infringing links', zh: '侵权链接' } : { en: 'Infringing material', zh: '侵权内容及其网络地址' },
    infringingParas,
    c.infringingUrls,
    {
      after: seenParas,
    },
  );

  // Why it infringes: the user's own words, else a plain statement of the claim; then the right infringed.
  const why = [c.explanation, c.infringementDesc].filter((s) => s.trim());
  const whyParas =
    why.length > 0
      ? why
      : pick({
          en: 'Each listed URL reproduces and makes available to the public a copy of the works above without the authorisation of the rights holder.',
          zh: '上列每个网址均未经权利人许可，复制并向公众提供上述作品。',
        });
  if (regime.explanationNotes) whyParas.push(...regime.explanationNotes(c).flatMap(pick));
  add('explanation', { en: 'Explanation', zh: '侵权事实与理由' }, whyParas);

  const hostItems: string[] = [];
  if (hosts.length > 0) hostItems.push(line({ en: 'Website', zh: '侵权网站域名' }, hosts.join(', ')));
  if (h.ip) hostItems.push(line({ en: 'IP address', zh: 'IP地址' }, h.ip));
  if (h.cidr) hostItems.push(line({ en: 'Network', zh: '网段' }, h.cidr));
  if (h.handle) hostItems.push(line({ en: 'Network handle', zh: '网络标识' }, h.handle));
  if (h.asn !== undefined && h.asn !== '') hostItems.push(`ASN${colon}AS${String(h.asn).replace(/^AS/i, '')}`);
  if (h.icp) hostItems.push(line({ en: 'ICP filing', zh: 'ICP备案号' }, h.icp));
  if (hostItems.length > 0)
    add('hosting', { en: 'Hosting information', zh: '侵权网站信息' }, [
      ...pick(
        kind === 'registrar' || kind === 'search' || kind === 'cdn'
          ? { en: 'For reference, the website is served as follows:', zh: '供参考，该网站的托管信息如下：' }
          : {
              en: 'These facts identify the server and the customer concerned:',
              zh: '以下信息可用于识别相关服务器及客户：',
            },
      ),
      hostItems.join('\n'),
    ]);

  if (c.evidence.length > 0) {
    const paras = pick({
      en: 'The following evidence of the infringement is attached; each file is identified by its SHA-256 hash:',
      zh: '我司随本通知附上下列构成侵权的初步证据，各文件以SHA-256哈希值标识：',
    });
    const evItems = c.evidence.map((e, i) => {
      const k = EVIDENCE_KIND[e.kind];
      const at = evidenceTimeLabel(e.kind);
      const ref = see(`evidence-${i}`);
      const en = [k.en, `${at.en} ${utcTime(e.capturedAt)}`, `SHA-256 ${e.sha256}`];
      const zh = [k.zh, `${at.zh}：${beijingTime(e.capturedAt)}`, `SHA-256：${e.sha256}`];
      if (e.filename.trim()) {
        en.push(e.filename);
        zh.push(`文件：${e.filename}`);
      }
      if (e.url.trim()) {
        en.push(e.url);
        zh.push(`网址：${e.url}`);
      }
      return label({ en: `${en.join(' — ')}${ref.en}`, zh: `${zh.join('；')}${ref.zh}` });
    });
    add('evidence', { en: 'Evidence', zh: '构成侵权的初步证据' }, paras, evItems);
  }

  // What we ask for, by recipient kind and regime (measures.ts), limited by the regime.
  let measures =
    c.measures ??
    measureFor(c.recipient, {
      regime: regimeId,
      originRemoved: !!c.originRemoved && isCdn(c),
      withholdSenderDetails: c.withholdSenderDetails,
    });
  if (regime.adjustMeasures) measures = regime.adjustMeasures(measures, c);
  const reqItems = measures.map((m) => label(measureText(m, { regime: regimeId, kind })));
  if (c.measureNote.trim()) reqItems.push(c.measureNote);
  add(
    'request',
    { en: 'Request', zh: '请求贵司采取的措施' },
    pick({ en: 'We ask you to:', zh: '我司请求贵司：' }),
    reqItems,
  );

  if (c.priorNotices.length > 0)
    add(
      'prior',
      { en: 'Earlier notices', zh: '此前通知' },
      pick({
        en: 'This notice follows earlier notices about the same material:',
        zh: '此前我司已就同一内容发出以下通知：',
      }),
      c.priorNotices.map((p) =>
        [p.date.slice(0, 10), p.recipient, p.id ? `ref. ${p.id}` : ''].filter(Boolean).join(' — '),
      ),
    );

  const ctx = { party: holder, signer: signerOf(c), fairUseNote: c.fairUse?.note ?? '', case: c };
  const stmts: string[] = [];
  for (const s of regime.statements)
    if (!s.when || s.when(c)) stmts.push(...pick({ en: s.text.en(ctx), zh: s.text.zh(ctx) }));
  if (c.originRemoved && isCdn(c)) {
    const how =
      c.originRemoved.basis === 'removed'
        ? {
            en: 'The material has been removed from the originating site, or access to it there has been disabled.',
            zh: '该内容已从源站删除，或源站已禁止对其访问。',
          }
        : {
            en: 'A court has ordered that the material be removed from the originating site, or that access to it be disabled.',
            zh: '法院已责令从源站删除该内容或禁止对其访问。',
          };
    stmts.push(...pick(how));
    if (c.originRemoved.detail.trim()) stmts.push(c.originRemoved.detail);
  }
  // A bilingual letter says which text prevails: Chinese for a Chinese notice, English elsewhere.
  if (lang === 'zh-en')
    stmts.push(
      ...pick(
        china
          ? { en: 'The Chinese text of this notice prevails.', zh: '本通知以中文文本为准。' }
          : { en: 'The English text of this notice prevails.', zh: '本通知以英文文本为准。' },
      ),
    );
  add('statements', { en: 'Statements', zh: china ? '保证声明' : '声明' }, stmts);

  if (lang !== 'en') add('closing', '', [kindOfLetter === 'notice' ? '特此通知。' : '特此函告。']);
  if (annexes.length > 0)
    add(
      'annexes',
      { en: 'Enclosures', zh: '附件' },
      [],
      annexes.map((a) => label(a.text)),
    );

  // Signature: "/s/" is the US e-signature convention only; a Chinese notice is sealed and signed.
  const date = formatLetterDate(c.date ?? utcYmd(opts.now()), lang, regime.dateStyle);
  const signer = signerOf(c);
  const us = regimeId === 'us-dmca';
  let sigLines: string[];
  if (china) {
    sigLines = agent
      ? [
          line({ en: 'Agent (seal)', zh: '代理人（盖章）' }, agent),
          line({ en: 'Authorised representative (signature)', zh: '授权代表（签字）' }, signer),
          line({ en: 'On behalf of the rights holder', zh: '代表权利人' }, holder),
        ]
      : [
          line({ en: 'Rights holder (seal)', zh: '权利人（盖章）' }, holder),
          line(
            { en: 'Legal representative or authorised representative (signature)', zh: '法定代表人或授权代表（签字）' },
            signer,
          ),
        ];
    sigLines.push(date);
  } else {
    const on = agent ? label({ en: `${agent}, for ${holder}`, zh: `${agent}（代表${holder}）` }) : lh.company;
    sigLines = [us && signer ? `/s/ ${signer}` : signer, lh.signatoryTitle, on, date].filter((s) => s.trim());
  }
  add('signature', '', [sigLines.join('\n')], [], china ? { seal: true } : {});

  // Section numbers the Chinese way (一、二、…), as the NCAC form and Chinese practice number them.
  if (lang !== 'en') {
    let i = 0;
    for (const s of sections) {
      if (!s.title || s.id === 'annexes') continue;
      s.title = `${ZH_NUMERALS[i] ?? String(i + 1)}、${s.title}`;
      i++;
    }
  }

  const subject = subjectLine(label(subjectOf(regime, c)), c, kindOfLetter !== 'abuse_report', lang === 'zh');
  const recipient = { name: recipientName, emails: c.recipient.emails };
  const base = {
    regime: regimeId,
    lang,
    sendable: checklist.sendable,
    checklist,
    subject,
    date,
    letterhead: lh,
    recipient,
    measures,
    sections,
  };
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
    originalUrls: c.works
      .map((w) => w.originalUrl)
      .filter((u) => u.trim())
      .join('\n'),
    infringingUrls: c.infringingUrls.join('\n'),
    explanation: byId('explanation'),
    measure: byId('request'),
    hosting: byId('hosting'),
    evidence: byId('evidence'),
    statements: byId('statements'),
    signature: us && signer ? `/s/ ${signer}` : signer,
    date,
    body: text,
  };
  return { ...base, letterKind: kindOfLetter, text, html: renderHtml(base), formFields };
}

interface IntroFacts {
  holder: string;
  agent: string;
  basis: Localised;
  kind: ReturnType<typeof serviceKindOf>;
  hosts: string[];
  domains: string[];
  ip?: string;
  icp?: string;
}

/**
 * The opening paragraphs. Each kind of recipient is told only what is true of it and what is
 * asked of it: a host that the material is on its system, a search engine that its results link
 * to it, a CDN that the site is served through its network. Never "made available through your
 * services" to all, never a concession of what the provider cannot do.
 */
function introParagraphs(c: NoticeCase, regime: Regime, kind: LetterKind, f: IntroFacts): Localised[] {
  // 我司 is defined once, on first mention, and used throughout the Chinese text.
  const who = f.agent
    ? { en: `${f.agent}, acting for ${f.holder},`, zh: `${f.agent}（以下简称“我司”）受${f.holder}委托，` }
    : { en: f.holder, zh: `${f.holder}（以下简称“我司”）` };
  const domainList = (f.domains.length > 0 ? f.domains : f.hosts).join(', ');
  if (kind === 'abuse_report') {
    const registry = c.recipient.role === 'registry';
    const raa = raaApplies(c);
    return [
      {
        en: `You are the ${registry ? 'registry operator for' : 'sponsoring registrar of'} the domain name ${domainList}. The website at that domain name makes available unauthorised copies of the works listed below, in which ${f.holder} owns the copyright${f.agent ? `; ${f.agent} reports this on its behalf` : ''}. This is a report under ${f.basis.en}.${raa ? ' We do not ask you to treat it as "DNS Abuse" as defined in the RAA as amended in 2024.' : ''} We ask you to act on the domain name, not to remove content, which you do not host.`,
        zh: `贵司是域名${domainList}的${registry ? '注册局' : '注册商'}。该域名下的网站未经许可提供下列作品的复制件，${f.agent ? `${f.holder}享有该等作品的著作权；${f.agent}（以下简称“我司”）受其委托提交本举报` : `${f.holder}（以下简称“我司”）享有该等作品的著作权`}。本函系依据${f.basis.zh}提交的举报。${raa ? '我司并不要求贵司将其作为2024年修订的《注册商认证协议》所定义的“DNS滥用”处理。' : ''}我司请求贵司就该域名采取措施，而非删除贵司并不托管的内容。`,
      },
    ];
  }
  if (kind === 'courtesy')
    return [
      {
        en: `This is a courtesy request to you as the provider of network connectivity for the address listed below${f.basis.en ? ` (${f.basis.en})` : ''}. ${who.en} asks you to pass it to the customer who hosts the infringing copies of the works identified below.`,
        zh: `贵司为下列地址提供网络接入服务${f.basis.zh ? `（${f.basis.zh}）` : ''}。${who.zh}特此提出协助请求：请将本函转交托管下列作品侵权复制件的客户。`,
      },
    ];

  if (regime.id === 'cn') return chineseIntro(c, f);

  const publication = regime.id === 'jp' && c.japan.right === 'publication';
  const noun = regime.id === 'ca-notice' ? 'this notice of claimed infringement' : 'notice';
  const nounZh = regime.id === 'ca-notice' ? '本侵权主张通知' : '本通知';
  const opening = {
    en: `${who.en} gives you ${noun} under ${f.basis.en}.`,
    zh: `${who.zh}依据${f.basis.zh}，向贵司发出${nounZh}。`,
  };
  let role: Localised;
  if (f.kind === 'search')
    role = {
      en: 'The URLs listed below, which appear in your search results, link to infringing copies of the works identified in this notice.',
      zh: '贵司搜索结果中的下列网址链接至本通知所列作品的侵权复制件。',
    };
  else if (f.kind === 'cdn')
    role = {
      en: `The website at ${f.hosts.join(', ') || 'the listed URLs'} is served through your network, which transmits and may cache the infringing material identified in this notice.`,
      zh: `${f.hosts.join('、') || '所列网址'}网站经由贵司网络提供服务，贵司网络传输并可能缓存本通知所列侵权内容。`,
    };
  else if (f.kind === 'network')
    role = {
      en: 'You provide the means of telecommunication through which the electronic location identified below is accessible.',
      zh: '贵司为访问下列电子位置提供电信传输手段。',
    };
  else
    role = {
      en: `The material listed below infringes ${publication ? 'the publication right (出版権)' : 'the copyright'} in the works identified in this notice and is stored on ${f.kind === 'cloud' ? 'a server you provide to a customer' : 'a system or network you operate'}.`,
      zh: `下列内容侵犯本通知所列作品的${publication ? '出版权' : '著作权'}，存储于${f.kind === 'cloud' ? '贵司向客户提供的服务器' : '贵司运营的系统或网络'}中。`,
    };
  return [{ en: `${opening.en} ${role.en}`, zh: `${opening.zh}${role.zh}` }];
}

/** The opening of a Chinese notice, in the form Chinese platforms and courts expect (see the review's model letter). */
function chineseIntro(c: NoticeCase, f: IntroFacts): Localised[] {
  const facts: Localised[] = [];
  if (f.ip) facts.push({ en: `IP address ${f.ip}`, zh: `IP地址${f.ip}` });
  if (f.hosts.length > 0) facts.push({ en: `domain ${f.hosts.join(', ')}`, zh: `域名${f.hosts.join('、')}` });
  if (f.icp) facts.push({ en: `ICP filing ${f.icp}`, zh: `ICP备案号${f.icp}` });
  const factsEn = facts.length > 0 ? ` (${facts.map((x) => x.en).join(', ')})` : '';
  const factsZh = facts.length > 0 ? `（${facts.map((x) => x.zh).join('，')}）` : '';
  const where: Localised =
    f.kind === 'cloud'
      ? {
          en: `the website run on the cloud server you rent out${factsEn}`,
          zh: `贵司提供云服务器租赁服务的服务器${factsZh}上运行的网站`,
        }
      : f.kind === 'search'
        ? {
            en: `the web pages to which the links listed below in your search results point${factsEn}`,
            zh: `贵司搜索结果中下列链接所指向的网页${factsZh}`,
          }
        : f.kind === 'cdn'
          ? {
              en: `the website served through your content delivery network${factsEn}`,
              zh: `经贵司内容分发网络提供服务的网站${factsZh}`,
            }
          : {
              en: `the content listed below, stored on your service${factsEn}`,
              zh: `贵司服务中存储的下列内容${factsZh}`,
            };
  const holderZh = f.agent ? '权利人' : '我司';
  const first: Localised = f.agent
    ? {
        en: `${f.agent} ("we") acts for ${f.holder} (the "rights holder"), which holds the copyright in the works listed below, and gives you this notice on its behalf.`,
        zh: `${f.agent}（以下简称“我司”）受${f.holder}（以下简称“权利人”）委托，代表权利人向贵司发出本通知。权利人系下列作品的著作权人。`,
      }
    : {
        en: `${f.holder} ("we") holds the copyright in the works listed below.`,
        zh: `${f.holder}（以下简称“我司”）系下列作品的著作权人。`,
      };
  const t = SERVICE_TYPE[f.kind];
  const found: Localised = {
    en: `We have found that ${where.en} makes the works available to the public over the information network without ${f.agent ? "the rights holder's" : 'our'} authorisation, infringing ${f.agent ? 'its' : 'our'} copyright.${t ? ` We believe the service you provide for this material is ${t.en}.` : ''}`,
    zh: `经查，${where.zh}未经${holderZh}许可，通过信息网络向公众提供下列作品，侵犯了${holderZh}享有的著作权。${t ? `我司认为，贵司就上述内容提供的服务类型为${t.zh}。` : ''}`,
  };
  const under: Localised = {
    en: `Under ${f.basis.en}, we give you this notice, as follows:`,
    zh: `根据${f.basis.zh}的规定，我司特向贵司发出本通知，具体事项如下：`,
  };
  return [first, found, under];
}

/** The natural person who signs: the agent's contact when an agent sends, else the letterhead's signatory. */
export function signerOf(c: NoticeCase): string {
  return (c.agent?.name.trim() && c.agent.contact.trim()) || c.letterhead.signatory.trim();
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
function subjectLine(prefix: string, c: NoticeCase, withHost: boolean, zh: boolean): string {
  const first = c.works[0]?.title ?? '';
  const clean = (s: string) =>
    s
      .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  let title = clean(first);
  if (title.length > SUBJECT_TITLE_MAX) title = `${title.slice(0, SUBJECT_TITLE_MAX - 1)}…`;
  const more = c.works.length > 1 ? ` (+${c.works.length - 1})` : '';
  const host = withHost ? (siteDomains(c.infringingUrls)[0] ?? '') : '';
  // Chinese: the work in book-title marks, the details in full-width brackets.
  if (zh) {
    const detail = [title ? `${bookTitle(title)}${more}` : '', clean(host)].filter(Boolean).join('，');
    return detail ? `${clean(prefix)}（${detail}）` : clean(prefix);
  }
  return [clean(prefix), title ? `${title}${more}` : '', clean(host)].filter(Boolean).join(' – ');
}
