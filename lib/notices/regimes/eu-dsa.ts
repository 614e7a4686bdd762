import type { NoticeCase } from '../case';
import { isCdn, isSearch, NEUTRAL_NOTICE, type Localised } from '../elements';
import { memberStateName, memberStateNameZh, nationalProvisionPrompt } from '../eu-national';
import { el, type Regime } from '../regime';

/**
 * EU: Digital Services Act (Regulation (EU) 2022/2065) art. 16(2)(a)-(d). A notice that meets
 * art. 16 gives the host actual knowledge for art. 6 only if a diligent provider can see the
 * illegality without a detailed legal examination (16(3)), so a bare "Copyright infringement."
 * does not pass 16(2)(a), and the letter names the national provision infringed: the DSA is not
 * the law infringed (recital 11, art. 2(4)(b)). Art. 16 binds hosting services only: a caching
 * provider is notified under art. 5(1)(e), a search engine under national copyright law.
 */
const a16 = (p: string, q?: string): Localised => ({
  en: `DSA art. 16(${p})${q ? `(${q})` : ''}`,
  zh: `数字服务法 第16条第${p}款${q ? `(${q})项` : ''}`,
});
const A5: Localised = { en: 'DSA art. 5(1)(e)', zh: '数字服务法 第5条第1款(e)项' };
const COPY: Localised = {
  en: 'Directive 2001/29/EC arts 2-3 (national copyright law)',
  zh: '第2001/29/EC号指令第2条、第3条（成员国著作权法）',
};
/** Art. 16 for a host, art. 5 for a cache, national copyright law for a search engine. */
const cite = (p: string, q?: string) => (c: NoticeCase) => (isCdn(c) ? A5 : isSearch(c) ? COPY : a16(p, q));
const memberState = (c: NoticeCase) => (c.eu.memberState ?? c.recipient.country ?? '').toUpperCase();

// Art. 16(2)(d), quoted unchanged.
const BONA_FIDE =
  'statement confirming the bona fide belief of the individual or entity submitting the notice that the information and allegations contained therein are accurate and complete.';

export const euDsa: Regime = {
  id: 'eu-dsa',
  name: { en: 'European Union: Digital Services Act art. 16', zh: '欧盟：数字服务法第16条' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: (c) =>
    isCdn(c)
      ? {
          en: 'Notice of illegal content (copyright infringement) transmitted or cached through your service',
          zh: '关于经贵司服务传输或缓存的违法内容（版权侵权）的通知',
        }
      : isSearch(c)
        ? {
            en: 'Notice of links to illegal content (copyright infringement) in your search results',
            zh: '关于贵司搜索结果中指向违法内容（版权侵权）的链接的通知',
          }
        : {
            en: 'Notice of illegal content (copyright infringement) under Article 16 DSA',
            zh: '依据《数字服务法》第16条提交的违法内容（版权侵权）通知',
          },
  statementLaw: {
    en: 'DSA art. 16(2)(d); national law on false statements',
    zh: '数字服务法 第16条第2款(d)项；成员国关于虚假陈述的法律',
  },
  conduitLaw: {
    en: 'Article 4 of Regulation (EU) 2022/2065 (mere conduit)',
    zh: '欧盟第2022/2065号条例第4条（单纯传输）',
  },
  legalBasis: (c) =>
    isCdn(c)
      ? {
          en: 'Article 5(1)(e) of Regulation (EU) 2022/2065 (Digital Services Act)',
          zh: '欧盟第2022/2065号条例（《数字服务法》）第5条第1款(e)项',
        }
      : isSearch(c)
        ? {
            en: 'the copyright law of the Member States (Directive 2001/29/EC, Articles 2 and 3)',
            zh: '欧盟成员国著作权法（第2001/29/EC号指令第2条、第3条）',
          }
        : {
            en: 'Article 16 of Regulation (EU) 2022/2065 (Digital Services Act)',
            zh: '欧盟第2022/2065号条例（《数字服务法》）第16条',
          },
  // The right infringed, under national law: the provision the user named, else the Directive as implemented.
  explanationNotes: (c) => {
    const p = c.eu.nationalProvision.trim();
    const ms = memberStateName(memberState(c));
    if (p) return [{ en: `Provision infringed: ${p}.`, zh: `被侵犯的法律条款：${p}。` }];
    return [
      {
        en: `The copies infringe the exclusive rights of reproduction and of making available to the public (Directive 2001/29/EC, Articles 2 and 3) as implemented in the law of ${ms ?? 'the Member State concerned'}.`,
        zh: `上述复制件侵犯了经${memberStateNameZh(memberState(c)) ?? '相关成员国'}法律转化的复制权及向公众提供权（第2001/29/EC号指令第2条、第3条）。`,
      },
    ];
  },
  elements: [
    el('explanation', cite('2', 'a'), true),
    el('location', cite('2', 'b'), true),
    el('sender_identity', cite('2', 'c'), true),
    el('sender_email', cite('2', 'c'), true),
    el('stmt_bona_fide_accurate_complete', cite('2', 'd'), true),
    el('infringed_provision', cite('2', 'a'), false, { description: (c) => nationalProvisionPrompt(memberState(c)) }),
    el('origin_removed_stmt', A5, false, { appliesTo: isCdn }),
    el('work_id', cite('3'), false),
    el('rights_basis', cite('3'), false),
    el('signature', cite('2', 'c'), false),
    el('infringement_desc', cite('2', 'a'), false),
    el('evidence_prelim', cite('3'), false),
    el('datetime_observed', cite('2', 'b'), false),
    el(
      'requested_measure',
      (c) => (isCdn(c) ? A5 : { en: 'DSA art. 6(1)(b)', zh: '数字服务法 第6条第1款(b)项' }),
      false,
    ),
    el('no_settlement_demand', NEUTRAL_NOTICE, false),
  ],
  statements: [
    {
      id: 'stmt_bona_fide_accurate_complete',
      verbatim: BONA_FIDE,
      text: {
        en: () => `This is a ${BONA_FIDE}`,
        zh: () =>
          `提交本通知的个人或实体确认，其善意地相信通知中所含信息及指控准确、完整。（英文原文：This is a ${BONA_FIDE}）`,
      },
    },
  ],
};
