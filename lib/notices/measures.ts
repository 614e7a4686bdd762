import { z } from 'zod';
import type { RegimeId } from '../model/notice';
import { serviceKindOf, type Recipient, type ServiceKind } from '../model/recipient';
import type { Localised } from './elements';

/**
 * What a notice asks for depends on who receives it (notice-law.md §11) and under which law
 * (notice-review.md D1). A host anywhere is asked to remove or disable access: that is what the
 * safe harbours turn on (17 U.S.C. § 512(c)(1)(C), DSA art. 6(1)(b), UK reg. 19(a)(ii)). A cloud
 * lessor does it by forwarding to its customer and then suspending under its acceptable-use policy,
 * so the letter names forwarding as the means, never as the whole request. Only in China is 转通知
 * plus 必要措施 the request itself (Civil Code art. 1195; 乐动卓越 v. 阿里云, (2017)京73民终1194号).
 * No measure text concedes anything on the provider's behalf ("cannot remove", "we do not ask you
 * to shut down the server"): a letter never argues the recipient's case.
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
  'remove_via_customer',
  'suspend_service',
  'report_ticket',
  'forward_notice',
  'retain_records',
  'confirm_forwarding',
] as const;
export const MeasureIdSchema = z.enum(MEASURE_IDS);
export type MeasureId = z.infer<typeof MeasureIdSchema>;

// Outside China and Canada: remove or disable access, whatever the kind of host.
const HOSTING: Record<ServiceKind, MeasureId[]> = {
  cloud: ['remove_via_customer', 'suspend_service', 'repeat_infringer', 'preserve_data', 'confirm_action'],
  shared: ['remove_or_disable', 'notify_uploader', 'repeat_infringer'],
  storage: ['remove_or_disable', 'notify_uploader', 'repeat_infringer'],
  cdn: ['forward_to_origin', 'disclose_host'],
  registrar: ['forward_to_registrant', 'abuse_policy', 'report_ticket'],
  search: ['delist'],
  network: ['forward_downstream', 'confirm_action'],
  // A host of unknown kind may be a reseller or an IaaS lessor: removal, with forwarding as a means.
  unknown: ['remove_or_disable', 'forward_to_customer', 'confirm_action'],
};

// China: 转通知 plus necessary measures for a cloud lessor; 删除/断开链接 for storage and links.
const CHINA: Record<ServiceKind, MeasureId[]> = {
  cloud: ['forward_to_customer', 'necessary_measures', 'preserve_data', 'confirm_action'],
  shared: ['remove_or_disable', 'notify_uploader', 'repeat_infringer'],
  storage: ['remove_or_disable', 'notify_uploader', 'repeat_infringer'],
  cdn: ['forward_to_origin', 'disclose_host'],
  registrar: HOSTING.registrar,
  search: ['delist'],
  network: HOSTING.network,
  unknown: ['remove_or_disable', 'forward_to_customer', 'confirm_action'],
};

// Canada: notice-and-notice. The duties are s. 41.26's (forward, keep records, say so); an
// information location tool has no forwarding duty (41.26(1) covers only 41.25(1)(a) and (b)).
const CANADA: Record<ServiceKind, MeasureId[]> = {
  cloud: ['forward_notice', 'retain_records', 'confirm_forwarding'],
  shared: ['forward_notice', 'retain_records', 'confirm_forwarding'],
  storage: ['forward_notice', 'retain_records', 'confirm_forwarding'],
  cdn: ['forward_notice', 'retain_records', 'confirm_forwarding'],
  registrar: HOSTING.registrar,
  search: ['delist'],
  network: ['forward_notice', 'retain_records', 'confirm_forwarding'],
  unknown: ['forward_notice', 'retain_records', 'confirm_forwarding'],
};

export interface MeasureOptions {
  /** The regime the letter is drafted under; absent, the measures of a hosting regime outside China. */
  regime?: RegimeId;
  /** The origin copy is gone or a court ordered removal: a caching provider may then purge. */
  originRemoved?: boolean;
  withholdSenderDetails?: boolean;
}

/** The measures to request from this recipient, in the order the letter lists them. */
export function measureFor(recipient: Pick<Recipient, 'role' | 'kind'>, opts: MeasureOptions = {}): MeasureId[] {
  const kind = serviceKindOf(recipient);
  const table = opts.regime === 'cn' ? CHINA : opts.regime === 'ca-notice' ? CANADA : HOSTING;
  let out = [...table[kind]];
  // § 512(i) is US law; elsewhere a repeat-infringer policy is the host's own, still worth asking for.
  if (kind === 'cloud' && opts.regime !== 'us-dmca' && table === HOSTING)
    out = out.filter((m) => m !== 'repeat_infringer');
  if (kind === 'cdn') {
    if (opts.originRemoved && opts.regime !== 'ca-notice') out.push('purge_cache');
    if (opts.withholdSenderDetails) out.push('withhold_sender_details');
  }
  return out;
}

export interface MeasureContext {
  regime: RegimeId;
  kind: ServiceKind;
}

