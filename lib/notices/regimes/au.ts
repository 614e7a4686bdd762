import { isSearch } from '../elements';
import type { MeasureId } from '../measures';
import { el, type Regime } from '../regime';

/**
 * Australia: Copyright Act 1968 Part V Div 2AA (safe harbours) and the Copyright Regulations 2017,
 * which prescribe the notice forms (formerly Sched. 10 of the 1969 Regulations): category C for
 * hosting, category D for linking. A notice must be in, or substantially in, the prescribed form.
 * The form's wording (good-faith belief, accuracy, signature), the misrepresentation section
 * (s. 116AJ) and which providers the safe harbours cover are unverified (notice-law.md §8), so
 * those items warn instead of blocking. Because most commercial platforms may be outside the
 * safe harbours, the letter also invites action under the provider's own terms.
 */
const REGS = (cat: 'C' | 'D') => ({
  en: `Copyright Act 1968 Part V Div 2AA; Copyright Regulations 2017, prescribed form (category ${cat})`,
  zh: `澳大利亚《1968年版权法》第五部分第2AA节；《2017年版权条例》规定格式（${cat}类）`,
});
const C = REGS('C');
const D = REGS('D');
const notSearch = (c: Parameters<typeof isSearch>[0]) => !isSearch(c);

export const au: Regime = {
  id: 'au',
  name: { en: 'Australia: Copyright Act 1968 Part V Div 2AA, prescribed notice', zh: '澳大利亚：1968年版权法第五部分第2AA节规定通知' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: { en: 'Notice of claimed infringement (Copyright Act 1968, Part V Division 2AA)', zh: '侵权主张通知（澳大利亚《1968年版权法》第五部分第2AA节）' },
  legalBasis: (c) =>
    isSearch(c)
      ? { en: 'Division 2AA of Part V of the Copyright Act 1968 and the Copyright Regulations 2017 (category D: referring to material by a link)', zh: '澳大利亚《1968年版权法》第五部分第2AA节及《2017年版权条例》（D类：以链接指向内容）' }
      : { en: 'Division 2AA of Part V of the Copyright Act 1968 and the Copyright Regulations 2017 (category C: storing material)', zh: '澳大利亚《1968年版权法》第五部分第2AA节及《2017年版权条例》（C类：存储内容）' },
  elements: [
    el('written_form', C, true),
    el('sender_identity', C, true),
    el('sender_address', C, true),
    el('sender_contact', C, true),
    el('sender_email', C, true),
    el('work_id', C, true),
    el('location', C, true, { appliesTo: notSearch }),
    el('link_location', D, true, { appliesTo: isSearch }),
    // The form's wording for the signature and the statements is unverified: warn, do not block.
    el('signature', C, false, { unverified: true }),
    el('stmt_good_faith', C, false, { unverified: true }),
    el('authority', C, false),
    el('rights_basis', C, false),
    el('infringement_desc', C, false),
    el('evidence_prelim', C, false),
    el('datetime_observed', C, false),
    el('requested_measure', C, false),
    el('legal_basis', C, false),
    el('no_settlement_demand', C, false),
  ],
  statements: [
    {
      id: 'stmt_good_faith',
      text: {
        en: (s) =>
          `${s.party} believes in good faith that the material described above is not authorised by the copyright owner, its agent or the law; the information in this notice is accurate, and ${s.party} is the owner or exclusive licensee of the copyright, or is authorised to act for its owner. ${s.party} is aware that under the Copyright Act 1968 a person who knowingly makes a material misrepresentation in this notice may be liable for the resulting loss.`,
        zh: (s) =>
          `${s.party}善意地相信，上述内容未经版权所有人、其代理人或法律授权；本通知中的信息准确，且${s.party}为版权所有人或独占被许可人，或经所有人授权行事。${s.party}知悉，依据澳大利亚《1968年版权法》，明知而在本通知中作出重大虚假陈述的人可能须对由此造成的损失承担责任。`,
      },
    },
  ],
  // The safe harbours may not cover the recipient (unverified): invite action under its own terms too.
  adjustMeasures: (measures: MeasureId[]) => (measures.includes('own_policy') ? measures : [...measures, 'own_policy']),
};
