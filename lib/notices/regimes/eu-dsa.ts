import { isCdn } from '../elements';
import { el, type Regime } from '../regime';

/**
 * EU: Digital Services Act (Regulation (EU) 2022/2065) art. 16(2)(a)-(d). A notice that meets
 * art. 16 gives the host actual knowledge for art. 6 only if a diligent provider can see the
 * illegality without a detailed legal examination (16(3)), so the explanation is required.
 * Caching providers act under art. 5 once the source copy is gone or removal was ordered.
 */
const a16 = (p: string) => ({ en: `DSA art. 16(${p})`, zh: `数字服务法 第16条第(${p})款` });

// Art. 16(2)(d), quoted unchanged.
const BONA_FIDE =
  'statement confirming the bona fide belief of the individual or entity submitting the notice that the information and allegations contained therein are accurate and complete.';

export const euDsa: Regime = {
  id: 'eu-dsa',
  name: { en: 'European Union: Digital Services Act art. 16', zh: '欧盟：数字服务法第16条' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: { en: 'Notice of illegal content (copyright infringement) under Article 16 DSA', zh: '依据《数字服务法》第16条提交的违法内容（版权侵权）通知' },
  legalBasis: (c) =>
    isCdn(c)
      ? { en: 'Articles 5 and 16 of Regulation (EU) 2022/2065 (Digital Services Act)', zh: '欧盟第2022/2065号条例（《数字服务法》）第5条及第16条' }
      : { en: 'Article 16 of Regulation (EU) 2022/2065 (Digital Services Act)', zh: '欧盟第2022/2065号条例（《数字服务法》）第16条' },
  elements: [
    el('explanation', a16('2)(a'), true),
    el('location', a16('2)(b'), true),
    el('sender_identity', a16('2)(c'), true),
    el('sender_email', a16('2)(c'), true),
    el('stmt_bona_fide_accurate_complete', a16('2)(d'), true),
    el('electronic_form', a16('1'), true),
    el('origin_removed_stmt', { en: 'DSA art. 5(1)(e)', zh: '数字服务法 第5条第1款(e)项' }, false, { appliesTo: isCdn }),
    el('work_id', a16('3'), false),
    el('rights_basis', a16('3'), false),
    el('signature', a16('2)(c'), false),
    el('infringement_desc', a16('2)(a'), false),
    el('evidence_prelim', a16('3'), false),
    el('datetime_observed', a16('2)(b'), false),
    el('requested_measure', { en: 'DSA art. 6(1)(b)', zh: '数字服务法 第6条第1款(b)项' }, false),
    el('legal_basis', a16('2)(a'), false),
    el('no_settlement_demand', a16('2)(d'), false),
  ],
  statements: [
    {
      id: 'stmt_bona_fide_accurate_complete',
      verbatim: BONA_FIDE,
      text: {
        en: () => `This is a ${BONA_FIDE}`,
        zh: () => `提交本通知的个人或实体确认，其善意地相信通知中所含信息及指控准确、完整。（英文原文：This is a ${BONA_FIDE}）`,
      },
    },
  ],
};