type Text = Localised | ((x: MeasureContext) => Localised);

const us = (x: MeasureContext) => x.regime === 'us-dmca';
const china = (x: MeasureContext) => x.regime === 'cn';

const TEXT: Record<MeasureId, Text> = {
  remove_or_disable: (x) =>
    china(x)
      ? {
          en: 'Remove the infringing content at each listed URL, or disconnect links to it, immediately.',
          zh: '立即删除所列网址上的侵权内容，或断开与其的链接。',
        }
      : x.regime === 'in'
        ? {
            en: 'Disable access to the material at each listed URL expeditiously.',
            zh: '迅速禁止对所列各网址上内容的访问。',
          }
        : x.regime === 'kr'
          ? {
              en: 'Suspend the reproduction and transmission of the material at each listed URL immediately (article 103(2)).',
              zh: '立即停止所列各网址上内容的复制和传输（第103条第2款）。',
            }
          : x.regime === 'jp'
            ? {
                en: 'Take transmission prevention measures (送信防止措置) for the material at each listed URL, by removing it or disabling access to it.',
                zh: '对所列各网址上的内容采取送信防止措施（送信防止措置），即删除该内容或禁止对其访问。',
              }
            : {
                en: 'Remove, or disable access to, the material at each listed URL expeditiously.',
                zh: '迅速删除所列各网址上的内容，或禁止对其访问。',
              },
  remove_via_customer: {
    en: 'Remove, or disable access to, the material identified above expeditiously. You may do so by forwarding this notice to the customer to whom the server is assigned and requiring the customer to remove the material.',
    zh: '迅速删除上述内容，或禁止对其访问。贵司可将本通知转送该服务器所分配的客户，并要求该客户删除该内容。',
  },
  suspend_service: {
    en: 'If the customer has not removed the material within two business days of your forwarding, disable access to it by the means your service allows, including suspension of the service concerned under your acceptable use policy.',
    zh: '如该客户在贵司转送后两个工作日内仍未删除该内容，请以贵司服务所允许的方式禁止对其访问，包括依据贵司可接受使用政策暂停相关服务。',
  },
  forward_to_customer: (x) =>
    china(x)
      ? x.kind === 'cloud'
        ? {
            en: 'Forward this notice, with all its attachments, to the customer who rents the server concerned without delay, and require the customer to delete the infringing content at once and stop the infringement.',
            zh: '及时将本通知（含全部附件）转送上述服务器的租用客户，并要求其立即删除侵权内容、停止侵权行为。',
          }
        : {
            en: 'If the material is on a server you lease to a customer, forward this notice, with all its attachments, to that customer without delay and require it to delete the infringing content.',
            zh: '如该内容位于贵司出租给客户的服务器上，请及时将本通知（含全部附件）转送该客户，并要求其删除侵权内容。',
          }
      : {
          en: 'If the material is on a server you lease to a customer, you may do so by forwarding this notice to that customer and requiring it to remove the material.',
          zh: '如该内容位于贵司出租给客户的服务器上，贵司可将本通知转送该客户，并要求其删除该内容。',
        },
  necessary_measures: (x) =>
    china(x)
      ? {
          en: 'Take the necessary measures warranted by the preliminary evidence of infringement and by the type of your service; if the customer does not act within a reasonable time, take further measures under your service agreement and rules.',
          zh: '根据构成侵权的初步证据和贵司的服务类型采取必要措施；该客户在合理期限内未予处理的，请依据贵司服务协议及相关规则采取进一步措施。',
        }
      : {
          en: 'If the customer does not remove the material, disable access to it by the means your service allows, including suspension of the service concerned under your acceptable use policy.',
          zh: '如客户未删除该内容，请以贵司服务所允许的方式禁止对其访问，包括依据贵司可接受使用政策暂停相关服务。',
        },
  preserve_data: (x) =>
    china(x)
      ? {
          en: "Preserve the customer's registration information, the relevant logs and the data concerned, so that they can be obtained by the judicial authorities according to law.",
          zh: '依法妥善保存该客户的注册信息、相关日志及涉案数据，以备司法机关依法调取。',
        }
      : us(x)
        ? {
            en: 'Preserve the subscriber records, access logs and a copy of the material for at least 90 days; we may seek them by legal process (e.g. 17 U.S.C. § 512(h)).',
            zh: '保存相关用户的注册信息、访问日志及该内容的副本，保存期不少于90日；我司可能通过法律程序（如《美国法典》第17编第512(h)条）调取。',
          }
        : {
            en: 'Preserve the subscriber records, access logs and a copy of the material for at least 90 days; we may seek them by court order.',
            zh: '保存相关用户的注册信息、访问日志及该内容的副本，保存期不少于90日；我司可能通过法院命令调取。',
          },
  confirm_action: (x) =>
    china(x)
      ? {
          en: 'Inform us in writing of the forwarding and of the measures taken.',
          zh: '将转送情况及所采取的措施书面告知我司。',
        }
      : x.kind === 'cloud' || x.kind === 'network' || x.kind === 'unknown'
        ? { en: 'Confirm the action taken and the date of any forwarding.', zh: '告知我司所采取的措施及转送日期。' }
        : { en: 'Confirm the action taken.', zh: '告知我司所采取的措施。' },
  notify_uploader: (x) =>
    china(x)
      ? {
          en: 'At the same time, forward this notice to the user who made the content available.',
          zh: '同时将本通知转送提供该内容的服务对象。',
        }
      : { en: 'Notify the user who uploaded the material.', zh: '通知上传该内容的用户。' },
  repeat_infringer: (x) =>
    us(x)
      ? {
          en: 'Apply your repeat-infringer policy (17 U.S.C. § 512(i)(1)(A)) to the account concerned.',
          zh: '对相关账户适用贵司的重复侵权处理政策（《美国法典》第17编第512(i)(1)(A)条）。',
        }
      : {
          en: 'Apply your repeat-infringer policy to the account concerned.',
          zh: '对相关账户适用贵司的重复侵权处理规则。',
        },
  forward_to_origin: {
    en: 'Forward this notice to the origin hosting provider and to the operator of the website.',
    zh: '将本通知转送该网站的源站托管服务商及网站经营者。',
  },
  disclose_host: {
    en: 'Tell us which hosting provider serves the origin of this website, so that we can notify it directly.',
    zh: '告知我司该网站源站所在的托管服务商，以便我司直接通知。',
  },
  purge_cache: {
    en: 'Purge the cached copies of the listed material from your network; the origin copy has been removed or its removal ordered, as stated below.',
    zh: '清除贵司网络中所列内容的缓存副本；如下文所述，源站内容已被删除，或法院已责令删除。',
  },
  withhold_sender_details: {
    en: 'Do not pass our contact details to the website operator; forward the substance of the notice only.',
    zh: '请勿向网站经营者提供我司的联系方式，仅转送本通知的实质内容。',
  },
  forward_to_registrant: {
    en: 'Investigate this report and forward it to the registrant of the domain name.',
    zh: '调查本举报，并将其转送该域名的注册人。',
  },
  abuse_policy: {
    en: 'Where the domain name is used predominantly for infringement, take the action your registration agreement allows.',
    zh: '如该域名主要用于侵权，请依据贵司的注册协议采取相应措施。',
  },
  report_ticket: { en: 'Reply with your ticket number.', zh: '回复贵司的工单编号。' },
  delist: (x) =>
    china(x)
      ? { en: 'Disconnect the links to each listed URL.', zh: '断开与所列各网址的链接。' }
      : {
          en: 'Remove, or disable access to, the listed links in your search results.',
          zh: '从贵司搜索结果中删除所列链接，或禁止对其访问。',
        },
  forward_downstream: {
    en: 'As a courtesy, forward this notice to the customer to whom the listed address is assigned, or to the downstream network that serves it.',
    zh: '作为协助，将本通知转送所列地址所分配的客户，或为其提供服务的下游网络。',
  },
  own_policy: {
    en: 'Act on this notice under your own terms of service as well.',
    zh: '并依据贵司自身服务条款处理本通知。',
  },
  forward_notice: {
    en: 'Forward this notice electronically, as soon as feasible, to the person to whom the electronic location identified by the location data belongs (s. 41.26(1)(a)).',
    zh: '尽快以电子方式将本通知转送位置数据所标识的电子位置所属之人（第41.26条第1款(a)项）。',
  },
  retain_records: {
    en: 'Retain records that will allow the identity of that person to be determined, for six months, or for one year if we commence proceedings and so notify you (s. 41.26(1)(b)).',
    zh: '保存可确定该人身份的记录六个月；如我司提起诉讼并通知贵司，则保存一年（第41.26条第1款(b)项）。',
  },
  confirm_forwarding: {
    en: 'Tell us that the notice was forwarded or, if it could not be, why not (s. 41.26(1)(a)).',
    zh: '告知我司本通知已转送；未能转送的，说明原因（第41.26条第1款(a)项）。',
  },
};

/** The wording of one measure for this regime and kind of recipient. */
export function measureText(m: MeasureId, x: MeasureContext): Localised {
  const t = TEXT[m];
  return typeof t === 'function' ? t(x) : t;
}

/**
 * The measures' wording for a host of unknown kind under no particular regime, in the shape
 * earlier versions exported; letters should call measureText() with their regime and recipient.
 * @deprecated use measureText()
 */
export const MEASURE_TEXT: { en: Record<MeasureId, string>; zh: Record<MeasureId, string> } = {
  en: Object.fromEntries(
    MEASURE_IDS.map((m) => [m, measureText(m, { regime: 'generic', kind: 'unknown' }).en]),
  ) as Record<MeasureId, string>,
  zh: Object.fromEntries(
    MEASURE_IDS.map((m) => [m, measureText(m, { regime: 'generic', kind: 'unknown' }).zh]),
  ) as Record<MeasureId, string>,
};
