import { el, type Regime, type Statement } from '../regime';

/** Good faith, accuracy and authority in plain words, for regimes that prescribe no wording. */
export const PLAIN_STATEMENT: Statement = {
  id: 'stmt_accuracy',
  text: {
    en: (s) =>
      `${s.party} believes in good faith that the use of the material described above is not authorised by the copyright owner, its agent or the law, and confirms that the information in this notice is accurate and that it is authorised to act for the copyright owner.`,
    zh: (s) =>
      `${s.party}善意地相信，上述内容的使用未经版权所有人、其代理人或法律许可，并确认本通知中的信息准确，且其有权代表版权所有人行事。`,
  },
};

/**
 * Anywhere else: no statute to cite, so the notice carries what every regime in
 * docs/notice-law.md §6 has in common (who is complaining, which work, where the copy is) and
 * recommends the rest. The works are protected in the recipient's country through the Berne
 * Convention's national treatment (art. 5), which the letter says; it claims no statutory form.
 */
const PRACTICE = { en: 'common notice practice (no statutory form)', zh: '通行通知惯例（无法定格式）' };

export const generic: Regime = {
  id: 'generic',
  name: { en: 'Generic copyright notice', zh: '通用版权侵权通知' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: { en: 'Copyright infringement notice', zh: '版权侵权通知' },
  statementLaw: { en: 'general law on false statements', zh: '关于虚假陈述的一般法律规定' },
  legalBasis: () => ({
    en: 'the copyright law of the country where your service is provided, under which the works are protected through the Berne Convention for the Protection of Literary and Artistic Works',
    zh: '贵司提供服务所在国的著作权法（上述作品依《保护文学和艺术作品伯尔尼公约》在该国受保护）',
  }),
  elements: [
    el('sender_identity', PRACTICE, true),
    el('sender_contact', PRACTICE, true),
    el('work_id', PRACTICE, true),
    el('location', PRACTICE, true),
    el('signature', PRACTICE, false),
    el('sender_address', PRACTICE, false),
    el('rights_basis', PRACTICE, false),
    el('explanation', PRACTICE, false),
    el('evidence_prelim', PRACTICE, false),
    el('datetime_observed', PRACTICE, false),
    el('site_ip', PRACTICE, false),
    el('requested_measure', PRACTICE, false),
    el('no_settlement_demand', PRACTICE, false),
  ],
  statements: [PLAIN_STATEMENT],
};
