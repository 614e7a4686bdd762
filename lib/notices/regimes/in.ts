import type { NoticeCase } from '../case';
import { NEUTRAL_NOTICE, type Localised } from '../elements';
import { el, type Regime } from '../regime';

/**
 * India offers two routes, and the user chooses (docs/notice-decisions.md §5).
 *
 * Default, IT Act 2000 s. 79(3)(b) with the IT Rules 2021 r. 3(1)(b)(iv) and r. 3(2): on a
 * specific notice an intermediary must expeditiously remove or disable access, or lose its safe
 * harbour; for copyright no court order is needed (MySpace Inc. v. Super Cassettes Industries
 * Ltd, (2017) 236 DLT 478 (DB)). This route carries no undertaking to sue.
 *
 * Opt-in, Copyright Act 1957 s. 52(1)(c) and Copyright Rules 2013 r. 75 (docs/notice-law.md §10): for
 * transient or incidental storage; access is disabled within 36 hours and kept disabled for 21
 * days, and the notice carries the r. 75(2)(f) undertaking to sue "against the person responsible
 * for uploading". It is drafted only when the client has decided to sue (`india.undertakeSuit`).
 * Either way the sender's identity is required.
 */
const R75: Localised = { en: 'Copyright Rules 2013 r. 75', zh: '印度《2013年版权规则》第75条' };
const S52: Localised = {
  en: 'Copyright Act 1957 s. 52(1)(c); Copyright Rules 2013 r. 75',
  zh: '印度《1957年版权法》第52条第1款(c)项；《2013年版权规则》第75条',
};
const S79: Localised = {
  en: 'IT Act 2000 s. 79(3)(b); IT Rules 2021 r. 3(2); MySpace v. Super Cassettes (2017) 236 DLT 478',
  zh: '印度《2000年信息技术法》第79条第3款(b)项；《2021年信息技术规则》第3条第2款；MySpace v. Super Cassettes 案',
};
const rule75 = (c: NoticeCase) => c.india.route === 'rule-75';
const cite = (c: NoticeCase) => (rule75(c) ? R75 : S79);

