import { z } from 'zod';
import type { Notice, NoticeEvent } from '../model/notice';
import { COUNTER_NOTICE_LAWS, followUpDate, type BasisRef, type CounterNoticeLaw } from './deadlines';

const WindowSchema = z.object({
  law: z.string(),
  earliest: z.string(),
  latest: z.string(),
  basis: z.string(),
  unverified: z.boolean().default(false),
});
export type LoggedCounterWindow = z.infer<typeof WindowSchema>;

/** The counter-notice window recorded with the latest counter-notice, if any. */
export function counterWindowFromLog(events: readonly NoticeEvent[]): LoggedCounterWindow | null {
  for (const e of [...events].reverse()) {
    if (e.kind !== 'counter_notice_received') continue;
    const w = WindowSchema.safeParse(e.details.window);
    return w.success ? w.data : null;
  }
  return null;
}

/**
 * Why the follow-up date is what it is: a counter-notice clock when one runs, else the basis
 * recorded when the notice was sent, else the rule that applies to its recipient and regime.
 */
export function followUpBasis(
  notice: Notice,
  events: readonly NoticeEvent[],
): { text: string; ref: BasisRef | null } | null {
  if (!notice.followUpAt) return null;
  if (notice.status === 'counter_noticed') {
    const w = counterWindowFromLog(events);
    if (w) return { text: w.basis, ref: counterRef(w.law) };
  }
  const rule = followUpDate(
    { recipient: notice.sent?.recipient ?? notice.recipient, regime: notice.regime },
    new Date(notice.followUpAt),
  );
  const recorded = [...events].reverse().find((e) => typeof e.details.followUpBasis === 'string');
  if (recorded && notice.status === 'sent') {
    const text = recorded.details.followUpBasis as string;
    // The recorded sentence is the evidence; the rule gives its wording in the UI language when they agree.
    return { text, ref: text === rule.basis ? rule.ref : null };
  }
  return { text: rule.basis, ref: rule.ref };
}

/** The logged window's law as a basis reference; a law this version does not know keeps its recorded sentence. */
export function counterRef(law: string): BasisRef | null {
  return (COUNTER_NOTICE_LAWS as readonly string[]).includes(law)
    ? { kind: 'counter', law: law as CounterNoticeLaw }
    : null;
}
