import type { NoticeCase } from '../case';
import { agentSends, isCdn, isSearch, type Localised } from '../elements';
import { serviceKindOf } from '../../model/recipient';
import { el, type Regime } from '../regime';

/**
 * China. Civil Code art. 1195 applies to every network service provider, cloud lessors
 * included; the Regulations (信息网络传播权保护条例) arts 14-15 only to storage-space services and
 * art. 23 to search/link services, so a cloud or CDN checklist cites 1195 and the NCAC form,
 * never Regulations art. 14 (notice-review.md, further defects). Art. 21 (automatic caching) is
 * cited for a CDN once the origin copy is gone.
 *
 * A qualified notice (合格通知): the Alibaba Cloud appeal ((2017)京73民终1194号) was lost because the
 * letters carried no preliminary evidence, no identity documents and no annexes. So the ID or
 * business licence copy, proof of ownership, the evidence, a signature and, for an agent, the
 * per-notice power of attorney (NCAC 2007 填写说明) all block sending.
 */
const REG14: Localised = {
  en: 'Regulations on the Protection of the Right of Dissemination via Information Network, art. 14',
  zh: '信息网络传播权保护条例 第十四条',
};
const CIVIL: Localised = { en: 'Civil Code art. 1195', zh: '民法典 第一千一百九十五条' };
const NCAC: Localised = { en: 'NCAC model notice (2007)', zh: '国家版权局通知示范格式（2007）' };
const OPINION: Localised = { en: 'SPC Opinions 法发〔2020〕32号 art. 5', zh: '法发〔2020〕32号 第5条' };
const join = (...xs: Localised[]): Localised => ({
  en: xs.map((x) => x.en).join('; '),
  zh: xs.map((x) => x.zh).join('；'),
});

/** The Regulations reach storage-space and search/link services only. */
export const regulationsApply = (c: NoticeCase) => ['storage', 'shared', 'search'].includes(serviceKindOf(c.recipient));
/** Art. 14 for storage and links, else art. 1195 (with the NCAC form for what it adds). */
const core = (c: NoticeCase) => (regulationsApply(c) ? REG14 : CIVIL);
const identity = (c: NoticeCase) => (regulationsApply(c) ? join(CIVIL, REG14) : join(CIVIL, NCAC));
const form = (c: NoticeCase) => (regulationsApply(c) ? join(REG14, NCAC) : join(CIVIL, NCAC));
const notSearch = (c: NoticeCase) => !isSearch(c);

// Necessary measures depend on the type of service (Civil Code art. 1195), so the letter says
// which type the sender believes applies (notice-law.md §11, regime notes).
export const SERVICE_TYPE: Record<string, Localised> = {
  cloud: { en: 'cloud server rental (IaaS)', zh: '云服务器租赁服务' },
  shared: { en: 'information storage space (web hosting)', zh: '信息存储空间服务（网站托管）' },
  storage: { en: 'information storage space', zh: '信息存储空间服务' },
  search: { en: 'search and link services', zh: '搜索、链接服务' },
  cdn: { en: 'content delivery (caching) services', zh: '内容分发（缓存）服务' },
};

