import type { NoticeEvent } from '../model/notice';
import { canonicalJson } from './canonical-json';
import type { Sha256 } from './sha256';

/** prevHash of the first event of every notice. */
export const GENESIS_HASH = '0'.repeat(64);

export interface EventInput {
  id: string;
  noticeId: string;
  at: string;
  kind: string;
  actor: NoticeEvent['actor'];
  details?: Record<string, unknown>;
  /** SHA-256 of the sent text; defaults to the previous event's (empty before sending). */
  textHash?: string;
}

type Hashed = Omit<NoticeEvent, 'hash'>;

/** The hash covers every field but itself, so any edit (even of details) changes it. */
export function eventDigestInput(e: Hashed): string {
  const { id, noticeId, seq, at, kind, actor, details, prevHash, textHash } = e;
  return canonicalJson({ id, noticeId, seq, at, kind, actor, details, prevHash, textHash });
}

export async function appendEvent(prev: NoticeEvent | null, input: EventInput, sha256: Sha256): Promise<NoticeEvent> {
  const body: Hashed = {
    id: input.id,
    noticeId: input.noticeId,
    seq: prev ? prev.seq + 1 : 0,
    at: input.at,
    kind: input.kind,
    actor: input.actor,
    details: input.details ?? {},
    prevHash: prev ? prev.hash : GENESIS_HASH,
    textHash: input.textHash ?? prev?.textHash ?? '',
  };
  return { ...body, hash: await sha256(eventDigestInput(body)) };
}

export type ChainBreakReason = 'edited' | 'missing' | 'reordered' | 'text_mismatch';
export type ChainVerdict =
  { ok: true } | { ok: false; brokenAt: number; eventId: string | null; reason: ChainBreakReason };

export interface VerifyOptions {
  /** SHA-256 of the notice text as stored now; the 'sent' event must carry it. */
  textSha256?: string | null;
  /** The last (seq, hash) recorded outside the log; detects a deleted tail. */
  head?: { seq: number; hash: string } | null;
}

/**
 * Checks a notice's events in the order given (storage order, i.e. by seq). Reports the first
 * event that breaks the chain: a gap in seq is 'missing', a seq out of place or a link to a
 * later event is 'reordered', a hash that no longer matches its content is 'edited', and a text
 * hash that differs from the sent text is 'text_mismatch'.
 */
export async function verifyChain(
  events: readonly NoticeEvent[],
  sha256: Sha256,
  opts: VerifyOptions = {},
): Promise<ChainVerdict> {
  const seqs = new Set(events.map((e) => e.seq));
  const hashes = new Map(events.map((e) => [e.hash, e.seq]));
  let expectedText = '';
  for (const [i, e] of events.entries()) {
    if (e.seq !== i) {
      const reason = e.seq > i && !seqs.has(i) ? 'missing' : 'reordered';
      return { ok: false, brokenAt: reason === 'missing' ? i : e.seq, eventId: e.id, reason };
    }
    const { hash, ...body } = e;
    if ((await sha256(eventDigestInput(body))) !== hash)
      return { ok: false, brokenAt: e.seq, eventId: e.id, reason: 'edited' };
    const expectedPrev = events[i - 1]?.hash ?? GENESIS_HASH;
    if (e.prevHash !== expectedPrev) {
      const linked = hashes.get(e.prevHash);
      if (linked !== undefined && linked >= i)
        return { ok: false, brokenAt: e.seq, eventId: e.id, reason: 'reordered' };
      // The predecessor no longer hashes to what this event recorded: it was rewritten (and re-hashed) or replaced.
      const before = events[i - 1];
      return before
        ? { ok: false, brokenAt: before.seq, eventId: before.id, reason: 'edited' }
        : { ok: false, brokenAt: e.seq, eventId: e.id, reason: 'edited' };
    }
    if (e.kind === 'sent') expectedText = e.textHash;
    if (e.textHash !== expectedText) return { ok: false, brokenAt: e.seq, eventId: e.id, reason: 'text_mismatch' };
    if (e.kind === 'sent' && opts.textSha256 != null && e.textHash !== opts.textSha256) {
      return { ok: false, brokenAt: e.seq, eventId: e.id, reason: 'text_mismatch' };
    }
  }
  if (opts.textSha256 != null && !events.some((e) => e.kind === 'sent')) {
    return { ok: false, brokenAt: events.length, eventId: null, reason: 'missing' };
  }
  const head = opts.head;
  if (head) {
    const last = events[events.length - 1];
    if (!last || head.seq > last.seq)
      return { ok: false, brokenAt: last ? last.seq + 1 : 0, eventId: null, reason: 'missing' };
    if (head.seq === last.seq && head.hash !== last.hash)
      return { ok: false, brokenAt: last.seq, eventId: last.id, reason: 'edited' };
    // Events past the recorded head were written around the repository.
    if (head.seq < last.seq)
      return { ok: false, brokenAt: head.seq + 1, eventId: events[head.seq + 1]?.id ?? null, reason: 'edited' };
  }
  return { ok: true };
}
