import type { Letter } from '../model/letter';
import type { NoticeEvent } from '../model/notice';
import { canonicalJson } from '../tracking/canonical-json';
import { verifyChain } from '../tracking/hash-chain';
import type { Sha256 } from '../tracking/sha256';
import type { ExportFile } from './export-format';

export type LetterSkipReason = 'local_is_newer' | 'differs_from_local' | 'notice_missing';

export interface LetterPlan {
  letters: Letter[];
  events: NoticeEvent[];
  added: { letters: number; events: number };
  alreadyPresent: { letters: number; events: number };
  skipped: { path: string; id: string; reason: LetterSkipReason }[];
}

export interface LocalLetters {
  letters: Map<string, Letter>;
  /** Logs of the local letters the file also has, in seq order. */
  events: Map<string, NoticeEvent[]>;
  /** Notice ids present locally, so a letter is never imported without the notice it follows. */
  noticeIds: Set<string>;
}

/**
 * Follow-up letters travel with their own hash-chained logs. A broken chain or a frozen text that does not match its
 * hash refuses the whole file (`refuse` throws); a letter already here is left alone — letters are few and a sent one
 * is never edited, so there is no "move forward" merge as for notices, only identical, newer-here or different.
 */
export async function planLetters(
  file: ExportFile,
  local: LocalLetters,
  sha256: Sha256,
  mark: (events: NoticeEvent[]) => NoticeEvent[],
  refuse: (path: string, message: string) => never,
): Promise<LetterPlan> {
  const plan: LetterPlan = {
    letters: [],
    events: [],
    added: { letters: 0, events: 0 },
    alreadyPresent: { letters: 0, events: 0 },
    skipped: [],
  };
  const ids = new Set(file.letters.map((l) => l.id));
  const logs = new Map<string, NoticeEvent[]>();
  file.letterEvents.forEach((e, i) => {
    if (!ids.has(e.noticeId)) refuse(`letterEvents[${i}].noticeId`, `no letter ${e.noticeId} in the file`);
    logs.set(e.noticeId, [...(logs.get(e.noticeId) ?? []), e]);
  });
  const fileNotices = new Set(file.notices.map((n) => n.id));

  for (const [idx, l] of file.letters.entries()) {
    const path = `letters[${idx}]`;
    const events = (logs.get(l.id) ?? []).sort((a, b) => a.seq - b.seq);
    const textSha256 = l.sent ? await sha256(l.sent.text) : null;
    if (l.sent && textSha256 !== l.sent.textSha256) refuse(`${path}.sent.text`, 'the text does not match its hash');
    const verdict = await verifyChain(events, sha256, { textSha256, head: l.head });
    if (!verdict.ok)
      refuse(path, `event chain of letter ${l.id} is broken (${verdict.reason} at seq ${verdict.brokenAt})`);

    const mine = local.letters.get(l.id);
    if (!mine) {
      if (!fileNotices.has(l.followsUp) && !local.noticeIds.has(l.followsUp)) {
        plan.skipped.push({ path, id: l.id, reason: 'notice_missing' });
        continue;
      }
      plan.letters.push(l);
      plan.events.push(...mark(events));
      plan.added.letters++;
      plan.added.events += events.length;
      continue;
    }
    const localEvents = local.events.get(l.id) ?? [];
    const prefix = events.every((e, i) => localEvents[i]?.hash === e.hash);
    if (canonicalJson(mine) === canonicalJson(l) && events.length === localEvents.length && prefix) {
      plan.alreadyPresent.letters++;
      plan.alreadyPresent.events += events.length;
    } else {
      const newer = prefix && localEvents.length > events.length;
      plan.skipped.push({ path, id: l.id, reason: newer ? 'local_is_newer' : 'differs_from_local' });
    }
  }
  return plan;
}
