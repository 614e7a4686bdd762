import type { Notice, RegimeId } from '../model/notice';
import type { Recipient } from '../model/recipient';
import { serviceKindOf } from '../model/recipient';

/**
 * Repeat infringement, counted from our own sent notices: the same provider told about the
 * same customer more than once. A notice names the customer by what we know of it: the IP
 * address the provider assigned (the look-up's network facts) and the website's host name.
 * An account name is known only to the user, who can type it into the letter.
 */
export const DEFAULT_REPEAT_THRESHOLD = 3;

export type RepeatSubject = { kind: 'ip' | 'site'; value: string };

export interface RepeatGroup {
  /** The provider as last written to. */
  provider: Recipient;
  subject: RepeatSubject;
  /** The sent notices of the group, oldest first. */
  notices: Notice[];
}

/** Statuses in which a sent notice still counts (a withdrawn one was never a valid notice to rely on). */
const COUNTS = (n: Notice) => n.sent !== null && n.status !== 'withdrawn';

const providerKey = (r: Recipient) => (r.providerId ? `id:${r.providerId}` : `name:${r.name.trim().toLowerCase()}`);
const siteOf = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');

/** What a sent notice says about the customer: its IP address and its site. */
export function subjectsOf(n: Notice): RepeatSubject[] {
  const out: RepeatSubject[] = [];
  const ip = n.sent?.recipient.network?.ip ?? n.recipient?.network?.ip;
  if (ip) out.push({ kind: 'ip', value: ip });
  const site = siteOf(n.host);
  if (site) out.push({ kind: 'site', value: site });
  return out;
}

/** Sent notices grouped by provider and customer; a notice can be in an IP group and a site group. */
export function repeatGroups(notices: readonly Notice[]): RepeatGroup[] {
  const groups = new Map<string, RepeatGroup>();
  for (const n of notices) {
    if (!COUNTS(n)) continue;
    const to = n.sent!.recipient;
    for (const s of subjectsOf(n)) {
      const key = `${providerKey(to)}|${s.kind}:${s.value}`;
      const g = groups.get(key) ?? { provider: to, subject: s, notices: [] };
      g.notices.push(n);
      groups.set(key, g);
    }
  }
  for (const g of groups.values()) {
    g.notices.sort((a, b) => Date.parse(a.sentAt ?? a.sent!.at) - Date.parse(b.sentAt ?? b.sent!.at));
    g.provider = g.notices.at(-1)?.sent?.recipient ?? g.provider;
  }
  return [...groups.values()];
}

/**
 * The repeat-infringer request to offer from this notice's page: the largest group that holds
 * this notice and has reached the threshold (an IP group first on a tie, it names the customer
 * more precisely than a site). Null below the threshold.
 */
export function repeatOffer(
  notice: Notice,
  notices: readonly Notice[],
  threshold = DEFAULT_REPEAT_THRESHOLD,
): RepeatGroup | null {
  const mine = repeatGroups(notices).filter(
    (g) => g.notices.some((n) => n.id === notice.id) && g.notices.length >= threshold,
  );
  mine.sort((a, b) => b.notices.length - a.notices.length || (a.subject.kind === 'ip' ? -1 : 1));
  return mine[0] ?? null;
}

/**
 * The law a repeat-infringer request cites for a notice's regime: only law that binds that recipient. A registrar is
 * no § 512 service provider and no 网络服务提供者 of the Regulations (its letters are abuse reports, see
 * lib/notices/frames.ts), so it is held to its own terms whatever the regime.
 */
export function repeatLaw(regime: RegimeId, provider?: Pick<Recipient, 'role' | 'kind'> | null): 'us' | 'cn' | 'terms' {
  if (provider && serviceKindOf(provider) === 'registrar') return 'terms';
  return regime === 'us-dmca' ? 'us' : regime === 'cn' ? 'cn' : 'terms';
}