export const india: Regime = {
  id: 'in',
  name: {
    en: 'India: IT Act s. 79 notice, or Copyright Rules r. 75',
    zh: '印度：信息技术法第79条通知，或版权规则第75条',
  },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: (c) =>
    rule75(c)
      ? {
          en: 'Notice under section 52(1)(c) of the Copyright Act 1957 and rule 75 of the Copyright Rules 2013',
          zh: '依据印度《1957年版权法》第52条第1款(c)项及《2013年版权规则》第75条发出的通知',
        }
      : {
          en: 'Notice of copyright infringement under section 79(3)(b) of the Information Technology Act 2000',
          zh: '依据印度《2000年信息技术法》第79条第3款(b)项发出的版权侵权通知',
        },
  statementLaw: {
    en: 'Copyright Rules 2013 r. 75(2); general law on false statements',
    zh: '印度《2013年版权规则》第75条第2款；关于虚假陈述的一般法律',
  },
  conduitLaw: { en: 'section 79(2) of the Information Technology Act 2000', zh: '印度《2000年信息技术法》第79条第2款' },
  legalBasis: (c) =>
    rule75(c)
      ? {
          en: 'section 52(1)(c) of the Copyright Act 1957 and rule 75 of the Copyright Rules 2013',
          zh: '印度《1957年版权法》第52条第1款(c)项及《2013年版权规则》第75条',
        }
      : {
          en: 'section 79(3)(b) of the Information Technology Act 2000 and rules 3(1)(b)(iv) and 3(2) of the Information Technology (Intermediary Guidelines and Digital Media Ethics Code) Rules 2021, as applied to copyright in MySpace Inc. v. Super Cassettes Industries Ltd, (2017) 236 DLT 478 (DB)',
          zh: '印度《2000年信息技术法》第79条第3款(b)项及《2021年信息技术（中介机构指引与数字媒体道德准则）规则》第3条第1款(b)(iv)项、第3条第2款（MySpace Inc. v. Super Cassettes Industries Ltd 案，(2017) 236 DLT 478 (DB)）',
        },
  introNotes: (c) =>
    rule75(c)
      ? [
          {
            en: 'Under rule 75(3) of the Copyright Rules 2013 we ask you to disable access to the material within 36 hours of receiving this notice and to keep it disabled for 21 days, or until you receive an order of a competent court, as undertaken below.',
            zh: '依据《2013年版权规则》第75条第3款，我司请求贵司在收到本通知后36小时内禁止访问该内容，并在21日内或在收到主管法院命令前保持禁止访问状态，具体见下文承诺。',
          },
        ]
      : [],
  elements: [
    el('sender_identity', cite, true),
    el('work_id', cite, true),
    el('rights_basis', cite, true),
    el('infringement_desc', cite, true, {
      check: (c) => (c.infringementDesc.trim() || c.explanation.trim() ? 'ok' : 'missing'),
    }),
    el('location', cite, true),
    el('not_exception', S52, true, { appliesTo: rule75 }),
    el('undertaking_suit', R75, true, { appliesTo: rule75 }),
    el('authority', cite, false),
    el('signature', cite, false),
    el('sender_address', cite, false),
    el('sender_contact', cite, false),
    el('sender_email', cite, false),
    el('evidence_prelim', cite, false),
    el('datetime_observed', cite, false),
    el('requested_measure', cite, false),
    el('no_settlement_demand', NEUTRAL_NOTICE, false),
  ],
  statements: [
    {
      id: 'not_exception',
      when: rule75,
      text: {
        en: (s) =>
          `${s.party} is, or acts for, the owner or exclusive licensee of the copyright in the works listed above. ${s.party} has considered whether the copy is covered by section 52 of the Copyright Act 1957 or any other act permitted by law and states that it is not: it reproduces the works without a licence from the owner.${s.fairUseNote ? ` ${s.fairUseNote}` : ''}`,
        zh: (s) =>
          `${s.party}为上列作品著作权的所有人或独占被许可人，或代表其行事。${s.party}已考虑该复制件是否属于《1957年版权法》第52条或其他法定许可行为，并声明不属于：该复制件未经所有人许可复制了上述作品。${s.fairUseNote ? ` ${s.fairUseNote}` : ''}`,
      },
    },
    {
      id: 'uploader_if_known',
      when: rule75,
      text: {
        en: (s) =>
          s.case.uploader.trim()
            ? `Details of the person who uploaded the infringing copy: ${s.case.uploader.trim()}`
            : `Details of the person who uploaded the infringing copy: not known to ${s.party} beyond the information given in this notice.`,
        zh: (s) =>
          s.case.uploader.trim()
            ? `上传侵权复制件的人员信息：${s.case.uploader.trim()}`
            : `上传侵权复制件的人员信息：除本通知所载信息外，${s.party}不知晓上传者身份。`,
      },
    },
    {
      // r. 75(2)(f), in the rule's own words.
      id: 'undertaking_suit',
      when: rule75,
      verbatim: 'against the person responsible for uploading the infringing copy',
      text: {
        en: (s) =>
          `${s.party} undertakes that it shall file an infringement suit in the competent court against the person responsible for uploading the infringing copy and produce the orders of the competent court having jurisdiction within a period of twenty-one days from the date of receipt of this notice.`,
        zh: (s) =>
          `${s.party}承诺，将在贵司收到本通知之日起二十一日内，向主管法院对负责上传侵权复制件的人提起侵权诉讼，并提交有管辖权的主管法院的命令。（英文原文：against the person responsible for uploading the infringing copy）`,
      },
    },
    {
      id: 'stmt_accuracy',
      when: (c) => !rule75(c),
      text: {
        en: (s) =>
          `${s.party} is, or acts for, the owner or exclusive licensee of the copyright in the works listed above, believes in good faith that the use of the material is not authorised by the owner or the law, and confirms that the information in this notice is accurate.`,
        zh: (s) =>
          `${s.party}为上列作品著作权的所有人或独占被许可人，或代表其行事；${s.party}善意地相信该内容的使用未经所有人或法律许可，并确认本通知中的信息准确。`,
      },
    },
  ],
};
