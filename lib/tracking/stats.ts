import type { Notice, NoticeEvent, NoticeStatus } from '../model/notice';
import { AWAITING } from './status';

const isAwaiting = (s: NoticeStatus) => AWAITING.includes(s);

export interface ProviderStats {
  /** providerId from the directory, else the recipient's name in lower case. */
  provider: string;
  name: string;
  sent: number;
  removed: number;
  partiallyRemoved: number;
  rejected: number;
  noResponse: number;
  /**
   * Decided notices: removed, rejected, or unanswered after the follow-up deadline. Only these
   * count in the rate, so a provider is not shown at 0% minutes after sending (issue 13).
   */
  decided: number;
  /** Sent and still within the recipient's deadline: shown apart, not counted as "not removed". */
  pending: number;
  /** removed / decided, 0 when nothing was decided yet. */
  removalRate: number;
  /** Median days from sending to the first 'removed' event; null when nothing was removed. */
  medianDaysToRemoval: number | null;
}

export function providerKey(n: Pick<Notice, 'sent'>): string | null {
  const r = n.sent?.recipient;
  if (!r) return null;
  return r.providerId ?? r.name.trim().toLowerCase();
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const hi = s[mid] ?? 0;
  return s.length % 2 ? hi : ((s[mid - 1] ?? hi) + hi) / 2;
}

const EVER = (events: readonly NoticeEvent[], kind: string) => events.some((e) => e.kind === kind);

/**
 * "Which hosts ignore us": per provider, from sent notices and their events. A notice counts
 * as removed when its log has a removal, even if a counter-notice came later.
 */
export function providerStats(
  notices: readonly Notice[],
  events: readonly NoticeEvent[],
  now: Date = new Date(),
): ProviderStats[] {
  const byNotice = new Map<string, NoticeEvent[]>();
  for (const e of events) {
    const list = byNotice.get(e.noticeId);
    if (list) list.push(e);
    else byNotice.set(e.noticeId, [e]);
  }
  const groups = new Map<
    string,
    {
      name: string;
      sent: number;
      removed: number;
      partial: number;
      rejected: number;
      noResponse: number;
      decided: number;
      pending: number;
      days: number[];
    }
  >();
  for (const n of notices) {
    const key = providerKey(n);
    if (!key || !n.sent) continue;
    const g = groups.get(key) ?? {
      name: n.sent.recipient.name,
      sent: 0,
      removed: 0,
      partial: 0,
      rejected: 0,
      noResponse: 0,
      decided: 0,
      pending: 0,
      days: [],
    };
    groups.set(key, g);
    g.sent++;
    const log = (byNotice.get(n.id) ?? []).slice().sort((a, b) => a.seq - b.seq);
    const removal = log.find((e) => e.kind === 'removed');
    if (removal) {
      g.removed++;
      g.days.push((Date.parse(removal.at) - Date.parse(n.sent.at)) / 86_400_000);
    } else if (n.status === 'removed') {
      g.removed++;
    }
    if (!removal && (n.status === 'partially_removed' || EVER(log, 'partially_removed'))) g.partial++;
    if (n.status === 'rejected' || EVER(log, 'rejected')) g.rejected++;
    const rejected = n.status === 'rejected' || EVER(log, 'rejected');
    // Past the follow-up date with no answer counts as no response, even before anyone records it.
    const lapsed =
      !removal &&
      n.status !== 'removed' &&
      !rejected &&
      n.followUpAt !== null &&
      Date.parse(n.followUpAt) <= now.getTime() &&
      isAwaiting(n.status);
    const noResponse = n.status === 'no_response' || EVER(log, 'no_response') || lapsed;
    if (noResponse) g.noResponse++;
    if (removal || n.status === 'removed' || rejected || noResponse) g.decided++;
    else g.pending++;
  }
  return [...groups.entries()]
    .map(([provider, g]) => ({
      provider,
      name: g.name,
      sent: g.sent,
      removed: g.removed,
      partiallyRemoved: g.partial,
      rejected: g.rejected,
      noResponse: g.noResponse,
      decided: g.decided,
      pending: g.pending,
      removalRate: g.decided ? g.removed / g.decided : 0,
      medianDaysToRemoval: median(g.days),
    }))
    .sort((a, b) => b.sent - a.sent || a.provider.localeCompare(b.provider));
}
