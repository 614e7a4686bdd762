import type { NoticeCase } from '../case';
import { NEUTRAL_NOTICE, type Localised } from '../elements';
import { el, type Regime } from '../regime';

/**
 * Japan: the Provider Liability Limitation Act (Act No. 137 of 2001), retitled from 1 April 2025
 * (令和6年法律第25号) as 特定電気通信による情報の流通によって発生する権利侵害等への対処に関する法律,
 * 情報流通プラットフォーム対処法 (Information Distribution Platform Act). Under art. 3(2) a provider
 * that takes transmission prevention measures (送信防止措置) is not liable to the poster (発信者)
 * if it had reasonable grounds (相当の理由) to believe the rights were infringed (i), or if it asked
 * the poster and no objection came within 7 days (ii). A dead copy is evident, so the letter then
 * invokes (i). A publisher usually enforces as 出版権者 (Copyright Act arts 79-80). The items follow
 * the copyright guideline's form (著作権関係ガイドライン 様式A; docs/notice-law.md §7). The letter is in
 * English or Chinese; the form's labels are quoted in Japanese where it helps the reader.
 */
const ACT: Localised = {
  en: 'Information Distribution Platform Act (Act No. 137 of 2001, as amended 2024)',
  zh: '日本《信息流通平台应对法》（2001年第137号法律，2024年修订）',
};
const FORM: Localised = {
  en: `${ACT.en}; copyright guideline form A (著作権関係ガイドライン 様式A)`,
  zh: `${ACT.zh}；著作权关系指南 样式A`,
};

const RIGHT: Record<'copyright' | 'publication', Localised> = {
  copyright: {
    en: 'the copyright in the works, namely the rights of reproduction and public transmission (Copyright Act of Japan, arts 21 and 23)',
    zh: '上述作品的著作权，即复制权及公众传播权（日本《著作权法》第21条、第23条）',
  },
  publication: {
    en: 'the publication right (出版権) in the works, including the right to transmit the electronic edition to the public (Copyright Act of Japan, arts 79 and 80)',
    zh: '上述作品的出版权（出版権），包括向公众传播电子版的权利（日本《著作权法》第79条、第80条）',
  },
};

const rightOf = (c: NoticeCase) => RIGHT[c.japan.right];

export const jp: Regime = {
  id: 'jp',
  name: {
    en: 'Japan: Information Distribution Platform Act, guideline notice form',
    zh: '日本：信息流通平台应对法及指南通知样式',
  },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: {
    en: 'Notice of copyright infringement and request for transmission prevention measures (送信防止措置依頼書)',
    zh: '著作权侵权通知及送信防止措施请求书（送信防止措置依頼書）',
  },
  statementLaw: {
    en: 'Civil Code of Japan art. 709 (tort); guideline form A',
    zh: '日本《民法》第709条（侵权行为）；指南样式A',
  },
  legalBasis: (c) => ({
    en: `the Act on Countermeasures against Infringement of Rights Caused by Distribution of Information through Specified Telecommunications (情報流通プラットフォーム対処法, Information Distribution Platform Act; Act No. 137 of 2001, as amended by Act No. 25 of 2024, in force 1 April 2025), article 3(2), and the Copyright Act of Japan (${c.japan.right === 'publication' ? 'arts 79 and 80' : 'arts 21 and 23'})`,
    zh: `日本《关于应对因特定电信信息流通所致权利侵害等的法律》（情報流通プラットフォーム対処法；2001年第137号法律，经2024年第25号法律修订，2025年4月1日施行）第3条第2款及日本《著作权法》（${c.japan.right === 'publication' ? '第79条、第80条' : '第21条、第23条'}）`,
  }),
  introNotes: (c) => [
    {
      en: 'This notice follows the copyright guideline notice form (権利侵害の通知書 / 送信防止措置依頼書). We ask you to take measures to prevent the transmission of the infringing information (送信防止措置).',
      zh: '本通知依照著作权关系指南通知样式（権利侵害の通知書 / 送信防止措置依頼書）作出。我司请求贵司采取防止侵权信息传播的措施（送信防止措置）。',
    },
    c.japan.evident
      ? {
          en: 'Each listed item is a complete copy of the work (a dead copy), so the infringement is evident and you have reasonable grounds (相当の理由) to believe that our rights are infringed: you may take the measures at once, without liability to the person who posted the material (発信者) (art. 3(2)(i)).',
          zh: '所列各项均为作品的完整复制件（デッドコピー），侵权明显，贵司有相当理由（相当の理由）认定我司权利受到侵害，可立即采取措施，且对发布该内容的人（発信者）不承担责任（第3条第2款第1项）。',
        }
      : {
          en: 'You may ask the person who posted the material (発信者) whether they agree to the measures; if that person does not object within 7 days, you are not liable to them for taking the measures (art. 3(2)(ii)).',
          zh: '贵司可询问发布该内容的人（発信者）是否同意采取该措施；该人在7日内未提出异议的，贵司对其不承担责任（第3条第2款第2项）。',
        },
  ],
  explanationNotes: (c) => [
    {
      en: `Right infringed (侵害された権利): ${rightOf(c).en}.`,
      zh: `被侵害的权利（侵害された権利）：${rightOf(c).zh}。`,
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
    // Form A: a lawyer or agent states its authority; a declared agent without it is blocked.
    el('authority', FORM, true),
    // The form's labels for the rights claimed and their proof are unverified: warn, do not block.
    el('rights_basis', FORM, false, { unverified: true }),
    el('signature', FORM, false),
    el('sender_email', FORM, false),
    el('evidence_prelim', FORM, false),
    el('datetime_observed', FORM, false),
    el('requested_measure', ACT, false),
    el('no_settlement_demand', NEUTRAL_NOTICE, false),
  ],
  statements: [
    {
      id: 'verification_method',
      text: {
        en: () =>
          'How the infringement can be verified (権利侵害を確認可能な方法): compare the material at each listed URL with the original work listed above (at its original URL where one is given) and with the evidence attached, each file identified by its SHA-256 hash.',
        zh: () =>
          '侵权的核实方法（権利侵害を確認可能な方法）：将所列各网址上的内容与上文所列原作（如列有原始网址，见该网址）及所附证据（各文件以 SHA-256 哈希值标识）进行比对。',
      },
    },
    {
      id: 'stmt_truth_jp',
      text: {
        en: (s) =>
          `${s.party} certifies that the contents stated above are true and correct (上記内容が事実に相違ないことを証します).`,
        zh: (s) => `${s.party}证明上述内容属实（上記内容が事実に相違ないことを証します）。`,
      },
    },
  ],
};
