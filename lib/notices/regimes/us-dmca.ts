import type { NoticeCase } from '../case';
import { isCdn, isSearch, NEUTRAL_NOTICE } from '../elements';
import { el, type Regime } from '../regime';

/**
 * US: 17 U.S.C. § 512. Hosts get a § 512(c)(3)(A) notice; search engines and link
 * directories the § 512(d)(3) variant (the link instead of the material); CDNs the
 * § 512(b)(2)(E) caching statement. The fair-use self-check is required by case law
 * (Lenz v. Universal Music Corp., 815 F.3d 1145 (9th Cir. 2016), the amended opinion), not by
 * the statute's text, and blocks a § 512 notice without it. Registrars and conduits get the
 * letters in frames.ts: § 512 gives a registrar no role and a § 512(a) conduit no notice duty.
 *
 * The statements are made by the natural person who signs (perjury attaches to a person, not a
 * company), in the 28 U.S.C. § 1746 form for where that person signs: "under the laws of the
 * United States of America" is added unless the case says the signer is in the US.
 */
const c3 = (n: string) => ({ en: `17 U.S.C. 512(c)(3)(A)(${n})`, zh: `美国法典第17编 第512(c)(3)(A)(${n})条` });
const notSearch = (c: NoticeCase) => !isSearch(c);
const LENZ = {
  en: 'Lenz v. Universal Music Corp., 815 F.3d 1145 (9th Cir. 2016)',
  zh: 'Lenz v. Universal Music Corp., 815 F.3d 1145（第九巡回法院，2016）',
};

// The statutory words of (v) and (vi), kept unchanged inside the first-person statements.
const GOOD_FAITH_CORE =
  'use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law.';
const OWNER_CORE = 'the owner of an exclusive right that is allegedly infringed.';

/** 28 U.S.C. § 1746(1) outside the US, (2) inside it. */
const signedInUs = (c: NoticeCase) => (c.signerCountry ?? '').toUpperCase() === 'US';
const perjury = (c: NoticeCase) =>
  signedInUs(c)
    ? 'under penalty of perjury'
    : 'under penalty of perjury under the laws of the United States of America';

/** Who holds the right: the letterhead (the rights holder), else the works' owner. */
const owner = (c: NoticeCase) =>
  c.letterhead.company.trim() || c.works.find((w) => w.owner.trim())?.owner.trim() || 'the copyright owner';

export const usDmca: Regime = {
  id: 'us-dmca',
  name: { en: 'United States: DMCA (17 U.S.C. 512)', zh: '美国：数字千年版权法（DMCA）' },
  defaultLang: 'en',
  dateStyle: 'us',
  subject: (c) =>
    isSearch(c)
      ? {
          en: 'DMCA notice of infringing links (17 U.S.C. § 512(d))',
          zh: 'DMCA 侵权链接通知（《美国法典》第17编第512(d)条）',
        }
      : isCdn(c)
        ? {
            en: 'DMCA notice of infringing material transmitted or cached through your network (17 U.S.C. § 512(b))',
            zh: 'DMCA 通知：经贵司网络传输或缓存的侵权内容（《美国法典》第17编第512(b)条）',
          }
        : { en: 'DMCA notice of copyright infringement', zh: 'DMCA 版权侵权通知' },
  statementLaw: {
    en: '17 U.S.C. 512(c)(3)(A)(v)-(vi), 512(f)',
    zh: '美国法典第17编 第512(c)(3)(A)(v)-(vi)条、第512(f)条',
  },
  conduitLaw: { en: '17 U.S.C. § 512(a)', zh: '《美国法典》第17编第512(a)条' },
  legalBasis: (c) => {
    if (isSearch(c)) return { en: '17 U.S.C. § 512(d)(3)', zh: '《美国法典》第17编第512(d)(3)条' };
    if (isCdn(c))
      return {
        en: '17 U.S.C. § 512(b)(2)(E) and § 512(c)(3)',
        zh: '《美国法典》第17编第512(b)(2)(E)条及第512(c)(3)条',
      };
    return { en: '17 U.S.C. § 512(c)(3)', zh: '《美国法典》第17编第512(c)(3)条' };
  },
  elements: [
    el('signature', c3('i'), true),
    el('work_id', c3('ii'), true),
    el('location', c3('iii'), true, { appliesTo: notSearch }),
    el('link_location', { en: '17 U.S.C. 512(d)(3)', zh: '美国法典第17编 第512(d)(3)条' }, true, {
      appliesTo: isSearch,
    }),
    el('sender_contact', c3('iv'), true),
    el('fair_use_check', LENZ, true),
    el('stmt_good_faith', c3('v'), true),
    el('stmt_accuracy_perjury', c3('vi'), true),
    el('origin_removed_stmt', { en: '17 U.S.C. 512(b)(2)(E)', zh: '美国法典第17编 第512(b)(2)(E)条' }, false, {
      appliesTo: isCdn,
    }),
    el('sender_identity', c3('iv'), false),
    el('sender_address', c3('iv'), false),
    el('sender_email', c3('iv'), false),
    el('authority', c3('vi'), false),
    el('rights_basis', c3('vi'), false),
    el('site_ip', c3('iii'), false, { appliesTo: notSearch }),
    el('infringement_desc', c3('iii'), false),
    el('evidence_prelim', c3('iii'), false),
    el('datetime_observed', c3('iii'), false),
    el('requested_measure', { en: '17 U.S.C. 512(c)(1)(C)', zh: '美国法典第17编 第512(c)(1)(C)条' }, false),
    el('no_settlement_demand', NEUTRAL_NOTICE, false),
  ],
  statements: [
    {
      // Recorded before the good-faith statement, as Lenz requires the assessment to precede it.
      id: 'fair_use_check',
      when: (c) => c.fairUse?.considered === true,
      text: {
        en: (s) =>
          `Before sending this notice, I considered whether the use of the material could be a fair use under 17 U.S.C. § 107 and concluded in good faith that it is not (${LENZ.en}).${s.fairUseNote ? ` ${s.fairUseNote}` : ''}`,
        zh: (s) =>
          `发送本通知前，本人已考虑上述使用是否可能构成《美国法典》第17编第107条规定的合理使用，并善意地认定其不构成合理使用（${LENZ.zh}）。${s.fairUseNote ? ` ${s.fairUseNote}` : ''}`,
      },
    },
    {
      id: 'stmt_good_faith',
      verbatim: GOOD_FAITH_CORE,
      text: {
        en: () => `I have a good faith belief that ${GOOD_FAITH_CORE}`,
        zh: () =>
          `本人善意地相信，以所投诉的方式使用上述内容未经版权所有人、其代理人或法律授权。（英文原文：I have a good faith belief that ${GOOD_FAITH_CORE}）`,
      },
    },
    {
      id: 'stmt_accuracy_perjury',
      verbatim: OWNER_CORE,
      text: {
        en: (s) =>
          `The information in this notification is accurate, and I declare ${perjury(s.case)} that I am authorized to act on behalf of ${owner(s.case)}, ${OWNER_CORE}`,
        zh: (s) =>
          `本通知中的信息准确无误；本人${signedInUs(s.case) ? '' : '依据美利坚合众国法律'}在伪证罚则下声明，本人有权代表${owner(s.case)}（据称被侵犯的专有权利的所有人）行事。（英文原文：The information in this notification is accurate, and I declare ${perjury(s.case)} that I am authorized to act on behalf of ${owner(s.case)}, ${OWNER_CORE}）`,
      },
    },
  ],
};
