/**
 * Links a reply to the notices it answers: In-Reply-To and References first (explicit), then our Message-IDs
 * quoted in the body or in a bounce's returned headers, then a provider ticket number learned from an earlier
 * acknowledgement (many desks answer from a ticket system that drops the threading headers).
 */
import type { ParsedReply } from './reply-parse';

export interface MatchIndex {
  /** Message-IDs of the notices we sent, with angle brackets. */
  sent: ReadonlySet<string>;
  /** "<provider>:<ticket>" → the Message-ID the ticket was opened for. */
  tickets: ReadonlyMap<string, string>;
  /** Also ours: Message-IDs in the shape this project writes (lib/notices/render-eml.ts), for letters sent by hand. */
  ownPattern?: RegExp;
}

export interface ReplyMatch {
  answers: string[];
  via: 'in-reply-to' | 'references' | 'quoted' | 'ticket' | null;
}

export const ticketKey = (provider: string | null, ticket: string) => `${provider ?? '*'}:${ticket.toUpperCase()}`;

export function matchReply(
  r: ParsedReply,
  index: MatchIndex,
  ticket: { provider: string | null; id: string | null },
): ReplyMatch {
  const ours = (ids: string[]) => ids.filter((id) => index.sent.has(id) || !!index.ownPattern?.test(id));
  const direct = ours(r.inReplyTo);
  if (direct.length) return { answers: direct, via: 'in-reply-to' };
  const refs = ours(r.references);
  if (refs.length) return { answers: refs, via: 'references' };
  const quoted = ours(r.quotedIds);
  if (quoted.length) return { answers: quoted, via: 'quoted' };
  if (ticket.id) {
    const hit =
      index.tickets.get(ticketKey(ticket.provider, ticket.id)) ?? index.tickets.get(ticketKey(null, ticket.id));
    if (hit) return { answers: [hit], via: 'ticket' };
  }
  return { answers: [], via: null };
}
