import { z } from 'zod';
import type { Recipient, ServiceKind } from '../model/recipient';

/**
 * What a notice asks for depends on who receives it (notice-law.md §11). A cloud lessor
 * cannot delete one page, so it is asked to forward and preserve: the Beijing IP Court held
 * in 2019 (乐动卓越 v. 阿里云) that forwarding (转通知) is a rented cloud server's necessary
 * measure. A CDN cannot remove origin content, so it forwards and names the host.
 */
export const MEASURE_IDS = [
  'forward_to_customer',
  'preserve_data',
  'necessary_measures',
  'confirm_action',
  'remove_or_disable',
  'notify_uploader',
  'repeat_infringer',
  'forward_to_origin',
  'disclose_host',
  'purge_cache',
  'withhold_sender_details',
  'forward_to_registrant',
  'abuse_policy',
  'delist',
  'forward_downstream',
  'own_policy',
] as const;
export const MeasureIdSchema = z.enum(MEASURE_IDS);
export type MeasureId = z.infer<typeof MeasureIdSchema>;

/** The service kind a recipient is treated as: its declared kind, else one implied by its role. */
export function serviceKindOf(r: Pick<Recipient, 'role' | 'kind'>): ServiceKind {
  if (r.kind && r.kind !== 'unknown') return r.kind;
  switch (r.role) {
    case 'cdn':
      return 'cdn';
    case 'registrar':
    case 'registry':
      return 'registrar';
    case 'search':
      return 'search';
    case 'upstream':
      return 'network';
    default:
      return 'unknown';
  }
}

const BY_KIND: Record<ServiceKind, MeasureId[]> = {
  cloud: ['forward_to_customer', 'preserve_data', 'necessary_measures', 'confirm_action'],
  shared: ['remove_or_disable', 'notify_uploader', 'repeat_infringer'],
  storage: ['remove_or_disable', 'notify_uploader', 'repeat_infringer'],
  cdn: ['forward_to_origin', 'disclose_host'],
  registrar: ['forward_to_registrant', 'abuse_policy'],
  search: ['delist'],
  network: ['forward_downstream'],
  // A host of unknown kind may be a reseller or an IaaS lessor: ask for both paths.
  unknown: ['remove_or_disable', 'forward_to_customer', 'confirm_action'],
};

export interface MeasureOptions {
  /** The origin copy is gone or a court ordered removal: a caching provider may then purge. */
  originRemoved?: boolean;
  withholdSenderDetails?: boolean;
}

/** The measures to request from this recipient, in the order the letter lists them. */
export function measureFor(recipient: Pick<Recipient, 'role' | 'kind'>, opts: MeasureOptions = {}): MeasureId[] {
  const kind = serviceKindOf(recipient);
  const out = [...BY_KIND[kind]];
  if (kind === 'cdn') {
    if (opts.originRemoved) out.push('purge_cache');
    if (opts.withholdSenderDetails) out.push('withhold_sender_details');
  }
  return out;
}

type Lines = Record<MeasureId, string>;

export const MEASURE_TEXT: { en: Lines; zh: Lines } = {
  en: {
    forward_to_customer: 'Forward this notice to the customer who operates the server or account concerned, and ask the customer to remove the listed material.',
    preserve_data: 'Preserve the subscriber records, access logs and a copy of the listed material for at least 90 days, pending legal process.',
    necessary_measures: 'If the customer does not act, take the measures appropriate to your service under your acceptable use policy, starting with a warning. We do not ask you to wipe or shut down the whole server as a first step.',
    confirm_action: 'Confirm that the notice was forwarded and tell us what action was taken.',
    remove_or_disable: 'Remove, or disable access to, the material at each listed URL.',
    notify_uploader: 'Notify the user who uploaded the material.',
    repeat_infringer: 'Apply your repeat-infringer policy to the account concerned.',
    forward_to_origin: 'Forward this notice to the origin hosting provider and to the operator of the website.',
    disclose_host: 'Tell us which hosting provider serves the origin of this website, so that we can notify it directly.',
    purge_cache: 'Purge the cached copies of the listed material from your network; the origin copy has been removed or its removal ordered, as stated below.',
    withhold_sender_details: 'Please do not pass our personal contact details to the website operator; forward the substance of the notice only.',
    forward_to_registrant: 'Investigate this report and forward it to the registrant of the domain name.',
    abuse_policy: 'Where the domain name is used mainly for infringement, act under your abuse policy and registration terms.',
    delist: 'Remove the listed URLs from your search results.',
    forward_downstream: 'Forward this notice to the downstream customer to whom the listed address is assigned.',
    own_policy: 'You may also act under your own terms of service; this notice does not demand it.',
  },
  zh: {
    forward_to_customer: '将本通知转送（转通知）给使用相关服务器或账户的客户，并要求其删除所列内容。',
    preserve_data: '保存相关用户的注册信息、访问日志及所列内容的副本，保存期不少于90日，以备法律程序之需。',
    necessary_measures: '如客户不予处理，请根据贵司服务类型及服务条款采取相应的必要措施（可先行警告）。我方不要求贵司首先关闭或清空整台服务器。',
    confirm_action: '请确认已转送本通知，并告知已采取的措施。',
    remove_or_disable: '删除、屏蔽所列网址上的内容，或断开其链接。',
    notify_uploader: '通知上传该内容的用户。',
    repeat_infringer: '对相关账户适用贵司的反复侵权处理规则。',
    forward_to_origin: '将本通知转送给源站托管服务商及网站经营者。',
    disclose_host: '告知我方该网站源站所在的托管服务商，以便我方直接通知。',
    purge_cache: '清除贵司网络中所列内容的缓存副本；如下文所述，源站内容已被删除或已有删除令。',
    withhold_sender_details: '请勿向网站经营者提供我方的个人联系方式，仅转送通知的实质内容。',
    forward_to_registrant: '调查本举报，并将其转送给该域名的注册人。',
    abuse_policy: '如该域名主要用于侵权，请依据贵司的滥用处理政策及注册协议采取措施。',
    delist: '从搜索结果中删除所列网址。',
    forward_downstream: '将本通知转送给所列地址所分配的下游客户。',
    own_policy: '贵司亦可依据自身服务条款处理；本通知不作此项要求。',
  },
};
