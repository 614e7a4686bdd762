import type { NoticeCase } from '../case';
import { isCdn, isSearch, NEUTRAL_NOTICE, type Localised } from '../elements';
import { el, type Regime } from '../regime';

/**
 * Australia: Copyright Act 1968 Part V Div 2AA (safe harbours) and the Copyright Regulations 2017,
 * which prescribe the notice forms (formerly Sched. 10 of the 1969 Regulations): category B for
 * caching, C for hosting, D for linking. The safe harbours cover carriage service providers and,
 * since 29 Dec 2018, disability, educational and cultural bodies only; a commercial host that is
 * none of these is outside Div 2AA (docs/notice-decisions.md §6). So a Div 2AA notice is drafted
 * only when the case says the recipient is inside the safe harbours (`australia.safeHarbour`);
 * otherwise the letter is a notice of infringement under the Act (ss. 36 and 101 on authorising
 * infringement) and claims no prescribed-form effect. The form's wording and s. 116AJ are
 * unverified (docs/notice-law.md §9), so the signature and statement items warn instead of blocking.
 */
const inHarbour = (c: NoticeCase) => c.australia.safeHarbour;
const category = (c: NoticeCase): 'B' | 'C' | 'D' => (isSearch(c) ? 'D' : isCdn(c) ? 'B' : 'C');
const cite = (c: NoticeCase): Localised =>
  inHarbour(c)
    ? {
        en: `Copyright Act 1968 Part V Div 2AA; Copyright Regulations 2017, prescribed form (category ${category(c)})`,
        zh: `澳大利亚《1968年版权法》第五部分第2AA节；《2017年版权条例》规定格式（${category(c)}类）`,
      }
    : {
        en: 'Copyright Act 1968 ss. 36, 101 (notice of infringement)',
        zh: '澳大利亚《1968年版权法》第36条、第101条（侵权通知）',
      };
const notSearch = (c: NoticeCase) => !isSearch(c);
const ACTIVITY: Record<'B' | 'C' | 'D', Localised> = {
  B: { en: 'category B: caching', zh: 'B类：缓存' },
  C: { en: 'category C: storing material', zh: 'C类：存储内容' },
  D: { en: 'category D: referring to material by a link', zh: 'D类：以链接指向内容' },
};

export const au: Regime = {
  id: 'au',
  name: {
    en: 'Australia: Copyright Act 1968 (Part V Div 2AA where it applies)',
    zh: '澳大利亚：1968年版权法（适用时依第五部分第2AA节）',
  },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: (c) =>
    inHarbour(c)
      ? {
          en: 'Notice of claimed infringement (Copyright Act 1968, Part V Division 2AA)',
          zh: '侵权主张通知（澳大利亚《1968年版权法》第五部分第2AA节）',
        }
      : { en: 'Notice of copyright infringement (Copyright Act 1968)', zh: '版权侵权通知（澳大利亚《1968年版权法》）' },
  statementLaw: {
    en: 'Copyright Act 1968 s. 116AJ [unverified]; general law on false statements',
    zh: '澳大利亚《1968年版权法》第116AJ条【待核实】；关于虚假陈述的一般法律',
  },
  conduitLaw: {
    en: 'Part V Division 2AA of the Copyright Act 1968 (category A)',
    zh: '澳大利亚《1968年版权法》第五部分第2AA节（A类）',
  },
  legalBasis: (c) => {
    if (!inHarbour(c))
      return {
        en: 'the Copyright Act 1968 (Cth), including sections 36 and 101 (authorising infringement)',
        zh: '澳大利亚《1968年版权法》，包括第36条、第101条（授权侵权）',
      };
    const a = ACTIVITY[category(c)];
    return {
      en: `Division 2AA of Part V of the Copyright Act 1968 and the Copyright Regulations 2017 (${a.en})`,
      zh: `澳大利亚《1968年版权法》第五部分第2AA节及《2017年版权条例》（${a.zh}）`,
    };
  },
  elements: [
    el('sender_identity', cite, true),
    el('sender_address', cite, true),
    el('sender_contact', cite, true),
    el('sender_email', cite, true),
    el('work_id', cite, true),
    el('location', cite, true, { appliesTo: notSearch }),
    el('link_location', cite, true, { appliesTo: isSearch }),
    // The form's wording for the signature and the statements is unverified: warn, do not block.
    el('signature', cite, false, { unverified: true }),
    el('stmt_good_faith', cite, false, { unverified: true }),
    el('authority', cite, false),
    el('rights_basis', cite, false),
    el('infringement_desc', cite, false),
    el('evidence_prelim', cite, false),
    el('datetime_observed', cite, false),
    el('requested_measure', cite, false),
    el('no_settlement_demand', NEUTRAL_NOTICE, false),
  ],
  statements: [
    {
      id: 'stmt_good_faith',
      text: {
        en: (s) =>
          `${s.party} believes in good faith that the material described above is not authorised by the copyright owner, its agent or the law; the information in this notice is accurate, and ${s.party} is the owner or exclusive licensee of the copyright, or is authorised to act for its owner.${inHarbour(s.case) ? ` ${s.party} is aware that under the Copyright Act 1968 a person who knowingly makes a material misrepresentation in this notice may be liable for the resulting loss.` : ''}`,
        zh: (s) =>
          `${s.party}善意地相信，上述内容未经版权所有人、其代理人或法律授权；本通知中的信息准确，且${s.party}为版权所有人或独占被许可人，或经所有人授权行事。${inHarbour(s.case) ? `${s.party}知悉，依据澳大利亚《1968年版权法》，明知而在本通知中作出重大虚假陈述的人可能须对由此造成的损失承担责任。` : ''}`,
      },
    },
  ],
};
