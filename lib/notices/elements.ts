import { z } from 'zod';
import { hostingFacts, observedAt, type NoticeCase } from './case';
import { serviceKindOf } from './measures';

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

/** Text the user wrote (as opposed to the template's wording), scanned for forbidden content. */
function userText(c: NoticeCase): string {
  return [c.explanation, c.infringementDesc, c.measureNote, c.rightsBasis, c.fairUse?.note ?? ''].join('\n');
}

// Copyright Act s. 41.25(3): no offer to settle, no request for payment or personal information.
const SETTLEMENT_WORDS =
  /\b(settle(ment)?|pay(ment|able)?|paid|compensat\w*|invoice|fees?|damages|remit|wire transfer|bitcoin|licen[cs]e fee|personal information|home address|date of birth)\b|[$€£¥]\s*\d|\b(usd|cad|eur|gbp|rmb)\b|和解|赔偿|支付|付款|汇款|费用|罚款|转账|个人信息|身份证号/i;

/** True when user text contains settlement, payment or personal-data language. */
export function hasSettlementDemand(s: string): boolean {
  return SETTLEMENT_WORDS.test(s);
}

export const ELEMENTS: Record<ElementId, ElementInfo> = {
  signature: {
    name: { en: 'signature', zh: '签名' },
    hint: { en: 'Enter the name of the person signing; it is typed as "/s/ Name".', zh: '请填写签署人姓名。' },
    check: (c) => (filled(c.letterhead.signatory) ? 'ok' : 'missing'),
  },
  sender_identity: {
    name: { en: "sender's name", zh: '权利人名称（真实身份）' },
    hint: { en: 'Enter the legal name of the rights holder (a person or a company).', zh: '请填写权利人的真实名称（个人或公司）。' },
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
      en: 'The sender is not the owner of every work: describe the authorisation (power of attorney) and attach it.',
      zh: '发送人并非全部作品的权利人：请说明授权情况（授权委托书）并附上。',
    },
    check: (c) => {
      const company = c.letterhead.company.trim();
      const agent = c.works.some((w) => filled(w.owner) && w.owner.trim() !== company);
      return !agent || filled(c.authority) ? 'ok' : 'weak';
    },
  },
  id_document: {
    name: { en: 'identity document', zh: '身份证明（身份证或营业执照复印件）' },
    hint: { en: 'Attach a copy of an ID document or business licence and describe it.', zh: '请附上身份证或营业执照复印件并注明。' },
    check: (c) => (filled(c.idDocument) ? 'ok' : 'missing'),
  },
  work_id: {
    name: { en: 'identification of the work', zh: '作品名称' },
    hint: { en: 'List each work by title, with a registration number or the original URL.', zh: '请列明每部作品的名称，并附登记号或原始网址。' },
    check: (c) => {
      if (c.works.length === 0 || c.works.some((w) => !filled(w.title))) return 'missing';
      return c.works.every((w) => filled(w.registration) || filled(w.originalUrl)) ? 'ok' : 'weak';
    },
  },
  rights_basis: {
    name: { en: "claimant's right in the work", zh: '权利依据' },
    hint: { en: 'Name the owner of each work, or state the right or licence relied on.', zh: '请写明每部作品的权利人或所依据的权利。' },
    check: (c) => (filled(c.rightsBasis) || (c.works.length > 0 && c.works.every((w) => filled(w.owner))) ? 'ok' : 'missing'),
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
    hint: { en: "Add the site's ICP filing or licence number if it shows one.", zh: '如网站有ICP备案号或许可证号，请填写。' },
    check: (c) => (filled(hostingFacts(c).icp) ? 'ok' : 'missing'),
  },
  infringement_desc: {
    name: { en: 'description of the infringement', zh: '侵权事实' },
    hint: { en: 'Say how the material infringes (e.g. a full copy of the book offered for download).', zh: '请说明侵权方式（例如提供全书下载）。' },
    check: (c) => (filled(c.infringementDesc) || filled(c.explanation) ? 'ok' : 'weak'),
  },
  explanation: {
    name: { en: 'explanation of why the content is illegal', zh: '侵权理由说明' },
    hint: {
      en: 'Explain, so that a non-lawyer sees it at once, why the content infringes: who owns the work, and how the copy matches the original.',
      zh: '请说明侵权理由，使非专业人士也能立即判断：作品归属以及侵权内容与原作的对应关系。',
    },
    check: (c) => {
      const n = c.explanation.trim().length;
      return n === 0 ? 'missing' : n < 40 ? 'weak' : 'ok';
    },
  },
  evidence_prelim: {
    name: { en: 'preliminary evidence', zh: '构成侵权的初步证据' },
    hint: { en: 'Capture evidence (screenshot, page archive) so its hashes are listed.', zh: '请采集证据（截图、网页存档），以便列出其哈希值。' },
    check: (c) => (c.evidence.length > 0 ? 'ok' : 'missing'),
  },
  datetime_observed: {
    name: { en: 'date and time of the infringement', zh: '发现侵权的时间' },
    hint: { en: 'Capture evidence or enter when the infringement was observed.', zh: '请采集证据或填写发现侵权的时间。' },
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
    hint: { en: 'Confirm the good-faith statement.', zh: '请确认善意声明。' },
    check: (c) => (c.confirmations.goodFaith === false ? 'missing' : 'ok'),
  },
  stmt_accuracy_perjury: {
    name: { en: 'accuracy and authority statement (penalty of perjury)', zh: '准确性及授权声明（伪证罚则）' },
    hint: { en: 'Confirm the accuracy statement; it needs a signatory.', zh: '请确认准确性声明；须有签署人。' },
    check: (c) => (c.confirmations.accuracy === false ? 'missing' : filled(c.letterhead.signatory) ? 'ok' : 'missing'),
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
    hint: { en: 'Confirm that the contents of the notice are true (上記内容が事実に相違ないことを証します).', zh: '请确认通知内容属实。' },
    check: (c) => (c.confirmations.accuracy === false ? 'missing' : 'ok'),
  },
  fair_use_check: {
    name: { en: 'fair-use self-check', zh: '合理使用自查' },
    hint: {
      en: 'Record that you considered whether the use could be fair use before sending (Lenz v. Universal, 9th Cir. 2015).',
      zh: '发送前请记录已考虑该使用是否构成合理使用（Lenz v. Universal 案）。',
    },
    check: (c) => (c.fairUse === undefined ? 'weak' : c.fairUse.considered ? 'ok' : 'missing'),
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
      en: 'Remove any offer to settle, request for payment or for personal information, or link to one.',
      zh: '请删除任何和解要约、付款要求、索取个人信息的内容或相关链接。',
    },
    check: (c) => (hasSettlementDemand(userText(c)) ? 'missing' : 'ok'),
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
      en: 'The undertaking is given by a named person: enter the signatory. Only send if you will file suit and produce a court order within 21 days.',
      zh: '承诺须由具名人员作出：请填写签署人。仅在确将于21日内起诉并提交法院命令时发送。',
    },
    check: (c) => (filled(c.letterhead.signatory) ? 'ok' : 'missing'),
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

/** Recipient predicates regimes use for variant elements. */
export const isSearch = (c: NoticeCase) => serviceKindOf(c.recipient) === 'search';
export const isCdn = (c: NoticeCase) => serviceKindOf(c.recipient) === 'cdn';
