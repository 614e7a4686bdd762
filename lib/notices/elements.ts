import { z } from 'zod';
import { hostingFacts, observedAt, type NoticeCase } from './case';
import { serviceKindOf } from '../model/recipient';
import { findSettlementDemands } from './settlement';

export { hasSettlementDemand } from './settlement';

/** Element ids from notice-law.md §13; a regime declares which of them it needs. */
export const ELEMENT_IDS = [
  'signature',
  'sender_identity',
  'sender_address',
  'sender_contact',
  'sender_email',
  'authority',
  'id_document',
  'work_id',
  'rights_basis',
  'location',
  'link_location',
  'site_ip',
  'icp_number',
  'infringement_desc',
  'explanation',
  'evidence_prelim',
  'datetime_observed',
  'requested_measure',
  'legal_basis',
  'stmt_good_faith',
  'stmt_accuracy_perjury',
  'stmt_bona_fide_accurate_complete',
  'stmt_truthfulness_cn',
  'stmt_truth_jp',
  'stmt_accuracy',
  'stmt_authority',
  'infringed_provision',
  'fair_use_check',
  'origin_removed_stmt',
  'no_settlement_demand',
  'not_exception',
  'uploader_if_known',
  'undertaking_suit',
  'verification_method',
  'written_form',
  'electronic_form',
] as const;
export type ElementId = (typeof ELEMENT_IDS)[number];

export type ElementStatus = 'ok' | 'missing' | 'weak';
export type Check = (c: NoticeCase) => ElementStatus;
export interface Localised {
  en: string;
  zh: string;
}

export interface ElementInfo {
  name: Localised;
  /** Shown when the element is missing or weak: what the user should add. */
  hint: Localised;
  check: Check;
}

const filled = (s: string | undefined) => (s ?? '').trim().length > 0;
const isEmail = (s: string) => z.email().safeParse(s.trim()).success;

