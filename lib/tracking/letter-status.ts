import type { LetterStatus } from '../model/letter';

/**
 * A letter's statuses, as data: from → { to: event kind }. A letter asks for no removal of its
 * own, so it is only drafted, sent, acknowledged by the recipient, or withdrawn.
 */
export const LETTER_TRANSITIONS = {
  draft: { sent: 'sent', withdrawn: 'withdrawn' },
  sent: { acknowledged: 'acknowledged', withdrawn: 'withdrawn' },
  acknowledged: { withdrawn: 'withdrawn' },
  withdrawn: {},
} as const satisfies Record<LetterStatus, Partial<Record<LetterStatus, string>>>;

/** Events that record something without moving the status. */
export const LETTER_INFO_KINDS = ['created', 'draft_saved', 'note', 'reply_received'] as const;

export function letterTarget(from: LetterStatus, kind: string): LetterStatus | null {
  for (const [to, k] of Object.entries(LETTER_TRANSITIONS[from])) if (k === kind) return to as LetterStatus;
  return null;
}
