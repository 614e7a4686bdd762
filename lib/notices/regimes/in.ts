import { el, type Regime } from '../regime';

/**
 * India: Copyright Act 1957 s. 52(1)(c) and Copyright Rules 2013 r. 75 (notice-law.md §9). A
 * written notice to an intermediary that stores material transiently or incidentally identifies
 * the work, shows the complainant's ownership or exclusive licence, shows that the copy infringes
 * and is not a permitted act under s. 52, locates the material, gives the uploader's details if
 * known, and undertakes to file an infringement suit and produce a court order within 21 days.
 * The intermediary disables access within 36 hours and keeps it disabled for 21 days, or until
 * the court order arrives; without an order it may restore access.
 */
const R75 = { en: 'Copyright Rules 2013 r. 75', zh: '印度《2013年版权规则》第75条' };
const S52 = { en: 'Copyright Act 1957 s. 52(1)(c); Copyright Rules 2013 r. 75', zh: '印度《1957年版权法》第52条第1款(c)项；《2013年版权规则》第75条' };

export const india: Regime = {
  id: 'in',
  name: { en: 'India: Copyright Act 1957 s. 52(1)(c) and Copyright Rules 2013 r. 75', zh: '印度：1957年版权法第52条第1款(c)项及2013年版权规则第75条' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: { en: 'Notice under section 52(1)(c) of the Copyright Act 1957 and rule 75 of the Copyright Rules 2013', zh: '依据印度《1957年版权法》第52条第1款(c)项及《2013年版权规则》第75条发出的通知' },
  legalBasis: () => ({
    en: 'section 52(1)(c) of the Copyright Act 1957 and rule 75 of the Copyright Rules 2013',
    zh: '印度《1957年版权法》第52条第1款(c)项及《2013年版权规则》第75条',
  }),
  introNotes: () => [
    {
      en: 'Under rule 75 of the Copyright Rules 2013 we ask you to disable access to the material within 36 hours of receiving this notice and to keep it disabled for 21 days, or until you receive an order of a competent court, as undertaken below.',
      zh: '依据《2013年版权规则》第75条，我方请求贵司在收到本通知后36小时内禁止访问该内容，并在21日内或在收到主管法院命令前保持禁止访问状态，具体见下文承诺。',
    },
  ],
  elements: [
    el('written_form', S52, true),
    el('work_id', R75, true),
    el('rights_basis', R75, true),
    el('infringement_desc', R75, true, {
      check: (c) => (c.infringementDesc.trim() || c.explanation.trim() ? 'ok' : 'missing'),
    }),
    el('not_exception', S52, true),
    el('location', R75, true),
    el('uploader_if_known', R75, true),
    el('undertaking_suit', S52, true),
    el('authority', R75, false),
    el('signature', R75, false),
    el('sender_identity', R75, false),
    el('sender_address', R75, false),
    el('sender_contact', R75, false),
    el('sender_email', R75, false),
    el('evidence_prelim', R75, false),
    el('datetime_observed', R75, false),
    el('requested_measure', R75, false),
    el('legal_basis', S52, false),
    el('no_settlement_demand', R75, false),
  ],
  statements: [
    {
      id: 'not_exception',
      text: {
        en: (s) =>
          `${s.party} is, or acts for, the owner or exclusive licensee of the copyright in the works listed above. ${s.party} has considered whether the copy is covered by section 52 of the Copyright Act 1957 or any other act permitted by law and states that it is not: it reproduces the works without a licence from the owner.${s.fairUseNote ? ` ${s.fairUseNote}` : ''}`,
        zh: (s) =>
          `${s.party}为上列作品著作权的所有人或独占被许可人，或代表其行事。${s.party}已考虑该复制件是否属于《1957年版权法》第52条或其他法定许可行为，并声明不属于：该复制件未经所有人许可复制了上述作品。${s.fairUseNote ? ` ${s.fairUseNote}` : ''}`,
      },
    },
    {
      id: 'uploader_if_known',
      text: {
        en: (s) => `Details of the person who uploaded the material: ${s.party} does not know the uploader beyond the information given in this notice.`,
        zh: (s) => `上传该内容的人员信息：除本通知所载信息外，${s.party}不知晓上传者身份。`,
      },
    },
    {
      id: 'undertaking_suit',
      text: {
        en: (s) =>
          `${s.party} undertakes to file an infringement suit before a competent court and to produce the court's order to you within 21 days, the period during which access to the material is to be kept disabled.`,
        zh: (s) => `${s.party}承诺向主管法院提起侵权诉讼，并在21日内（即该内容须保持禁止访问的期间内）向贵司提交法院命令。`,
      },
    },
  ],
};
