import type { REPLY_KINDS } from '../../contract';
import type { ReplyStatus } from '../../tracking/reply';

export type ReplyKind = (typeof REPLY_KINDS)[number];

/** The notice status a confirmed suggestion moves to; null when the status stays (the user acts instead). */
export const SUGGESTED_STATUS: Record<ReplyKind, ReplyStatus | null> = {
  bounce: null,
  'counter-notice': 'counter_noticed',
  removed: 'removed',
  rejected: 'rejected',
  'more-info': null,
  forwarded: 'acknowledged',
  acknowledged: 'acknowledged',
  unknown: null,
};
