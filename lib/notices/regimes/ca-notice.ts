import type { MeasureId } from '../measures';
import { el, type Regime } from '../regime';

/**
 * Canada: notice-and-notice, Copyright Act (R.S.C. 1985, c. C-42) ss. 41.25-41.26. The
 * provider's only duty is to forward the notice and tell the claimant it did (41.26(1)(a)),
 * so the letter asks for forwarding, never takedown. Since 13 Dec 2018 (41.25(3)) a notice
 * with an offer to settle or a request for payment or personal information does not comply.
 */
const s = (p: string) => ({ en: `Copyright Act (Canada) s. ${p}`, zh: `加拿大版权法 第${p}条` });

const FORWARDING: ReadonlySet<MeasureId> = new Set(['forward_to_customer', 'forward_to_origin', 'forward_to_registrant', 'forward_downstream', 'delist', 'withhold_sender_details']);

export const caNotice: Regime = {
  id: 'ca-notice',
  name: { en: 'Canada: notice and notice (Copyright Act s. 41.25)', zh: '加拿大：通知转通知制度（版权法第41.25条）' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: { en: 'Notice of claimed infringement under section 41.25 of the Copyright Act', zh: '依据加拿大《版权法》第41.25条提交的侵权主张通知' },
  legalBasis: () => ({ en: 'sections 41.25 and 41.26 of the Copyright Act (R.S.C. 1985, c. C-42)', zh: '加拿大《版权法》（R.S.C. 1985, c. C-42）第41.25条及第41.26条' }),
  elements: [
    el('written_form', s('41.25(2)'), true),
    el('sender_identity', s('41.25(2)(a)'), true),
    el('sender_address', s('41.25(2)(a)'), true),
    el('work_id', s('41.25(2)(b)'), true),
    el('rights_basis', s('41.25(2)(c)'), true),
    el('location', s('41.25(2)(d)'), true),
    el('infringement_desc', s('41.25(2)(e)'), true, {
      check: (c) => (c.infringementDesc.trim() || c.explanation.trim() ? 'ok' : 'missing'),
    }),
    el('datetime_observed', s('41.25(2)(f)'), true),
    el('no_settlement_demand', s('41.25(3)'), true),
    el('signature', s('41.25(2)'), false),
    el('sender_contact', s('41.25(2)(a)'), false),
    el('evidence_prelim', s('41.25(2)(e)'), false),
    el('legal_basis', s('41.25'), false),
  ],
  statements: [
    {
      id: 'accuracy',
      text: {
        en: (st) =>
          `${st.party} confirms that the information in this notice is accurate to the best of its knowledge. This notice asks that it be forwarded under section 41.26 of the Copyright Act.`,
        zh: (st) => `${st.party}确认本通知中的信息据其所知准确无误。本通知要求依据《版权法》第41.26条予以转送。`,
      },
    },
  ],
  adjustMeasures: (measures) => {
    const kept = measures.filter((m) => FORWARDING.has(m));
    if (!kept.some((m) => m.startsWith('forward_') || m === 'delist')) kept.unshift('forward_to_customer');
    return [...kept, 'confirm_action', 'own_policy'];
  },
};
