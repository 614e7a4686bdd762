import { el, type Regime } from '../regime';

/**
 * Japan: Provider Liability Limitation Act (Act No. 137 of 2001; expanded and renamed in 2024 as
 * 情報流通プラットフォーム対処法, effective date unverified). Under the takedown safe harbour (art. 3(2),
 * numbering unverified after the amendments) a provider that receives a request naming the
 * information, the right and the reasons may ask the poster whether they agree to removal and
 * remove it if no objection arrives within 7 days. The items follow the copyright guideline's
 * notice form (著作権関係ガイドライン 様式A, 権利侵害の通知書 / 送信防止措置依頼書; notice-law.md §6).
 * The letter is in English; the form's labels are quoted in Japanese where it helps the reader.
 */
const PLLA = { en: 'Provider Liability Limitation Act (Act No. 137 of 2001)', zh: '日本《提供商责任限制法》（2001年第137号法律）' };
const FORM = { en: `${PLLA.en}; copyright guideline form A (著作権関係ガイドライン 様式A)`, zh: `${PLLA.zh}；著作权关系指南 样式A` };

export const jp: Regime = {
  id: 'jp',
  name: { en: 'Japan: Provider Liability Limitation Act, guideline notice form', zh: '日本：提供商责任限制法及指南通知样式' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: {
    en: 'Notice of copyright infringement and request for transmission prevention measures (送信防止措置依頼書)',
    zh: '著作权侵权通知及送信防止措施请求书（送信防止措置依頼書）',
  },
  legalBasis: () => ({
    en: 'the Provider Liability Limitation Act (Act No. 137 of 2001, as amended) and the Copyright Act of Japan',
    zh: '日本《提供商责任限制法》（2001年第137号法律，经修订）及日本《著作权法》',
  }),
  introNotes: () => [
    {
      en: 'This notice follows the copyright guideline notice form (権利侵害の通知書 / 送信防止措置依頼書). We ask you to take measures to prevent the transmission of the infringing information (送信防止措置). Under the Provider Liability Limitation Act you may ask the sender whether they agree to the measures; if the sender does not object within 7 days, you are not liable to the sender for taking them.',
      zh: '本通知依照著作权关系指南通知样式（権利侵害の通知書 / 送信防止措置依頼書）作出。我方请求贵司采取防止侵权信息传播的措施（送信防止措置）。依据《提供商责任限制法》，贵司可询问发信者是否同意采取该措施；发信者在7日内未提出异议的，贵司对发信者不承担责任。',
    },
  ],
  elements: [
    el('sender_address', FORM, true),
    el('sender_identity', FORM, true),
    el('sender_contact', FORM, true),
    el('location', FORM, true),
    el('work_id', FORM, true),
    el('infringement_desc', FORM, true, {
      // 侵害の態様 is a field of its own on the form: say how the copy infringes (full or partial dead copy, …).
      check: (c) => (c.infringementDesc.trim() || c.explanation.trim() ? 'ok' : 'missing'),
    }),
    el('verification_method', FORM, true),
    el('stmt_truth_jp', FORM, true),
    // The form's labels for the rights claimed and their proof are unverified: warn, do not block.
    el('rights_basis', FORM, false, { unverified: true }),
    el('authority', FORM, false),
    el('signature', FORM, false),
    el('sender_email', FORM, false),
    el('evidence_prelim', FORM, false),
    el('datetime_observed', FORM, false),
    el('requested_measure', PLLA, false),
    el('legal_basis', PLLA, false),
    el('written_form', FORM, false),
    el('no_settlement_demand', PLLA, false),
  ],
  statements: [
    {
      id: 'verification_method',
      text: {
        en: () =>
          'How the infringement can be verified (権利侵害を確認可能な方法): compare the material at each listed URL with the original work listed above (at its original URL where one is given) and with the evidence listed above, identified by SHA-256 hash; copies of the original and of the evidence are available on request.',
        zh: () => '侵权的核实方法（権利侵害を確認可能な方法）：将所列各网址上的内容与上文所列原作（如列有原始网址，见该网址）及上文所列证据（以 SHA-256 哈希值标识）进行比对；原作及证据副本可应要求提供。',
      },
    },
    {
      id: 'stmt_truth_jp',
      text: {
        en: (s) => `${s.party} certifies that the contents stated above are true and correct (上記内容が事実に相違ないことを証します).`,
        zh: (s) => `${s.party}证明上述内容属实（上記内容が事実に相違ないことを証します）。`,
      },
    },
  ],
};
