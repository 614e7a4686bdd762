import { el, type Regime, type Statement } from '../regime';

/** Good faith, accuracy and authority in plain words, for regimes that prescribe no wording. */
export const PLAIN_STATEMENT: Statement = {
  id: 'accuracy',
  text: {
    en: (s) =>
      `${s.party} believes in good faith that the use of the material described above is not authorised by the copyright owner, its agent or the law, and confirms that the information in this notice is accurate and that it is authorised to act for the copyright owner.`,
    zh: (s) => `${s.party}善意地相信，上述内容的使用未经版权所有人、其代理人或法律许可，并确认本通知中的信息准确，且其有权代表版权所有人行事。`,
  },
};

/**
 * Anywhere else: no statute to cite, so the notice carries what every regime in
 * notice-law.md §13 has in common (who is complaining, which work, where the copy is) and
 * recommends the rest. Berne Convention art. 9 gives the reproduction right in all member states.
 */
const BERNE = { en: 'Berne Convention art. 9; common notice practice', zh: '伯尔尼公约 第9条；通行通知惯例' };

export const generic: Regime = {
  id: 'generic',
  name: { en: 'Generic copyright notice', zh: '通用版权侵权通知' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: { en: 'Copyright infringement notice', zh: '版权侵权通知' },
  legalBasis: () => ({
    en: 'the copyright law applicable to your service and the Berne Convention for the Protection of Literary and Artistic Works',
    zh: '适用于贵司服务的著作权法律及《保护文学和艺术作品伯尔尼公约》',
  }),
  elements: [
    el('sender_identity', BERNE, true),
    el('sender_contact', BERNE, true),
    el('work_id', BERNE, true),
    el('location', BERNE, true),
    el('signature', BERNE, false),
    el('sender_address', BERNE, false),
    el('rights_basis', BERNE, false),
    el('explanation', BERNE, false),
    el('evidence_prelim', BERNE, false),
    el('datetime_observed', BERNE, false),
    el('site_ip', BERNE, false),
    el('requested_measure', BERNE, false),
    el('no_settlement_demand', BERNE, false),
  ],
  statements: [PLAIN_STATEMENT],
};