/** An http(s) URL a provider can open; anything else cannot locate the material. */
export function isWebUrl(s: string): boolean {
  if (/[\s<>"]/.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

function urlsCheck(c: NoticeCase): ElementStatus {
  let valid = 0;
  for (const u of c.infringingUrls) if (isWebUrl(u.trim())) valid++;
  if (valid === 0) return 'missing';
  return valid === c.infringingUrls.length ? 'ok' : 'weak';
}

/** Company names compared loosely: case, punctuation and legal-form suffixes do not make a different owner. */
export function sameParty(a: string, b: string): boolean {
  const norm = (x: string) =>
    x
      .toLowerCase()
      .replace(/有限责任公司|股份有限公司|有限公司|公司/g, '')
      .replace(
        /\b(ltd|limited|inc|incorporated|llc|llp|plc|gmbh|ag|sa|sas|bv|co|corp|corporation|company|pty|pvt|private|k\.?k|kabushiki kaisha)\b\.?/g,
        '',
      )
      .replace(/[^\p{L}\p{N}]+/gu, '');
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && y.length > 0 && (x === y || x.includes(y) || y.includes(x));
}

/** An agent sends: declared as such, or the works belong to someone other than the letterhead. */
export function agentSends(c: NoticeCase): boolean {
  if (c.agent && filled(c.agent.name)) return true;
  const company = c.letterhead.company.trim();
  return c.works.some((w) => filled(w.owner) && !sameParty(w.owner, company));
}

// An explanation a provider can act on without a "detailed legal examination" (DSA art. 16(3)):
// a bare label such as "Copyright infringement." is not one.
const TRIVIAL =
  /^(this\s+is\s+)?(a\s+)?(clear\s+)?(copyright\s+)?(infringement|infringing(\s+content)?|piracy|pirated(\s+content|\s+copy)?|illegal(\s+content|\s+copy)?|stolen(\s+content)?|unauthori[sz]ed(\s+copy|\s+use)?|copyright(\s+violation)?)[.!]*$/i;
export function explanationStatus(s: string): ElementStatus {
  const t = s.trim();
  if (t.length === 0 || TRIVIAL.test(t)) return 'missing';
  return t.length < 40 ? 'weak' : 'ok';
}

export const ELEMENTS: Record<ElementId, ElementInfo> = {
  signature: {
    name: { en: 'signature', zh: '签名' },
    hint: { en: 'Enter the name of the person signing; it is typed as "/s/ Name".', zh: '请填写签署人姓名。' },
    check: (c) =>
      filled(c.letterhead.signatory) || (filled(c.agent?.name) && filled(c.agent?.contact)) ? 'ok' : 'missing',
  },
  sender_identity: {
    name: { en: "sender's name", zh: '权利人名称（真实身份）' },
    hint: {
      en: 'Enter the legal name of the rights holder (a person or a company).',
      zh: '请填写权利人的真实名称（个人或公司）。',
    },
    check: (c) => (filled(c.letterhead.company) ? 'ok' : 'missing'),
  },
  sender_address: {
    name: { en: "sender's postal address", zh: '权利人地址' },
    hint: { en: 'Enter a full postal address.', zh: '请填写完整的通讯地址。' },
    check: (c) => (filled(c.letterhead.address) ? 'ok' : 'missing'),
  },
  sender_contact: {
    name: { en: "sender's contact details", zh: '权利人联系方式' },
    hint: { en: 'Enter a telephone number and an e-mail address.', zh: '请填写电话和电子邮箱。' },
    check: (c) => {
      const email = filled(c.letterhead.email) && isEmail(c.letterhead.email);
      const phone = filled(c.letterhead.phone);
      if (email && phone) return 'ok';
      return email || phone ? 'weak' : 'missing';
    },
  },
  sender_email: {
    name: { en: "sender's e-mail address", zh: '权利人电子邮箱' },
    hint: { en: 'Enter a valid e-mail address.', zh: '请填写有效的电子邮箱。' },
    check: (c) => (isEmail(c.letterhead.email) ? 'ok' : 'missing'),
  },
  authority: {
    name: { en: "agent's authority", zh: '代理人授权' },
    hint: {
      en: 'An agent sends this notice: attach the power of attorney the rights holder gave for this notice (powerOfAttorney).',
      zh: '本通知由代理人发送：请附上权利人就本次通知单独出具的授权委托书。',
    },
    // A declared agent must attach the per-notice power of attorney; an owner mismatch alone only warns.
    check: (c) => {
      if (c.agent && filled(c.agent.name)) return filled(c.powerOfAttorney) ? 'ok' : 'missing';
      return !agentSends(c) || filled(c.authority) || filled(c.powerOfAttorney) ? 'ok' : 'weak';
    },
  },
  id_document: {
    name: { en: 'identity document', zh: '身份证明（身份证或营业执照复印件）' },
    hint: {
      en: 'Attach a copy of an ID document or business licence and describe it.',
      zh: '请附上身份证或营业执照复印件并注明。',
    },
    check: (c) => (filled(c.idDocument) ? 'ok' : 'missing'),
  },
  work_id: {
    name: { en: 'identification of the work', zh: '作品名称' },
    hint: {
      en: 'List each work by title, with a registration number or the original URL.',
      zh: '请列明每部作品的名称，并附登记号或原始网址。',
    },
    check: (c) => {
      if (c.works.length === 0 || c.works.some((w) => !filled(w.title))) return 'missing';
      return c.works.every((w) => filled(w.registration) || filled(w.originalUrl)) ? 'ok' : 'weak';
    },
  },
  rights_basis: {
    name: { en: "claimant's right in the work", zh: '权利依据' },
    hint: {
      en: 'Name the owner of each work, or state the right or licence relied on.',
      zh: '请写明每部作品的权利人或所依据的权利。',
    },
    check: (c) =>
      filled(c.rightsBasis) || (c.works.length > 0 && c.works.every((w) => filled(w.owner))) ? 'ok' : 'missing',
  },
  location: {
    name: { en: 'location of the infringing material', zh: '侵权内容的网络地址' },
    hint: { en: 'List every infringing URL (http or https).', zh: '请列出每个侵权网址（http 或 https）。' },
    check: urlsCheck,
  },
  link_location: {
    name: { en: 'location of the infringing link', zh: '侵权链接的网络地址' },
    hint: { en: 'List every URL whose search result or link should be removed.', zh: '请列出需断开链接的每个网址。' },
    check: urlsCheck,
  },
  site_ip: {
    name: { en: "site's IP address", zh: '侵权网站IP地址' },
    hint: { en: 'Run the hosting look-up so the IP address is included.', zh: '请进行托管查询以填入IP地址。' },
    check: (c) => (filled(hostingFacts(c).ip) ? 'ok' : 'missing'),
  },
  icp_number: {
    name: { en: 'ICP filing number', zh: 'ICP备案号' },
    hint: {
      en: "Add the site's ICP filing or licence number if it shows one.",
      zh: '如网站有ICP备案号或许可证号，请填写。',
    },
    check: (c) => (filled(hostingFacts(c).icp) ? 'ok' : 'missing'),
  },
  infringement_desc: {
    name: { en: 'description of the infringement', zh: '侵权事实' },
    hint: {
      en: 'Say how the material infringes (e.g. a full copy of the book offered for download).',
      zh: '请说明侵权方式（例如提供全书下载）。',
    },
    check: (c) => (filled(c.infringementDesc) || filled(c.explanation) ? 'ok' : 'weak'),
  },
  explanation: {
    name: { en: 'explanation of why the content is illegal', zh: '侵权理由说明' },
    hint: {
      en: 'Explain, so that a non-lawyer sees it at once, why the content infringes: who owns the work, which right the copy infringes, and how it matches the original. A bare label such as "Copyright infringement." is not enough.',
      zh: '请说明侵权理由，使非专业人士也能立即判断：作品归属、被侵犯的权利以及侵权内容与原作的对应关系。仅写“版权侵权”不足以说明。',
    },
    check: (c) => explanationStatus(c.explanation),
  },
  evidence_prelim: {
    name: { en: 'preliminary evidence', zh: '构成侵权的初步证据' },
    hint: {
      en: 'Capture evidence (screenshot, page archive) of each listed URL: each file is listed as an attachment with its hash.',
      zh: '请对所列每个网址采集证据（截图、网页存档），每份证据将作为附件列出并标明哈希值。',
    },
    // Chinese and Korean practice expects evidence of each listed item: captures naming other URLs only warn.
    check: (c) => {
      if (c.evidence.length === 0) return 'missing';
      const captured = new Set(c.evidence.map((e) => e.url.trim()).filter(Boolean));
      if (captured.size === 0) return 'ok';
      return c.infringingUrls.every((u) => captured.has(u.trim())) ? 'ok' : 'weak';
    },
  },
  datetime_observed: {
    name: { en: 'date and time of the infringement', zh: '发现侵权的时间' },
    hint: {
      en: 'Capture evidence or enter when the infringement was observed.',
      zh: '请采集证据或填写发现侵权的时间。',
    },
    check: (c) => (observedAt(c) ? 'ok' : 'missing'),
  },
  requested_measure: {
    name: { en: 'measure requested', zh: '要求采取的措施' },
    hint: { en: 'Choose at least one measure.', zh: '请至少选择一项措施。' },
    check: (c) => (c.measures && c.measures.length === 0 && !filled(c.measureNote) ? 'missing' : 'ok'),
  },
  legal_basis: {
    name: { en: 'legal basis', zh: '法律依据' },
    hint: { en: 'The letter cites the law it relies on.', zh: '通知书应写明所依据的法律条文。' },
    check: () => 'ok',
  },
  stmt_good_faith: {
    name: { en: 'good-faith statement', zh: '善意声明' },
    hint: {
      en: 'You refused the good-faith statement; the notice cannot go out over your signature until you confirm it.',
      zh: '您拒绝了善意声明；在确认之前，不能以您的名义发出本通知。',
    },
    check: (c) => (c.confirmations.goodFaith === false ? 'missing' : 'ok'),
  },
  stmt_accuracy_perjury: {
    name: { en: 'accuracy and authority statement (penalty of perjury)', zh: '准确性及授权声明（伪证罚则）' },
    hint: { en: 'Confirm the accuracy statement; it needs a signatory.', zh: '请确认准确性声明；须有签署人。' },
    check: (c) =>
      c.confirmations.accuracy === false || c.confirmations.authority === false
        ? 'missing'
        : filled(c.letterhead.signatory)
          ? 'ok'
          : 'missing',
  },
  stmt_bona_fide_accurate_complete: {
    name: { en: 'statement of bona fide belief (accurate and complete)', zh: '善意确信声明（准确完整）' },
    hint: { en: 'Confirm the statement of bona fide belief.', zh: '请确认善意确信声明。' },
    check: (c) => (c.confirmations.accuracy === false || c.confirmations.goodFaith === false ? 'missing' : 'ok'),
  },
  stmt_truthfulness_cn: {
    name: { en: 'truthfulness guarantee', zh: '真实性保证' },
    hint: { en: 'Confirm that you answer for the truth of the notice.', zh: '请确认对通知书的真实性负责。' },
    check: (c) => (c.confirmations.accuracy === false ? 'missing' : 'ok'),
  },
  stmt_truth_jp: {
    name: { en: 'declaration that the contents are true', zh: '内容属实声明' },
    hint: {
      en: 'Confirm that the contents of the notice are true (上記内容が事実に相違ないことを証します).',
      zh: '请确认通知内容属实。',
    },
    check: (c) => (c.confirmations.accuracy === false ? 'missing' : 'ok'),
  },
  stmt_accuracy: {
    name: { en: 'statement that the notice is accurate', zh: '通知内容真实准确的声明' },
    hint: {
      en: 'You refused the accuracy statement; the notice cannot go out over your signature until you confirm it.',
      zh: '您拒绝了真实准确声明；在确认之前，不能以您的名义发出本通知。',
    },
    check: (c) => (c.confirmations.accuracy === false ? 'missing' : 'ok'),
  },
  stmt_authority: {
    name: { en: 'statement of authority to act for the owner', zh: '有权代表权利人行事的声明' },
    hint: {
      en: 'You refused the statement that you are authorised to act for the owner; the notice cannot be sent.',
      zh: '您拒绝了有权代表权利人行事的声明；本通知不能发送。',
    },
    check: (c) => (c.confirmations.authority === false ? 'missing' : 'ok'),
  },
  infringed_provision: {
    name: { en: 'national provision infringed', zh: '被侵犯的成员国法律条款' },
    hint: {
      en: 'Name the national copyright provision infringed (eu.nationalProvision), so that no detailed legal examination is needed.',
      zh: '请写明被侵犯的成员国著作权法条款（eu.nationalProvision），使服务商无需详细法律审查即可判断。',
    },
    check: (c) => (filled(c.eu.nationalProvision) ? 'ok' : 'weak'),
  },
  fair_use_check: {
    name: { en: 'fair-use self-check', zh: '合理使用自查' },
    hint: {
      en: 'Record that you considered whether the use could be fair use before sending (Lenz v. Universal Music Corp., 815 F.3d 1145 (9th Cir. 2016)).',
      zh: '发送前请记录已考虑该使用是否构成合理使用（Lenz v. Universal Music Corp., 815 F.3d 1145（第九巡回法院，2016））。',
    },
    // Lenz requires the assessment before a § 512 notice is sent: no record, no notice.
    check: (c) => (c.fairUse?.considered ? 'ok' : 'missing'),
  },
  origin_removed_stmt: {
    name: { en: 'statement that the origin copy was removed', zh: '源站内容已删除的声明' },
    hint: {
      en: 'A caching provider must purge only once the origin copy is gone or a court ordered it; until then it is asked to forward and disclose the host.',
      zh: '缓存服务商仅在源站内容已删除或有法院命令时才须清除缓存；在此之前仅要求其转送通知并告知源站服务商。',
    },
    check: (c) => (c.originRemoved ? 'ok' : 'weak'),
  },
  no_settlement_demand: {
    name: { en: 'no settlement offer or payment demand', zh: '不含和解或付款要求' },
    hint: {
      en: "Remove any offer to settle, request for payment or for personal information, or link to one, from every field (explanation, measure note, authority, works, URLs). A description of the infringer's own prices may stay; check any amount of money.",
      zh: '请从所有字段（说明、措施备注、授权情况、作品及网址）中删除任何和解要约、付款要求、索取个人信息的内容或相关链接。描述侵权方自身收费的内容可以保留；请核对任何金额表述。',
    },
    // Blocking hits make the element missing; a bare amount of money (maybe the infringer's own price) warns.
    check: (c) => {
      const hits = findSettlementDemands(c);
      return hits.some((h) => h.block) ? 'missing' : hits.length > 0 ? 'weak' : 'ok';
    },
  },
  not_exception: {
    name: { en: 'statement that no statutory exception applies', zh: '不属于法定例外的说明' },
    hint: {
      en: 'Record that you considered whether the use is a permitted act (India: Copyright Act 1957 s. 52, fair dealing) and concluded it is not; add the reasons as a note.',
      zh: '请记录已考虑该使用是否属于法定许可行为（印度《1957年版权法》第52条，合理使用），并认定不属于；可附说明理由。',
    },
    // Same record as the fair-use self-check: absent warns (the signer adopts the printed statement), refused blocks.
    check: (c) => (c.fairUse === undefined ? 'weak' : c.fairUse.considered ? 'ok' : 'missing'),
  },
  uploader_if_known: {
    name: { en: 'details of the uploader, if known', zh: '上传者信息（如已知）' },
    hint: {
      en: 'If you know who uploaded the material, name them in the explanation; the notice otherwise states that the uploader is not known.',
      zh: '如知道上传者，请在侵权理由说明中写明；否则通知书将说明上传者不明。',
    },
    // "If known": the letter always says what is known, so there is nothing to be missing.
    check: () => 'ok',
  },
  undertaking_suit: {
    name: { en: 'undertaking to sue and produce a court order within 21 days', zh: '21日内起诉并提交法院命令的承诺' },
    hint: {
      en: 'The rule 75 route carries an undertaking to sue within 21 days: confirm it (india.undertakeSuit) only if the client has decided to sue, and name the signatory; otherwise use the IT Act s. 79 route.',
      zh: '第75条路径须承诺21日内起诉：仅在客户已决定起诉时确认（india.undertakeSuit），并填写签署人；否则请使用《信息技术法》第79条路径。',
    },
    check: (c) => (c.india.undertakeSuit && filled(c.letterhead.signatory) ? 'ok' : 'missing'),
  },
  verification_method: {
    name: { en: 'how the infringement can be verified', zh: '侵权的核实方法' },
    hint: {
      en: "Give each work's original URL and capture evidence, so the provider can compare the copy with the original.",
      zh: '请填写每部作品的原始网址并采集证据，以便服务商将侵权内容与原作比对。',
    },
    check: (c) => {
      const original = c.works.length > 0 && c.works.every((w) => filled(w.originalUrl));
      const evidence = c.evidence.length > 0;
      return original && evidence ? 'ok' : original || evidence ? 'weak' : 'missing';
    },
  },
  written_form: {
    name: { en: 'written form', zh: '书面形式' },
    hint: { en: 'The notice is produced in writing.', zh: '通知以书面形式作出。' },
    check: () => 'ok',
  },
  electronic_form: {
    name: { en: 'electronic submission', zh: '电子方式提交' },
    hint: { en: 'Submit through the provider’s electronic mechanism.', zh: '请通过服务商的电子渠道提交。' },
    check: () => 'ok',
  },
};

/**
 * Where settlement language is not a statutory element (everywhere but Canada, s. 41.25(3)), the
 * checklist still flags it: a notice to a provider stays neutral and makes no demand on the infringer.
 */
export const NEUTRAL_NOTICE: Localised = {
  en: 'good practice: a notice to a provider makes no demand on the infringer',
  zh: '实务：向服务商发出的通知不向侵权人提出赔偿要求',
};

/** Recipient predicates regimes use for variant elements. */
export const isSearch = (c: NoticeCase) => serviceKindOf(c.recipient) === 'search';
export const isCdn = (c: NoticeCase) => serviceKindOf(c.recipient) === 'cdn';
