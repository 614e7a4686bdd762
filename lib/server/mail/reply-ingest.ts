/**
 * One reply through the pipeline: parse → classify → match, then learn the ticket number an acknowledgement
 * gave, so later replies from the same desk that drop the threading headers still find their notice.
 */
import { classifyReply, type ReplyClassification } from './reply-classify';
import { matchReply, ticketKey, type ReplyMatch } from './reply-match';
import { parseReply, type ParsedReply } from './reply-parse';

export interface MatchState {
  sent: Set<string>;
  tickets: Map<string, string>;
  ownPattern?: RegExp;
}

export interface IngestedReply {
  reply: ParsedReply;
  classification: ReplyClassification;
  match: ReplyMatch;
}

export function newMatchState(sent: Iterable<string> = [], ownPattern?: RegExp): MatchState {
  return { sent: new Set(sent), tickets: new Map(), ownPattern };
}

export async function ingestReply(raw: Uint8Array, state: MatchState): Promise<IngestedReply> {
  const reply = await parseReply(raw);
  const classification = classifyReply(reply);
  const match = matchReply(reply, state, { provider: classification.provider, id: classification.ticket });
  const [only] = match.answers;
  if (classification.ticket && only !== undefined && match.answers.length === 1 && match.via !== 'ticket') {
    state.tickets.set(ticketKey(classification.provider, classification.ticket), only);
    if (!state.tickets.has(ticketKey(null, classification.ticket)))
      state.tickets.set(ticketKey(null, classification.ticket), only);
  }
  return { reply, classification, match };
}
