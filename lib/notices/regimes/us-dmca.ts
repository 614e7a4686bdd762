import { isCdn, isSearch } from '../elements';
import { serviceKindOf } from '../measures';
import { el, type Regime } from '../regime';

/**
 * US: 17 U.S.C. § 512. Hosts get a § 512(c)(3)(A) notice; search engines and link
 * directories the § 512(d)(3) variant (the link instead of the material); CDNs the
 * § 512(b)(2)(E) caching statement. The fair-use self-check is required by case law
 * (Lenz v. Universal Music Corp., 9th Cir. 2015), not by the statute's text.
 */
const c3 = (n: string) => ({ en: `17 U.S.C. 512(c)(3)(A)(${n})`, zh: `美国法典第17编 第512(c)(3)(A)(${n})条` });
const notSearch = (c: Parameters<typeof isSearch>[0]) => !isSearch(c);

// The statutory words, quoted unchanged (§ 512(c)(3)(A)(v) and (vi)).
const GOOD_FAITH =
  'the complaining party has a good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law.';
const ACCURACY =
  'the information in the notification is accurate, and under penalty of perjury, that the complaining party is authorized to act on behalf of the owner of an exclusive right that is allegedly infringed.';

export const usDmca: Regime = {
  id: 'us-dmca',
  name: { en: 'United States: DMCA (17 U.S.C. 512)', zh: '美国：数字千年版权法（DMCA）' },
  defaultLang: 'en',
  dateStyle: 'us',
  subject: { en: 'DMCA notice of copyright infringement', zh: 'DMCA 版权侵权通知' },
  legalBasis: (c) => {
    if (isSearch(c)) return { en: '17 U.S.C. § 512(d)(3)', zh: '《美国法典》第17编第512(d)(3)条' };
    if (isCdn(c)) return { en: '17 U.S.C. § 512(b)(2)(E) and § 512(c)(3)', zh: '《美国法典》第17编第512(b)(2)(E)条及第512(c)(3)条' };
    if (serviceKindOf(c.recipient) === 'network') return { en: '17 U.S.C. § 512', zh: '《美国法典》第17编第512条' };
    return { en: '17 U.S.C. § 512(c)(3)', zh: '《美国法典》第17编第512(c)(3)条' };
  },
  elements: [
    el('signature', c3('i'), true),
    el('work_id', c3('ii'), true),
    el('location', c3('iii'), true, { appliesTo: notSearch }),
    el('link_location', { en: '17 U.S.C. 512(d)(3)', zh: '美国法典第17编 第512(d)(3)条' }, true, { appliesTo: isSearch }),
    el('sender_contact', c3('iv'), true),
    el('fair_use_check', { en: 'Lenz v. Universal Music Corp., 801 F.3d 1126 (9th Cir. 2015)', zh: 'Lenz v. Universal Music Corp. 案（第九巡回法院，2015）' }, true),
    el('stmt_good_faith', c3('v'), true),
    el('stmt_accuracy_perjury', c3('vi'), true),
    el('written_form', { en: '17 U.S.C. 512(c)(3)(A)', zh: '美国法典第17编 第512(c)(3)(A)条' }, true),
    el('origin_removed_stmt', { en: '17 U.S.C. 512(b)(2)(E)', zh: '美国法典第17编 第512(b)(2)(E)条' }, false, { appliesTo: isCdn }),
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
    el('no_settlement_demand', { en: '17 U.S.C. 512(f)', zh: '美国法典第17编 第512(f)条' }, false),
  ],
  statements: [
    {
      // Recorded before the good-faith statement, as Lenz requires the assessment to precede it.
      id: 'fair_use_check',
      when: (c) => c.fairUse?.considered === true,
      text: {
        en: (s) =>
          `Before sending this notice, the complaining party considered whether the use of the material could be a fair use under 17 U.S.C. 107 and concluded in good faith that it is not.${s.fairUseNote ? ` ${s.fairUseNote}` : ''}`,
        zh: (s) => `发送本通知前，投诉方已考虑上述使用是否可能构成《美国法典》第17编第107条规定的合理使用，并善意地认定其不构成合理使用。${s.fairUseNote ? ` ${s.fairUseNote}` : ''}`,
      },
    },
    {
      id: 'stmt_good_faith',
      verbatim: GOOD_FAITH,
      text: {
        en: () => `This is a statement that ${GOOD_FAITH}`,
        zh: () => `投诉方善意地相信，以所投诉的方式使用上述内容未经版权所有人、其代理人或法律授权。（英文原文：This is a statement that ${GOOD_FAITH}）`,
      },
    },
    {
      id: 'stmt_accuracy_perjury',
      verbatim: ACCURACY,
      text: {
        en: () => `This is a statement that ${ACCURACY}`,
        zh: () => `本通知中的信息准确无误；投诉方在伪证罚则下声明，其有权代表据称被侵犯的专有权利的所有人行事。（英文原文：This is a statement that ${ACCURACY}）`,
      },
    },
  ],
};
