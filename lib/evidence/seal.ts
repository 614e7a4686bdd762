/**
 * The seal of a sent notice (issue 15): a short text naming the frozen letter's SHA-256 and the hash-chain head
 * right after the 'sent' event. Its SHA-256 is what the TSA timestamps, so the token proves that this letter and
 * this history existed at genTime. A history re-hashed later (an edited export re-imported) no longer has the
 * sealed head at the sealed seq, and the seal says so instead of lending its time to the rewrite.
 * Plain text on purpose: the package carries it as seal.txt and `openssl ts -verify -data seal.txt` reads it.
 */
import type { NoticeEvent } from '../model/notice';

export interface SealFacts {
  noticeId: string;
  textSha256: string;
  head: { seq: number; hash: string };
}

const HEADER = 'Takedown Assistant notice seal v1';

export function sealText(f: SealFacts): string {
  return [
    HEADER,
    `notice: ${f.noticeId}`,
    `text-sha256: ${f.textSha256}`,
    `chain-head-seq: ${f.head.seq}`,
    `chain-head-hash: ${f.head.hash}`,
    '',
  ].join('\n');
}

/** The facts of a seal text, or null when it is not one this version wrote. */
export function parseSealText(text: string): SealFacts | null {
  const m =
    /^Takedown Assistant notice seal v1\nnotice: (\S+)\ntext-sha256: ([0-9a-f]{64})\nchain-head-seq: (\d+)\nchain-head-hash: ([0-9a-f]{64})\n$/.exec(
      text,
    );
  if (!m) return null;
  return { noticeId: m[1]!, textSha256: m[2]!, head: { seq: Number(m[3]), hash: m[4]! } };
}

export type SealMismatch = 'not_a_seal' | 'other_notice' | 'text_changed' | 'history_changed';

/**
 * Whether the history as stored now still holds what was sealed: the same notice, the same frozen text, and the
 * sealed head's event unchanged at its seq. The chain itself is checked by verifyChain; this ties it to the time.
 */
export function sealMatches(
  text: string,
  now: { noticeId: string; textSha256: string | null; events: readonly NoticeEvent[] },
): { ok: true; facts: SealFacts } | { ok: false; reason: SealMismatch } {
  const facts = parseSealText(text);
  if (!facts) return { ok: false, reason: 'not_a_seal' };
  if (facts.noticeId !== now.noticeId) return { ok: false, reason: 'other_notice' };
  if (facts.textSha256 !== now.textSha256) return { ok: false, reason: 'text_changed' };
  const at = now.events.find((e) => e.seq === facts.head.seq);
  if (!at || at.hash !== facts.head.hash) return { ok: false, reason: 'history_changed' };
  return { ok: true, facts };
}
