import type { NoticeCase } from './case';

/**
 * Canada, Copyright Act s. 41.25(3) (in force 13 Dec 2018): a notice of claimed infringement
 * must not contain (a) an offer to settle, (b) a request or demand for payment or for personal
 * information, or (c) a reference, including by hyperlink, to such an offer, request or demand.
 * Elsewhere a notice to a provider stays neutral too (a 通知 is not a 律师函).
 *
 * The scan reads every field the user wrote, sentence by sentence. It blocks the evasive forms
 * (docs/notice-decisions.md §3: "resolve this claim … retroactive licence", "amicable resolution", a
 * /settle-now link, "reply with the subscriber's name and address") but lets through a
 * description of the infringer's own business ("sells VIP access for a monthly fee"): a payment
 * word alone is not a demand; it becomes one when addressed to the reader or paid to the sender.
 * A bare amount of money with no demand around it is reported for review, not blocked.
 */

export interface SettlementHit {
  field: string;
  excerpt: string;
  kind: 'settlement' | 'payment' | 'personal_information' | 'link';
  /** False for a hit that may be innocent (a bare amount of money): the checklist warns instead of blocking. */
  block: boolean;
}

/** One case-insensitive pattern from alternatives, so each stays readable on its own line. */
const anyOf = (...parts: string[]) => new RegExp(parts.join('|'), 'i');

// (a) Offers to settle, however worded.
const SETTLE = [
  /\bsettl(e|es|ed|ing|ement)\b/i,
  /\bamicabl[ey]\b/i,
  /\bout[- ]of[- ]court\b/i,
  /\bavoid(ing)?\s+(any\s+|further\s+)?(legal\s+action|(a\s+)?lawsuits?|litigation|court|proceedings|being\s+sued|legal\s+proceedings)\b/i,
  /\b(resolv\w*|resolution|clos(e|ing))\s+(of\s+)?(this|the|your|our)\s+(claim|matter|dispute|case|complaint)\b/i,
  /\bresolv\w*\s+(this|it)\s+(quickly|now|today|easily|amicably)\b/i,
  /\b(retroactive|retrospective|back[- ]dated)\s+licen[cs]\w*/i,
  /\b(make|making)\s+(this|it)\s+go\s+away\b/i,
  /\b(drop|withdraw|waive)\w*\s+(the|this|our|any|further)\s+(claim|action|complaint|proceedings)\s+(if|once|upon|provided)\b/i,
  /\bregulari[sz]\w*\s+(your|the|their)\s+(use|position|situation|account)\b/i,
  /\b(commercial|licensing)\s+(arrangement|solution|discussion|offer)\b/i,
  /和解|私了|调解金|庭外|撤回投诉.{0,10}(如|若)|补办授权|补签授权|购买授权|授权费|赔偿|补偿金|罚款/,
];

// (b) Payment, when demanded of the reader or paid to the sender.
const CURRENCY = '(usd|cad|eur|gbp|rmb|cny)';
const PAYMENT_WORD = anyOf(
  '\\b(pay|pays|paid|paying|payment|remit\\w*|purchas\\w*|buy|invoice\\w*|fees?|fines?|owe[sd]?|compensat\\w*|damages)\\b',
  '\\b(amount\\s+(owing|owed|due)|dollars?|wire|transfer|bitcoin|licen[cs]e\\s+fee)\\b',
  '[$€£¥]\\s*\\d',
  `\\b\\d[\\d,.]*\\s*(${CURRENCY.slice(1, -1)}|dollars?)\\b`,
  `\\b${CURRENCY}\\s*\\d`,
);
const DEMAND_CONTEXT = anyOf(
  '\\b(you|your|yours|please|must|shall|required?|requir\\w+|demand\\w*|request\\w*|expect\\w*|invit\\w*|owe)\\b',
  '\\b(contact\\s+us|reply|respond|within\\s+\\d+|to\\s+us|us\\s+at)\\b',
  '\\bour\\s+(account|office|website|store|shop|portal|page)\\b',
  '请|须|应当|务必|贵司|你方|您',
);
const LICENCE_IMPERATIVE = anyOf(
  '\\b(please|you\\s+(can|may|should|must|could|will\\s+need\\s+to|need\\s+to))\\s+(\\w+\\s+){0,3}' +
    '(obtain|take\\s+out|purchase|buy|acquire|get)\\s+(a\\s+|an\\s+)?(\\w+\\s+)?licen[cs]\\w*',
);
// An imperative that opens a sentence ("Remit CAD 250 …", "Pay …"), or a payment owed to us.
const PAY_IMPERATIVE = anyOf(
  '^\\s*(please\\s+)?(pay|remit|wire|transfer|send\\s+(us\\s+)?(the\\s+)?(payment|money|funds|fee))\\b',
  '\\b(pay|compensat\\w*|remit|reimburs\\w*|indemnif\\w*)\\s+us\\b',
);
const MONEY = anyOf(
  '[$€£¥]\\s*\\d',
  `\\b\\d[\\d,.]*\\s*(${CURRENCY.slice(1, -1)}|dollars?)\\b`,
  `\\b${CURRENCY}\\s*\\d`,
  '\\d+\\s*元',
);
const PAYMENT_ZH = anyOf(
  '(支付|付款|汇款|转账|缴纳|交纳).{0,20}(我司|我方|本公司|权利人|费用|款项)',
  '(向|给)(我司|我方|本公司|权利人).{0,10}(支付|付款|汇款|转账)',
);

// (b) Personal information about the subscriber, uploader or operator.
const PERSON =
  '(subscriber|customer|user|uploader|account[- ]holder|site\\s+operator|operator|registrant|poster|infringer|' +
  'owner\\s+of\\s+the\\s+(site|account))';
