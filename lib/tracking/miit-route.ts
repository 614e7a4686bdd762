import type { IcpReading } from '../evidence/icp';
import type { Notice } from '../model/notice';
import type { Recipient } from '../model/recipient';
import { PROVIDERS } from '../providers/directory';

/**
 * Off the provider ladder: a site served from mainland China must hold an ICP filing or licence
 * (State Council Decree 292 art. 4). When the captured page shows none, the MIIT filing system
 * (beian.miit.gov.cn, 未备案网站举报) is one more place to report it. The reporting entry of that
 * system is not confirmed against a first-party page, hence `unverified`.
 */
export const MIIT_RECIPIENT = {
  name: '工业和信息化部ICP/IP地址/域名信息备案管理系统',
  emails: [] as string[],
  formUrl: 'https://beian.miit.gov.cn/',
  country: 'CN',
  unverified: true,
} as const;

/** Directory entries whose contracting entity is in mainland China. */
const MAINLAND_IDS = new Set(PROVIDERS.filter((p) => p.country === 'CN').map((p) => p.id));

/** A host or network in mainland China: the directory says so, else the look-up's country (RDAP) does. */
export function isMainlandHost(r: Recipient): boolean {
  if (r.role !== 'host' && r.role !== 'upstream') return false;
  if (r.providerId) return MAINLAND_IDS.has(r.providerId);
  return r.country === 'CN';
}

export interface MiitOffer {
  host: Recipient;
}

/**
 * The MIIT report is offered for a notice whose site is served by a mainland host and whose
 * capture archived the page without an ICP number. Without the archive nothing is known, so
 * nothing is offered: the product never says a site is unfiled on a guess.
 */
export function miitOffer(notice: Pick<Notice, 'candidates' | 'recipient'>, icp: IcpReading | null): MiitOffer | null {
  if (!icp || !icp.archived || icp.numbers.length > 0) return null;
  const pool = [...(notice.recipient ? [notice.recipient] : []), ...notice.candidates];
  const host = pool.find(isMainlandHost);
  return host ? { host } : null;
}

/**
 * Routes the ladder offers beside the next provider: a report to the MIIT filing system when the
 * site sits on a mainland-China host and its captured page shows no ICP number.
 */
export function ladderExtras(
  notice: Pick<Notice, 'candidates' | 'recipient'>,
  icp: IcpReading | null,
): { miit: MiitOffer | null } {
  return { miit: miitOffer(notice, icp) };
}
