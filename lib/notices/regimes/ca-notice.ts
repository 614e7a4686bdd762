import type { NoticeCase } from '../case';
import { isSearch } from '../elements';
import type { MeasureId } from '../measures';
import { el, type Regime } from '../regime';

/**
 * Canada: notice-and-notice, Copyright Act (R.S.C. 1985, c. C-42) ss. 41.25-41.27. The
 * provider's duties are to forward the notice, keep identifying records and say so (41.26(1)),
 * so the letter asks for those, never takedown. A provider of an information location tool
 * (41.25(1)(c)) has no forwarding duty: 41.26(1) covers only 41.25(1)(a) and (b), and 41.27 is
 * its provision, so a search engine is asked only to remove the links. Conduits are notice
 * recipients here (41.25(1)(a)). Since 13 Dec 2018 (41.25(3)) a notice with an offer to settle,
 * a request for payment or personal information, or a link to one does not comply: every user
 * field is scanned (settlement.ts). The statutory term is "notice of claimed infringement".
 */
const s = (p: string) => ({ en: `Copyright Act (Canada) s. ${p}`, zh: `加拿大版权法 第${p}条` });

const ALLOWED: ReadonlySet<MeasureId> = new Set([
  'forward_notice',
  'retain_records',
  'confirm_forwarding',
  'delist',
  'withhold_sender_details',
]);

export const caNotice: Regime = {
  id: 'ca-notice',
  name: { en: 'Canada: notice and notice (Copyright Act s. 41.25)', zh: '加拿大：通知转通知制度（版权法第41.25条）' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: {
    en: 'Notice of claimed infringement under section 41.25 of the Copyright Act',
    zh: '依据加拿大《版权法》第41.25条提交的侵权主张通知',
  },
  statementLaw: s('41.25(2)'),
  conduitNotice: true,
  legalBasis: (c: NoticeCase) =>
    isSearch(c)
      ? {
          en: 'sections 41.25 and 41.27 of the Copyright Act (R.S.C. 1985, c. C-42)',
          zh: '加拿大《版权法》（R.S.C. 1985, c. C-42）第41.25条及第41.27条',
        }
      : {
          en: 'sections 41.25 and 41.26 of the Copyright Act (R.S.C. 1985, c. C-42)',
          zh: '加拿大《版权法》（R.S.C. 1985, c. C-42）第41.25条及第41.26条',
        },
  elements: [
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
  ],
  statements: [
    {
      // 41.25(2)(c): the claimant's interest or right, as an explicit sentence.
      id: 'rights_basis',
      text: {
        en: (st) =>
          `${st.party} is the owner of the copyright in the works identified above, or the holder of the interest or right in that copyright stated above.`,
        zh: (st) => `${st.party}为上列作品的著作权人，或享有上文所述的与该著作权有关的利益或权利。`,
      },
    },
    {
      id: 'stmt_accuracy',
      text: {
        en: (st) =>
          `${st.party} confirms that the information in this notice of claimed infringement is accurate to the best of its knowledge.`,
        zh: (st) => `${st.party}确认，本侵权主张通知中的信息据其所知准确无误。`,
      },
    },
  ],
  // Whatever was chosen, only what notice-and-notice allows is asked for.
  adjustMeasures: (measures, c) => {
    const kept = measures.filter((m) => ALLOWED.has(m));
    if (isSearch(c)) return ['delist'];
    const base: MeasureId[] = ['forward_notice', 'retain_records', 'confirm_forwarding'];
    return [...base, ...kept.filter((m) => !base.includes(m) && m !== 'delist')];
  },
};
