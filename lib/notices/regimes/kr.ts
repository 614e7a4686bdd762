import { NEUTRAL_NOTICE } from '../elements';
import { el, type Regime } from '../regime';

/**
 * South Korea: Copyright Act art. 103. The claimant shows prima facie (소명) that it holds the
 * right and that the right is infringed, and asks the online service provider to stop the
 * reproduction or transmission; the provider suspends immediately and notifies the uploader and
 * the claimant. A person who asks for suspension without a right is liable for the damage caused.
 * The Enforcement Decree (art. 40 ff.) prescribes the request form, proof of the right and a
 * power of attorney for agents; the reference marks those details unverified (docs/notice-law.md §8).
 */
const A103 = { en: 'Copyright Act (Korea) art. 103', zh: '韩国著作权法 第103条' };
const DECREE = { en: 'Enforcement Decree of the Copyright Act (Korea) art. 40', zh: '韩国著作权法施行令 第40条' };
const BOTH = { en: `${A103.en}; ${DECREE.en}`, zh: `${A103.zh}；${DECREE.zh}` };

export const kr: Regime = {
  id: 'kr',
  name: { en: 'South Korea: Copyright Act art. 103', zh: '韩国：著作权法第103条' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: {
    en: 'Request to suspend reproduction and transmission under article 103 of the Copyright Act',
    zh: '依据韩国《著作权法》第103条提出的停止复制、传输请求',
  },
  statementLaw: { en: 'Copyright Act (Korea) art. 103(6)', zh: '韩国著作权法 第103条第6款' },
  conduitLaw: {
    en: 'article 102(1)1 of the Copyright Act of Korea (conduits are outside article 103)',
    zh: '韩国《著作权法》第102条第1款第1项（传输服务不适用第103条）',
  },
  legalBasis: () => ({
    en: 'article 103 of the Copyright Act of the Republic of Korea and its Enforcement Decree',
    zh: '大韩民国《著作权法》第103条及其施行令',
  }),
  introNotes: () => [
    {
      en: 'On this request, article 103 of the Copyright Act asks the online service provider to stop the reproduction or transmission of the material immediately and to notify both the person who made it available and the rights holder.',
      zh: '依据《著作权法》第103条，在线服务提供者收到本请求后，应立即停止该内容的复制或传输，并通知提供该内容的人及权利人。',
    },
  ],
  elements: [
    el('sender_identity', BOTH, true),
    el('sender_contact', BOTH, true),
    el('work_id', A103, true),
    // Art. 103: the claimant shows prima facie that it holds the right and that it is infringed.
    el('rights_basis', A103, true),
    el('location', A103, true),
    el('infringement_desc', A103, true, {
      check: (c) => (c.infringementDesc.trim() || c.explanation.trim() ? 'ok' : 'missing'),
    }),
    el('evidence_prelim', A103, true),
    // A declared agent without a power of attorney is blocked; an owner mismatch alone warns.
    el('authority', DECREE, true),
    el('id_document', DECREE, false, { unverified: true }),
    el('signature', DECREE, false, { unverified: true }),
    el('sender_address', DECREE, false, { unverified: true }),
    el('sender_email', DECREE, false, { unverified: true }),
    el('explanation', A103, false),
    el('datetime_observed', A103, false),
    el('requested_measure', A103, false),
    el('no_settlement_demand', NEUTRAL_NOTICE, false),
  ],
  statements: [
    {
      id: 'stmt_accuracy',
      text: {
        en: (s) =>
          `${s.party} holds the rights described above, or is authorised to act for their holder, believes in good faith that the material infringes them, and confirms that the information in this notice is accurate. ${s.party} is aware that a person who requests the suspension of reproduction or transmission without a legitimate right is liable for the damage caused.`,
        zh: (s) =>
          `${s.party}享有上述权利或经权利人授权行事，善意地相信上述内容侵犯了该权利，并确认本通知中的信息准确。${s.party}知悉，无正当权利而请求停止复制或传输的，应对由此造成的损害承担赔偿责任。`,
      },
    },
  ],
};
