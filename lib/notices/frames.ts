import { parse as parseDomain } from 'tldts';
import type { RegimeId } from '../model/notice';
import type { NoticeCase } from './case';
import type { Localised } from './elements';
import { serviceKindOf } from '../model/recipient';
import { el, type Regime } from './regime';
import { REGIMES } from './regimes';

/**
 * Not every letter is a statutory notice (notice-review.md D5). A registrar has no role under
 * 17 U.S.C. § 512 or DSA art. 16: it gets an abuse report under its own terms, with the ICANN
 * RAA cited only for a gTLD (the RAA binds ICANN-accredited registrars of gTLDs, never a ccTLD
 * such as .to). An upstream transit provider is a conduit (§ 512(a), DSA art. 4, UK reg. 17):
 * except in Canada, where s. 41.25(1)(a) makes it a notice recipient, it gets a courtesy request.
 * Neither letter carries a perjury oath or a statutory statement it does not need.
 */
export type LetterKind = 'notice' | 'abuse_report' | 'courtesy';

export function letterKind(c: NoticeCase, regimeId: RegimeId): LetterKind {
  const kind = serviceKindOf(c.recipient);
  if (kind === 'registrar') return 'abuse_report';
  if (kind === 'network' && !REGIMES[regimeId].conduitNotice) return 'courtesy';
  return 'notice';
}

/** Registrable domains of the infringing URLs (the public suffix list via tldts), at most 20. */
export function registrableDomains(urls: string[]): string[] {
  const out = new Set<string>();
  for (const u of urls) {
    if (out.size >= 20) break;
    const p = parseDomain(u.trim());
    if (p.domain) out.add(p.domain);
  }
  return [...out];
}

/**
 * True only for a generic TLD: the last label of the public suffix is ASCII and longer than two
 * letters. Two-letter labels are country codes (.to, .io, .co …); IDN labels (xn--) may be either,
 * so the RAA is not cited for them.
 */
export function isGtld(domain: string): boolean {
  const suffix = parseDomain(domain).publicSuffix ?? '';
  const tld = suffix.split('.').pop() ?? '';
  return /^[a-z]{3,}$/i.test(tld);
}

/** True when every domain in the case is under a gTLD, so the RAA binds its registrar. */
export function raaApplies(c: NoticeCase): boolean {
  const domains = registrableDomains(c.infringingUrls);
  return c.recipient.role !== 'registry' && domains.length > 0 && domains.every(isGtld);
}

const FALSE_STATEMENT: Localised = {
  en: 'general law on false statements (this report is not a statutory notice)',
  zh: '关于虚假陈述的一般法律规定（本举报并非法定通知）',
};

const REPORT_CITE = (c: NoticeCase): Localised =>
  raaApplies(c)
    ? {
        en: "registrar's abuse policy; 2013 ICANN RAA § 3.18.1",
        zh: '注册商滥用处理政策；2013年ICANN《注册商认证协议》第3.18.1条',
      }
    : {
        en: "registrar's or registry's abuse policy and registration terms",
        zh: '注册商或注册局的滥用处理政策及注册条款',
      };

const PLAIN_ACCURACY = {
  id: 'stmt_accuracy' as const,
  text: {
    en: (s: { party: string }) =>
      `To the best of our knowledge the information in this letter is accurate, and ${s.party} owns the copyright in the works listed above or is authorised to act for its owner.`,
    zh: (s: { party: string }) =>
      `据我司所知，本函所载信息准确；${s.party}为上列作品的著作权人，或经著作权人授权行事。`,
  },
};

function frameElements(cite: Localised | ((c: NoticeCase) => Localised)) {
  return [
    el('sender_identity', cite, true),
    el('sender_email', cite, true),
    el('work_id', cite, true),
    el('location', cite, true),
    el('rights_basis', cite, false),
    el('explanation', cite, false),
    el('evidence_prelim', cite, false),
    el('signature', cite, false),
    el(
      'no_settlement_demand',
      {
        en: 'good practice: a report to a provider makes no demand on the infringer',
        zh: '实务：向服务商提交的举报不向侵权人提出赔偿要求',
      },
      false,
    ),
  ];
}

/** The registrar abuse report, whatever the regime of the registrar's country. */
function abuseReport(base: Regime): Regime {
  return {
    ...base,
    subject: (c) => {
      const d = registrableDomains(c.infringingUrls)[0] ?? '';
      return {
        en: `Abuse report – domain name used for copyright infringement${d ? ` – ${d}` : ''}`,
        zh: `滥用举报——域名被用于著作权侵权${d ? `——${d}` : ''}`,
      };
    },
    statementLaw: FALSE_STATEMENT,
    legalBasis: (c) =>
      raaApplies(c)
        ? {
            en: 'your abuse policy and registration agreement and section 3.18.1 of the 2013 ICANN Registrar Accreditation Agreement',
            zh: '贵司的滥用处理政策、注册协议及2013年ICANN《注册商认证协议》第3.18.1条',
          }
        : { en: 'your abuse policy and registration terms', zh: '贵司的滥用处理政策及注册条款' },
    elements: frameElements(REPORT_CITE),
    statements: [PLAIN_ACCURACY],
    introNotes: undefined,
    adjustMeasures: undefined,
  };
}

/** The courtesy request to a conduit. */
function courtesy(base: Regime): Regime {
  const law = base.conduitLaw;
  const cite: Localised = law
    ? { en: `courtesy request to a conduit (${law.en})`, zh: `向网络接入服务商提出的协助请求（${law.zh}）` }
    : { en: 'courtesy request to a network provider', zh: '向网络接入服务商提出的协助请求' };
  return {
    ...base,
    subject: {
      en: 'Request to forward a copyright infringement notice to your customer',
      zh: '关于请求向贵司客户转送著作权侵权通知的函',
    },
    statementLaw: FALSE_STATEMENT,
    // The intro names the conduit provision itself; the checklist says what kind of letter this is.
    legalBasis: () => law ?? { en: '', zh: '' },
    elements: frameElements(cite),
    statements: [PLAIN_ACCURACY],
    introNotes: undefined,
    adjustMeasures: undefined,
  };
}

/** The regime as it applies to this recipient: the statutory notice, or the abuse-report or courtesy frame. */
export function regimeForCase(c: NoticeCase, regimeId: RegimeId): Regime {
  const base = REGIMES[regimeId];
  const k = letterKind(c, regimeId);
  return k === 'abuse_report' ? abuseReport(base) : k === 'courtesy' ? courtesy(base) : base;
}
