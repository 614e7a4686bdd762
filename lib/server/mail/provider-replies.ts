/**
 * How the providers in the directory (lib/providers/directory.ts ids) answer: the domains their abuse desks write
 * from, the shape of their ticket numbers, and phrases that decide a reply. The ticket shapes are taken from
 * replies seen in public write-ups and are **[unverified]** per provider; a generic pattern backs each one up, so a
 * changed format degrades to "ticket found generically", not to a missed match.
 */
import type { ReplyKind } from './reply-kinds';
import { joinRe } from './join-re';

export interface ProviderReplyRule {
  id: string;
  /** Sender domains (the From address ends with one of these). */
  domains: string[];
  /** First capture group is the ticket id. */
  ticket?: RegExp[];
  /** Provider-specific phrases, checked before the generic ones. */
  phrases?: { kind: ReplyKind; re: RegExp }[];
}

export const PROVIDER_REPLY_RULES: ProviderReplyRule[] = [
  {
    id: 'cloudflare',
    domains: ['cloudflare.com'],
    ticket: [
      /\bReport ID:?\s*([0-9a-f]{16,32})\b/i,
      /\[Cloudflare\]\s*(?:Abuse report|Ticket)\s*#?\s*([0-9a-f]{8,32}|\d{6,10})/i,
    ],
    phrases: [
      {
        kind: 'forwarded',
        re: /forwarded (?:your|the) (?:report|complaint) to the (?:hosting provider|website owner)/i,
      },
      {
        kind: 'rejected',
        re: joinRe(
          'i',
          /only accepts? (?:abuse )?reports? (?:submitted )?(?:through|via) (?:our|the) (?:web )?form/,
          /|please use the form at abuse\.cloudflare\.com/,
        ),
      },
    ],
  },
  {
    id: 'aws',
    domains: ['amazon.com', 'amazonaws.com', 'support.aws.com', 'aws.com'],
    ticket: [/\b(?:AWS )?(?:Abuse )?(?:Case|Report) (?:ID|Number)[:#]?\s*([0-9]{8,12}|[A-Z0-9-]{10,40})\b/i],
    phrases: [
      {
        kind: 'forwarded',
        re: /(?:notified|contacted) (?:the|our) customer|customer (?:has been|was) (?:notified|informed)/i,
      },
    ],
  },
  {
    id: 'alibaba-cloud-cn',
    domains: ['aliyun.com', 'alibaba-inc.com', 'service.aliyun.com'],
    ticket: [
      /(?:工单号|工单编号|举报编号|投诉编号)\s*[:：]?\s*([A-Z0-9-]{6,32})/,
      /\bTicket(?: ID)?[:#]\s*([A-Z0-9-]{6,32})/i,
    ],
  },
  {
    id: 'alibaba-cloud-intl',
    domains: ['alibabacloud.com'],
    ticket: [
      /\b(?:Ticket|Case|Report)(?: ID| No\.?)?[:#]\s*([A-Z0-9-]{6,32})/i,
      /(?:工单号|举报编号)\s*[:：]?\s*([A-Z0-9-]{6,32})/,
    ],
  },
  {
    id: 'hetzner',
    domains: ['hetzner.com', 'hetzner.de', 'hetzner-cloud.de'],
    ticket: [/\[AbuseID:([0-9A-F]{4,8}:[0-9A-F]{1,4})\]/i],
    phrases: [
      {
        kind: 'forwarded',
        re: joinRe(
          'i',
          /(?:forwarded|weitergeleitet) (?:the complaint |die Beschwerde )?/,
          /(?:to|an) (?:our|the|den|unseren) (?:customer|Kunden)/,
        ),
      },
    ],
  },
  {
    id: 'ovhcloud',
    domains: ['ovh.net', 'ovh.com', 'ovhcloud.com', 'ovh.ca'],
    ticket: [/\b(CS\d{7,10})\b/, /\[(?:OVH|OVHcloud)[^\]]*#\s*(\d{6,12})\]/i],
  },
  {
    id: 'digitalocean',
    domains: ['digitalocean.com'],
    ticket: [/\bTicket\s*#\s*(\d{6,10})\b/i, /\[DigitalOcean\][^\n]*#(\d{6,10})/i],
  },
  { id: 'linode', domains: ['linode.com', 'akamai.com'], ticket: [/\bTicket\s*(?:ID)?\s*[#:]\s*(\d{6,10})\b/i] },
  {
    id: 'google-cloud',
    domains: ['google.com'],
    ticket: [/\[(\d-\d{10,16})\]/, /\bReference number:?\s*(\d-\d{10,16})/i],
  },
  { id: 'azure', domains: ['microsoft.com'], ticket: [/\b(?:Case|Ticket)\s*(?:number|#|ID)[:#]?\s*(\d{8,20})/i] },
  { id: 'fastly', domains: ['fastly.com'], ticket: [/\b(?:Ticket|Request)\s*#\s*(\d{5,10})/i] },
  { id: 'contabo', domains: ['contabo.de', 'contabo.com'], ticket: [/\[(?:Ticket|Case)#\s*([0-9]{6,12})\]/i] },
  { id: 'leaseweb', domains: ['leaseweb.com'], ticket: [/\b(?:Case|Ticket) (?:ID|number)[:#]?\s*([A-Z0-9-]{6,20})/i] },
  { id: 'scaleway', domains: ['scaleway.com', 'online.net'], ticket: [/\b(?:Ticket|Ref)\s*[#:]\s*([A-Z0-9-]{6,20})/i] },
  { id: 'ionos', domains: ['ionos.com', 'ionos.de', '1und1.de'] },
  {
    id: 'godaddy',
    domains: ['godaddy.com'],
    ticket: [/\b(?:Incident|Ticket|Case)\s*(?:ID|#|number)[:#]?\s*(\d{6,12})/i],
  },
  {
    id: 'namecheap',
    domains: ['namecheap.com'],
    ticket: [/\b(?:Ticket ID|Ticket #)[:#]?\s*([A-Z]{3}-\d{3}-\d{5,8}|\d{6,10})/i],
  },
  { id: 'hostinger', domains: ['hostinger.com'], ticket: [/\bTicket\s*#\s*(\d{6,10})/i] },
  {
    id: 'tencent-cloud',
    domains: ['tencent.com', 'cloud.tencent.com'],
    ticket: [/(?:工单号|工单编号)\s*[:：]?\s*(\d{8,20})/],
  },
  {
    id: 'huawei-cloud',
    domains: ['huawei.com', 'huaweicloud.com'],
    ticket: [/(?:工单号|工单编号|投诉编号)\s*[:：]?\s*([A-Z0-9-]{8,32})/],
  },
  {
    id: 'vultr',
    domains: ['vultr.com', 'constant.com'],
    ticket: [/\bTicket\s*#\s*([A-Z]{3}-\d{5,8}[A-Z]{0,3}|\d{6,10})/i],
  },
];

/** When no provider rule matched: common helpdesk shapes in English and Chinese. */
export const GENERIC_TICKET: RegExp[] = [
  joinRe(
    'i',
    /\b(?:ticket|case|incident|reference|report|request)\s*(?:id|number|no\.?|#)/,
    /\s*[:#]?\s*#?\s*([A-Z0-9][A-Z0-9-]{4,39})\b/,
  ),
  /\[(?:ticket|case)\s*#\s*([A-Z0-9-]{5,40})\]/i,
  /(?:工单号|工单编号|编号|单号|受理号|案件号)\s*[:：]\s*([A-Za-z0-9-]{5,40})/,
];

export function providerFor(from: string | null): ProviderReplyRule | undefined {
  if (!from) return undefined;
  const domain = from.slice(from.lastIndexOf('@') + 1).toLowerCase();
  return PROVIDER_REPLY_RULES.find((p) => p.domains.some((d) => domain === d || domain.endsWith(`.${d}`)));
}
