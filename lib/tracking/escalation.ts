import { AppError } from '../errors';
import type { Notice, RegimeId } from '../model/notice';
import type { Recipient, RecipientRole } from '../model/recipient';
import { ESCALATABLE } from './status';

/**
 * Who to write to next when a recipient ignores or rejects a notice. A CDN cannot remove the
 * origin copy (notice-law.md §0.4), so the host comes next; then the network that routes it,
 * the domain's registrar, and finally search-engine delisting (§ 512(d)).
 */
export const LADDER: readonly RecipientRole[] = ['cdn', 'host', 'upstream', 'registrar', 'search'];

/** The same provider: by directory id when both have one, else by name or a shared address. */
export function sameParty(a: Recipient, b: Recipient): boolean {
  if (a.providerId && b.providerId) return a.providerId === b.providerId;
  if (a.name.trim().toLowerCase() === b.name.trim().toLowerCase()) return true;
  return a.emails.some((e) => b.emails.map((x) => x.toLowerCase()).includes(e.toLowerCase()));
}

/**
 * The next recipient above `current` on the ladder, skipping rungs already tried and parties
 * already written to (a host is often its own upstream). Null at the top of the ladder.
 */
export function nextRung(
  current: Recipient | null,
  candidates: readonly Recipient[],
  tried: readonly Recipient[] = [],
): Recipient | null {
  const from = current ? LADDER.indexOf(current.role) : -1;
  const triedRoles = new Set(tried.map((r) => r.role));
  const done = current ? [...tried, current] : [...tried];
  for (const role of LADDER.slice(from + 1)) {
    if (triedRoles.has(role)) continue;
    const options = candidates
      .filter((c) => c.role === role && !done.some((d) => sameParty(c, d)))
      .sort((a, b) => b.confidence - a.confidence);
    if (options[0]) return options[0];
  }
  return null;
}

export interface PriorNotice {
  id: string;
  /** When it was sent (ISO). */
  date: string;
  recipient: string;
  role: RecipientRole | null;
  status: Notice['status'];
}

/** What the drafting module needs for the next rung's notice (shape agreed with lib/notices). */
export interface EscalationCase {
  recipient: Recipient;
  priorNotices: PriorNotice[];
  urls: string[];
  workIds: string[];
  regimeHint: RegimeId;
  escalatedFrom: string;
}

/**
 * Builds the next rung for `notice`. `history` holds the earlier notices of the same case
 * (the escalatedFrom chain); every sent one is cited, oldest first, with date and recipient.
 */
export function escalationCase(notice: Notice, history: readonly Notice[] = []): EscalationCase {
  if (!ESCALATABLE.includes(notice.status)) {
    throw new AppError('illegal_transition', `A notice that is ${notice.status} cannot be escalated`, {
      from: notice.status,
      to: 'escalated',
      allowed: ESCALATABLE,
      noticeId: notice.id,
    });
  }
  const chain = [...history.filter((h) => h.id !== notice.id), notice].filter((n) => n.sent !== null);
  const tried = chain.map((n) => n.sent!.recipient);
  const pool = [...notice.candidates, ...history.flatMap((h) => h.candidates)];
  const recipient = nextRung(notice.sent?.recipient ?? notice.recipient, pool, tried);
  if (!recipient) {
    throw new AppError('not_found', 'No further recipient to escalate to', {
      noticeId: notice.id,
      tried: tried.map((t) => t.role),
    });
  }
  const priorNotices = chain
    .map((n) => ({
      id: n.id,
      date: n.sent!.at,
      recipient: n.sent!.recipient.name,
      role: n.sent!.recipient.role,
      status: n.status,
    }))
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  return {
    recipient,
    priorNotices,
    urls: [...notice.urls],
    workIds: [...notice.workIds],
    regimeHint: notice.regime,
    escalatedFrom: notice.id,
  };
}
