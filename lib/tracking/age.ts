import type { Notice } from '../model/notice';
import { isOverdue } from './deadlines';

const DAY = 86_400_000;

/** Whole days since the notice went out (null for a draft), and whether its follow-up date has passed. */
export function noticeAge(
  n: Pick<Notice, 'sentAt' | 'status' | 'followUpAt'>,
  now: Date,
): { daysSinceSent: number | null; overdue: boolean } {
  return {
    daysSinceSent: n.sentAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(n.sentAt)) / DAY)) : null,
    overdue: isOverdue(n, now),
  };
}
