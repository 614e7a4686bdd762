import type { Localised } from '../notices/elements';
import { serviceKindOf } from '../model/recipient';
import type { Notice, NoticeEvent } from '../model/notice';
import type { Recipient } from '../model/recipient';
import { sameParty } from './escalation';

/**
 * Regulations on the Protection of the Right of Communication through Information Networks
 * art. 17: once a storage-space or search/link provider has received the user's written
 * statement (art. 16) and restored the item, the rights holder "may not notify the provider
 * again" to remove or unlink the same item; its route is a court or the copyright authority.
 * The Regulations bind storage and link services only (not cloud lessors or CDNs), so only
 * earlier Chinese notices to those recipients lock an item.
 */
export const ART17_CITATION: Localised = {
  en: 'Regulations on the Protection of the Right of Communication through Information Networks art. 17',
  zh: '《信息网络传播权保护条例》第十七条',
};

/** Service kinds the Regulations' notice-and-counter-statement scheme covers (arts 14–17, 23). */
const LOCKING_KINDS = new Set(['storage', 'search']);

export interface NoticeHistory {
  notice: Notice;
  events: readonly NoticeEvent[];
}

export interface Art17Lock {
  url: string;
  /** The earlier notice the counter-statement answered. */
  noticeId: string;
  provider: string;
  /** When the counter-statement was recorded. */
  counterAt: string;
  citation: Localised;
  /** The reason as the checklist and the error state it. */
  reason: Localised;
}

/** A URL as an item: surrounding space and the fragment (never sent to a server) do not make it another item. */
export function itemKey(url: string): string {
  const u = url.trim();
  const hash = u.indexOf('#');
  return hash >= 0 ? u.slice(0, hash) : u;
}

/**
 * The items of a prospective notice (its URLs to this recipient) that an earlier counter-
 * statement has locked. `history` holds earlier notices that list any of the URLs, with their
 * logs; the prospective notice itself (excludeId) is skipped.
 */
export function art17Locks(
  candidate: { urls: readonly string[]; recipient: Recipient | null; excludeId?: string },
  history: readonly NoticeHistory[],
): Art17Lock[] {
  const recipient = candidate.recipient;
  if (!recipient) return [];
  const wanted = new Set(candidate.urls.map(itemKey));
  const out: Art17Lock[] = [];
  const seen = new Set<string>();
  for (const { notice, events } of history) {
    if (notice.id === candidate.excludeId || notice.regime !== 'cn' || !notice.sent) continue;
    const to = notice.sent.recipient;
    if (!LOCKING_KINDS.has(serviceKindOf(to)) || !sameParty(to, recipient)) continue;
    const counter = [...events].reverse().find((e) => e.kind === 'counter_notice_received');
    if (!counter) continue;
    for (const url of notice.urls) {
      const key = itemKey(url);
      if (!wanted.has(key) || seen.has(key)) continue;
      seen.add(key);
      const day = counter.at.slice(0, 10);
      out.push({
        url: key,
        noticeId: notice.id,
        provider: to.name,
        counterAt: counter.at,
        citation: ART17_CITATION,
        reason: {
          en: `Regulations art. 17: ${to.name} received a counter-statement on ${day} to notice ${notice.id} about ${key}; you may not notify it again about this item. Go to court or the copyright authority, then send the 已起诉/已投诉 notification.`,
          zh: `《信息网络传播权保护条例》第十七条：${to.name}已于${day}就通知${notice.id}所涉${key}收到服务对象的书面说明，权利人不得再就该作品通知其删除或断开链接。请向人民法院起诉或向著作权行政管理部门投诉，再发送已起诉/已投诉通知。`,
        },
      });
    }
  }
  return out;
}

/** A draft with locked items cannot be sent: the checklist may be complete, the law still bars it. */
export function lockDraft<D extends { sendable: boolean }>(
  draft: D,
  locks: readonly Art17Lock[],
): D & { locks: readonly Art17Lock[] } {
  return { ...draft, sendable: draft.sendable && locks.length === 0, locks };
}