export const cn: Regime = {
  id: 'cn',
  name: {
    en: 'China: Civil Code art. 1195 and Regulations art. 14',
    zh: '中国：民法典第一千一百九十五条及信息网络传播权保护条例第十四条',
  },
  defaultLang: 'zh',
  dateStyle: 'intl',
  // The subject names the request the letter makes (a forwarding letter is not 要求删除).
  subject: (c) => {
    const kind = serviceKindOf(c.recipient);
    if (kind === 'cloud')
      return {
        en: 'Notice requesting forwarding to your customer and necessary measures',
        zh: '关于要求转送侵权通知并采取必要措施的通知书',
      };
    if (kind === 'cdn')
      return {
        en: 'Notice requesting forwarding to the origin host and disclosure of the host',
        zh: '关于要求转送侵权通知并告知源站服务商的通知书',
      };
    if (kind === 'search')
      return { en: 'Notice requesting disconnection of links to infringing content', zh: '要求断开侵权链接的通知书' };
    return {
      en: 'Notice requesting deletion of infringing content or disconnection of links',
      zh: '要求删除或断开链接侵权网络内容的通知书',
    };
  },
  statementLaw: {
    en: 'Civil Code art. 1195(3); Regulations art. 24',
    zh: '民法典 第一千一百九十五条第三款；信息网络传播权保护条例 第二十四条',
  },
  conduitLaw: { en: 'Regulations art. 20', zh: '《信息网络传播权保护条例》第二十条' },
  legalBasis: (c) => {
    const kind = serviceKindOf(c.recipient);
    if (kind === 'storage' || kind === 'shared')
      return {
        en: 'article 1195 of the Civil Code of the PRC and articles 14 and 15 of the Regulations on the Protection of the Right of Dissemination via Information Network',
        zh: '《中华人民共和国民法典》第一千一百九十五条及《信息网络传播权保护条例》第十四条、第十五条',
      };
    if (kind === 'search')
      return {
        en: 'article 1195 of the Civil Code of the PRC and articles 14 and 23 of the Regulations on the Protection of the Right of Dissemination via Information Network',
        zh: '《中华人民共和国民法典》第一千一百九十五条及《信息网络传播权保护条例》第十四条、第二十三条',
      };
    if (isCdn(c) && c.originRemoved)
      return {
        en: 'article 1195 of the Civil Code of the PRC and article 21 of the Regulations on the Protection of the Right of Dissemination via Information Network',
        zh: '《中华人民共和国民法典》第一千一百九十五条及《信息网络传播权保护条例》第二十一条',
      };
    return { en: 'article 1195 of the Civil Code of the PRC', zh: '《中华人民共和国民法典》第一千一百九十五条' };
  },
  elements: [
    el('sender_identity', identity, true),
    el('id_document', identity, true),
    el('sender_address', form, true),
    el('sender_contact', form, true, {
      // The NCAC form asks for a fixed-line telephone; a mainland mobile number alone warns.
      check: (c) => {
        const email = c.letterhead.email.trim();
        const phone = c.letterhead.phone.replace(/[\s-]/g, '');
        if (!email && !phone) return 'missing';
        if (!email || !phone) return 'weak';
        return /^(\+?86)?1[3-9]\d{9}$/.test(phone) ? 'weak' : 'ok';
      },
      description: (c) =>
        c.letterhead.email.trim() && c.letterhead.phone.trim()
          ? {
              en: 'The NCAC form asks for a fixed-line telephone number (固定电话); add one.',
              zh: '国家版权局示范格式要求填写固定电话；请补充固定电话号码。',
            }
          : { en: 'Enter a telephone number and an e-mail address.', zh: '请填写电话和电子邮箱。' },
    }),
    el('work_id', core, true),
    el('rights_basis', (c) => join(OPINION, core(c)), true, {
      // Who holds the right, and the proof of it attached: a registration number or an ownership document.
      check: (c) => {
        const named = c.rightsBasis.trim() || (c.works.length > 0 && c.works.every((w) => w.owner.trim()));
        const proof = c.ownershipProof.trim() || (c.works.length > 0 && c.works.every((w) => w.registration.trim()));
        return named && proof ? 'ok' : 'missing';
      },
    }),
    el('location', core, true, { appliesTo: notSearch }),
    el('link_location', REG14, true, { appliesTo: isSearch }),
    el('evidence_prelim', (c) => (regulationsApply(c) ? join(CIVIL, REG14) : CIVIL), true),
    el('stmt_truthfulness_cn', (c) => (regulationsApply(c) ? REG14 : join(CIVIL, NCAC)), true),
    el('signature', NCAC, true),
    el('authority', NCAC, true, { appliesTo: agentSends }),
    el('sender_email', NCAC, false),
    el('site_ip', NCAC, false, { appliesTo: notSearch }),
    el('icp_number', NCAC, false, { appliesTo: notSearch }),
    el('infringement_desc', NCAC, false),
    el('explanation', NCAC, false),
    el('datetime_observed', NCAC, false),
    el('requested_measure', NCAC, false),
    el(
      'no_settlement_demand',
      {
        en: 'good practice: a 通知 to a provider is not a cease-and-desist letter',
        zh: '实务：向服务商发出的通知不同于律师函，不提出赔偿要求',
      },
      false,
    ),
  ],
  statements: [
    {
      id: 'stmt_truthfulness_cn',
      // The sender's own promise (NCAC form), not the Regulations' normative rule quoted back.
      text: {
        en: () =>
          'We guarantee that this notice and its attachments are true, lawful and valid, and we answer for the truthfulness of this notice. If untrue contents of this notice cause loss to you or to the network users concerned, we will bear the legal liability that follows according to law.',
        zh: () =>
          '我司保证本通知书及所附材料内容真实、合法、有效，并对本通知书的真实性负责。如因本通知内容不实导致贵司或相关网络用户遭受损失的，我司依法承担相应的法律责任。',
      },
    },
  ],
};