const DETAIL =
  '(name|names|address|addresses|identity|identities|details|e-?mail|phone|telephone|contact|date\\s+of\\s+birth|personal)';
const PERSONAL = [
  new RegExp(`\\b${PERSON}'?s?\\s+(full\\s+|legal\\s+|real\\s+|true\\s+)?${DETAIL}`, 'i'),
  new RegExp(`\\b${DETAIL}\\s+(and\\s+\\w+\\s+)?of\\s+(the|this|that|your)\\s+${PERSON}`, 'i'),
  new RegExp(`\\b(identify|unmask|reveal|disclose)\\s+(the|this|that|your)\\s+${PERSON}`, 'i'),
  new RegExp(`\\bwho\\s+(the\\s+)?${PERSON}\\s+is\\b`, 'i'),
  /\bpersonal\s+(information|data|details)\b/i,
  /\b(home|mailing|postal|residential)\s+address\b/i,
  /\bdate\s+of\s+birth\b/i,
  /\b(social\s+insurance|sin)\s+number\b/i,
  // Chinese: asked for (提供/告知/披露…), not merely mentioned ("向用户提供下载地址" is a description).
  /个人信息|身份证号|(提供|告知|披露|回复|发送).{0,8}(用户|客户|上传者|经营者|注册人)?.{0,4}(姓名|住址|身份信息|联系方式|电话号码)/,
];

// (c) A link to a settlement, payment or data-collection page.
const LINK_PATH = anyOf(
  '\\/[^\\s]*(settle|settlement|pay|payment|checkout|invoice|resolve|resolution|amnesty|fine|claim-?form)',
  '\\/[^\\s]*(retro|licen[cs]e-?now|buy-?licen|compensat|personal-?data|identify)',
);
const URL_RE = /\bhttps?:\/\/[^\s<>"')]+/gi;

/** Splits text into sentences so a payment word and a demand must meet in the same sentence. */
function sentences(s: string): string[] {
  return s.split(/(?<=[.!?;])\s+|(?<=[。！？；])\s*|\n+/).filter((x) => x.trim());
}

function hostOf(u: string): string {
  try {
    return new URL(u).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Hits in one piece of text; links to the infringing site itself (its own paywall) are not the sender's demand. */
export function scanText(
  text: string,
  field: string,
  infringingHosts: ReadonlySet<string> = new Set(),
): SettlementHit[] {
  const hits: SettlementHit[] = [];
  const add = (kind: SettlementHit['kind'], excerpt: string, block = true) =>
    hits.push({ field, excerpt: excerpt.trim().slice(0, 160), kind, block });
  for (const u of text.match(URL_RE) ?? []) {
    if (infringingHosts.has(hostOf(u))) continue;
    let path = u;
    try {
      const parsed = new URL(u);
      path = `${parsed.pathname}${parsed.search}`;
    } catch {
      // a malformed URL is scanned as written
    }
    if (LINK_PATH.test(path) || /[?&](case|claim|ticket|settle\w*)=/i.test(path)) add('link', u);
  }
  for (const s of sentences(text)) {
    const bare = s.replace(URL_RE, ' ');
    if (SETTLE.some((r) => r.test(bare))) add('settlement', s);
    else if (PERSONAL.some((r) => r.test(bare))) add('personal_information', s);
    else if (
      PAY_IMPERATIVE.test(bare) ||
      LICENCE_IMPERATIVE.test(bare) ||
      PAYMENT_ZH.test(bare) ||
      (PAYMENT_WORD.test(bare) && DEMAND_CONTEXT.test(bare))
    )
      add('payment', s);
    else if (MONEY.test(bare)) add('payment', s, false);
  }
  return hits;
}

/** Every field a user fills in, with the path a message can name. */
export function userFields(c: NoticeCase): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [
    { field: 'explanation', text: c.explanation },
    { field: 'infringementDesc', text: c.infringementDesc },
    { field: 'rightsBasis', text: c.rightsBasis },
    { field: 'measureNote', text: c.measureNote },
    { field: 'authority', text: c.authority },
    { field: 'idDocument', text: c.idDocument },
    { field: 'ownershipProof', text: c.ownershipProof },
    { field: 'powerOfAttorney', text: c.powerOfAttorney },
    { field: 'uploader', text: c.uploader },
    { field: 'fairUse.note', text: c.fairUse?.note ?? '' },
    { field: 'originRemoved.detail', text: c.originRemoved?.detail ?? '' },
    { field: 'eu.nationalProvision', text: c.eu.nationalProvision },
    { field: 'letterhead.signatoryTitle', text: c.letterhead.signatoryTitle },
  ];
  c.works.forEach((w, i) => {
    for (const k of ['title', 'owner', 'registration', 'originalUrl'] as const)
      out.push({ field: `works.${i}.${k}`, text: w[k] });
  });
  if (c.agent) for (const k of ['name', 'contact'] as const) out.push({ field: `agent.${k}`, text: c.agent[k] });
  return out.filter((f) => f.text.trim());
}

/** Every settlement, payment or personal-information hit in the case's user fields. */
export function findSettlementDemands(c: NoticeCase): SettlementHit[] {
  const hosts = new Set(c.infringingUrls.map(hostOf).filter(Boolean));
  return userFields(c).flatMap((f) => scanText(f.text, f.field, hosts));
}

/** True when text contains a settlement offer or a payment or personal-data demand (blocking hits only). */
export function hasSettlementDemand(s: string): boolean {
  return scanText(s, 'text').some((h) => h.block);
}
