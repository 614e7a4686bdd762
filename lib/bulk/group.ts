/**
 * Groups the URLs of a bulk report by whom each notice goes to (issue 7): the host by default,
 * or the CDN or registrar when the user picks them. Hosts whose chosen recipient is the same
 * provider (same name and the same emails or form) share one group and one notice; hosts the
 * lookup could not place go to "unresolved" with the reason, until the user names a recipient.
 */
import { z } from 'zod';
import type { Recipient, RecipientRole } from '../model/recipient';
import type { BulkUrl, Outcomes } from './plan';

export const GroupRoleSchema = z.enum(['host', 'cdn', 'registrar']);
export type GroupRole = z.infer<typeof GroupRoleSchema>;

/**
 * Who stands in when a host has no recipient of the chosen role: a site behind a CDN hides its
 * host, so the CDN is the best address for "host"; a site with no CDN is sent to its host for "cdn".
 * A registrar has no stand-in: asking the host instead would not be what the user chose.
 */
const PREFERENCE: Record<GroupRole, RecipientRole[]> = {
  host: ['host', 'cdn', 'upstream'],
  cdn: ['cdn', 'host', 'upstream'],
  registrar: ['registrar'],
};

export interface BulkGroup {
  key: string;
  recipient: Recipient;
  hosts: string[];
  urls: string[];
  /** Hosts for which another role stood in for the chosen one. */
  standIns: string[];
}

export type UnresolvedReason = 'pending' | 'lookup_failed' | 'no_recipient';

export interface UnresolvedHost {
  host: string;
  urls: string[];
  reason: UnresolvedReason;
  detail: string;
}

export interface Grouping {
  groups: BulkGroup[];
  unresolved: UnresolvedHost[];
}

const hasChannel = (r: Recipient) => r.emails.length > 0 || Boolean(r.formUrl);

/** Same provider: same name and the same ways to reach it. */
export function recipientKey(r: Recipient): string {
  const emails = r.emails.map((e) => e.trim().toLowerCase()).sort();
  return `${r.name.trim().toLowerCase()}|${emails.join(',')}|${r.formUrl ?? ''}`;
}

export function pickRecipient(
  recipients: readonly Recipient[],
  role: GroupRole,
): { recipient: Recipient; standIn: boolean } | null {
  for (const want of PREFERENCE[role]) {
    const r = recipients.find((x) => x.role === want && hasChannel(x));
    if (r) return { recipient: r, standIn: want !== role };
  }
  return null;
}

export function groupBulk(
  urls: readonly BulkUrl[],
  outcomes: Outcomes,
  role: GroupRole,
  manual: Readonly<Record<string, Recipient | undefined>> = {},
): Grouping {
  const byHost = new Map<string, string[]>();
  for (const u of urls) {
    const list = byHost.get(u.host);
    if (list) list.push(u.url);
    else byHost.set(u.host, [u.url]);
  }
  const groups = new Map<string, BulkGroup & { networks: Set<string> }>();
  const unresolved: UnresolvedHost[] = [];
  for (const [host, hostUrls] of byHost) {
    const o = outcomes[host];
    const chosen = manual[host]
      ? { recipient: manual[host], standIn: false }
      : o
        ? pickRecipient(o.recipients, role)
        : null;
    if (!chosen) {
      const detail = o ? o.errors.map((e) => `${e.step}: ${e.message}`).join('; ') : '';
      unresolved.push({
        host,
        urls: hostUrls,
        reason: !o ? 'pending' : o.ok ? 'no_recipient' : 'lookup_failed',
        detail,
      });
      continue;
    }
    const key = recipientKey(chosen.recipient);
    let g = groups.get(key);
    if (!g) {
      g = { key, recipient: chosen.recipient, hosts: [], urls: [], standIns: [], networks: new Set() };
      groups.set(key, g);
    }
    g.hosts.push(host);
    g.urls.push(...hostUrls);
    if (chosen.standIn) g.standIns.push(host);
    g.networks.add(JSON.stringify(chosen.recipient.network ?? null));
  }
  const out = [...groups.values()].map(({ networks, ...g }) => {
    // One host's IP and network handle would mislead a notice that lists several networks.
    if (networks.size > 1) {
      const { network: _n, ...rest } = g.recipient;
      return { ...g, recipient: rest };
    }
    return g;
  });
  out.sort((a, b) => b.urls.length - a.urls.length || (a.recipient.name < b.recipient.name ? -1 : 1));
  return { groups: out, unresolved };
}
