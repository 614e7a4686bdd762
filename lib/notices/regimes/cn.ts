import { isSearch, type Localised } from '../elements';
import { serviceKindOf } from '../measures';
import { el, type Regime } from '../regime';

/**
 * China. Civil Code art. 1195 applies to every network service provider, cloud lessors
 * included; Regulations art. 14 (信息网络传播权保护条例) to storage-space and search/link
 * services; the NCAC 2007 model form adds fields Chinese hosts expect (recommended, not
 * mandatory). The Alibaba Cloud appeal (Beijing IP Court, 2019) was lost because the
 * letters were not a qualified notice (合格通知), so the Art. 14 items block sending.
 */
const REG14 = { en: 'Regulations on the Right of Dissemination via Information Network, art. 14', zh: '信息网络传播权保护条例 第十四条' };
const CIVIL = { en: 'Civil Code art. 1195', zh: '民法典 第一千一百九十五条' };
const BOTH = { en: `${CIVIL.en}; ${REG14.en}`, zh: `${CIVIL.zh}；${REG14.zh}` };
const NCAC = { en: 'NCAC model notice (2007)', zh: '国家版权局通知示范格式（2007）' };
const notSearch = (c: Parameters<typeof isSearch>[0]) => !isSearch(c);

// Necessary measures depend on the type of service (Civil Code art. 1195), so the letter says
// which type the sender believes applies (notice-law.md §11, regime notes).
const SERVICE_TYPE: Record<string, Localised> = {
  cloud: { en: 'cloud server rental (IaaS)', zh: '云服务器租赁服务' },
  shared: { en: 'information storage space (web hosting)', zh: '信息存储空间服务（网站托管）' },
  storage: { en: 'information storage space', zh: '信息存储空间服务' },
  search: { en: 'search and link services', zh: '搜索、链接服务' },
  cdn: { en: 'content delivery (caching) services', zh: '内容分发（缓存）服务' },
  registrar: { en: 'domain name registration services', zh: '域名注册服务' },
  network: { en: 'network access services', zh: '网络接入服务' },
};

// 信息网络传播权保护条例 第十四条, quoted unchanged.
const TRUTH = '权利人应当对通知书的真实性负责。';

export const cn: Regime = {
  id: 'cn',
  name: { en: 'China: Civil Code art. 1195 and Regulations art. 14', zh: '中国：民法典第一千一百九十五条及信息网络传播权保护条例第十四条' },
  defaultLang: 'zh',
  dateStyle: 'intl',
  subject: { en: 'Notice of infringement requesting deletion or disconnection of links', zh: '要求删除或断开链接侵权网络内容的通知' },
  legalBasis: (c) => {
    const kind = serviceKindOf(c.recipient);
    if (kind === 'storage' || kind === 'shared' || kind === 'search')
      return {
        en: 'article 1195 of the Civil Code of the PRC and articles 14 and 15 of the Regulations on the Protection of the Right of Dissemination via Information Network',
        zh: '《中华人民共和国民法典》第一千一百九十五条及《信息网络传播权保护条例》第十四条、第十五条',
      };
    return { en: 'article 1195 of the Civil Code of the PRC', zh: '《中华人民共和国民法典》第一千一百九十五条' };
  },
  introNotes: (c) => {
    const t = SERVICE_TYPE[serviceKindOf(c.recipient)];
    return t ? [{ en: `We believe the service you provide for this material is ${t.en}.`, zh: `我方认为，贵司就上述内容提供的服务类型为${t.zh}。` }] : [];
  },
  elements: [
    el('written_form', REG14, true),
    el('sender_identity', BOTH, true),
    el('sender_address', REG14, true),
    el('sender_contact', REG14, true),
    el('work_id', REG14, true),
    el('location', REG14, true, { appliesTo: notSearch }),
    el('link_location', REG14, true, { appliesTo: isSearch }),
    el('evidence_prelim', BOTH, true),
    el('stmt_truthfulness_cn', REG14, true),
    el('signature', NCAC, false),
    el('sender_email', NCAC, false),
    el('id_document', NCAC, false),
    el('authority', NCAC, false),
    el('rights_basis', NCAC, false),
    el('site_ip', NCAC, false),
    el('icp_number', NCAC, false),
    el('infringement_desc', NCAC, false),
    el('explanation', NCAC, false),
    el('datetime_observed', NCAC, false),
    el('requested_measure', NCAC, false),
    el('legal_basis', NCAC, false),
    el('no_settlement_demand', CIVIL, false),
  ],
  statements: [
    {
      id: 'stmt_truthfulness_cn',
      verbatim: TRUTH,
      text: {
        en: () =>
          `The rights holder guarantees that the contents of this notice are true and accurate, and accepts the legal responsibility that follows from it. ${TRUTH} (The rights holder shall be responsible for the truthfulness of the notice.)`,
        zh: () => `权利人保证本通知书所述内容真实、准确，并承担由此产生的法律责任。${TRUTH}`,
      },
    },
  ],
};
