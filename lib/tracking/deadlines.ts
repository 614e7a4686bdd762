import type { Notice, RegimeId } from '../model/notice';
import type { Recipient } from '../model/recipient';
import { addBusinessDays, addCalendarDays, type CalendarOptions } from './business-days';
import { AWAITING } from './status';

/**
 * What a follow-up date or a counter-notice clock rests on, as data the UI words in the user's language; `basis` (the
 * English sentence) is what the history records.
 */
export type BasisRef =
  | { kind: 'provider'; who: string; hours: number }
  | { kind: 'regime'; regime: RegimeId }
  | { kind: 'counter'; law: CounterNoticeLaw };

export interface FollowUp {
  at: Date;
  source: 'provider' | 'regime';
  /** Why this date, for the detail page and the history (English). */
  basis: string;
  ref: BasisRef;
}

/**
 * No regime fixes a number of days for taking material down ("expeditiously", "promptly",
 * docs/notice-law.md §5), so these are the product's defaults for when to chase, not legal deadlines.
 */
export const REGIME_FOLLOW_UP: Record<RegimeId, { businessDays: number; basis: string }> = {
  'us-dmca': {
    businessDays: 5,
    basis: '17 U.S.C. § 512(c)(1)(C) "expeditiously"; no statutory number, default 5 business days',
  },
  cn: {
    businessDays: 3,
    basis: 'Civil Code art. 1195 "promptly" (及时); no statutory number, default 3 business days',
  },
  'eu-dsa': {
    businessDays: 5,
    basis: 'DSA art. 16(6) "timely, diligent"; no statutory number, default 5 business days',
  },
  uk: { businessDays: 5, basis: 'SI 2002/2013 reg. 19 "expeditiously"; no statutory number, default 5 business days' },
  'ca-notice': {
    businessDays: 5,
    basis: 'Copyright Act s. 41.26 forward "as soon as feasible"; default 5 business days',
  },
  jp: {
    businessDays: 7,
    basis:
      'Provider Liability Limitation Act: the provider may ask the sender and wait 7 days for an objection (docs/notice-law.md §7); product default 7 business days',
  },
  kr: {
    businessDays: 3,
    basis:
      'Copyright Act (Korea) art. 103: suspend "immediately" and notify both sides; no statutory number, default 3 business days',
  },
  au: {
    businessDays: 5,
    basis:
      'Copyright Act 1968 Part V Div 2AA: no statutory number for acting on a notice; product default 5 business days',
  },
  in: { businessDays: 2, basis: 'Copyright Rules 2013 r. 75: disable access within 36 hours; default 2 business days' },
  generic: { businessDays: 7, basis: 'No regime selected; default 7 business days' },
};

/**
 * When to follow up on a sent notice: the provider's published handling time where the
 * directory has one (docs/providers.md §7; a contract term, counted in hours), else the regime default.
 */
export function followUpDate(
  input: { recipient?: Recipient | null; regime: RegimeId },
  sentAt: Date,
  opts: CalendarOptions = {},
): FollowUp {
  const days = input.recipient?.handlingDays;
  if (days !== undefined) {
    const who = input.recipient?.providerId ?? input.recipient?.name ?? 'provider';
    return {
      at: new Date(sentAt.getTime() + days * 86_400_000),
      source: 'provider',
      basis: `${who} publishes a handling time of ${days * 24} h`,
      ref: { kind: 'provider', who, hours: days * 24 },
    };
  }
  const rule = REGIME_FOLLOW_UP[input.regime];
  return {
    at: addBusinessDays(sentAt, rule.businessDays, opts),
    source: 'regime',
    basis: rule.basis,
    ref: { kind: 'regime', regime: input.regime },
  };
}

export const COUNTER_NOTICE_LAWS = ['us-512g', 'cn-ecommerce-43', 'cn-civil-1196', 'au-regs'] as const;
export type CounterNoticeLaw = (typeof COUNTER_NOTICE_LAWS)[number];

export interface CounterNoticeWindow {
  law: CounterNoticeLaw;
  /** Earliest moment the material may come back (a warning for the sender to act before). */
  earliest: Date;
  /** Latest moment: after it the provider restores unless told of a suit or complaint. */
  latest: Date;
  basis: string;
  /** Set when the period is a documented default rather than a number in the statute. */
  unverified?: boolean;
}

/**
 * Which counter-notice clock applies; China's E-Commerce Law covers e-commerce platforms only (docs/notice-law.md §4).
 * Japan's 7-day window precedes removal, Korea's restoration date is set by the provider and India has
 * no counter-notice (docs/notice-law.md §4), so they have none.
 */
export function counterNoticeLawFor(
  regime: RegimeId,
  opts: { ecommercePlatform?: boolean } = {},
): CounterNoticeLaw | null {
  if (regime === 'us-dmca') return 'us-512g';
  if (regime === 'cn') return opts.ecommercePlatform ? 'cn-ecommerce-43' : 'cn-civil-1196';
  if (regime === 'au') return 'au-regs';
  return null;
}

/** The clock a counter-notice starts (docs/notice-law.md §4). */
export function counterNoticeWindow(
  law: CounterNoticeLaw,
  receivedAt: Date,
  opts: CalendarOptions = {},
): CounterNoticeWindow {
  switch (law) {
    case 'us-512g':
      return {
        law,
        earliest: addBusinessDays(receivedAt, 10, opts),
        latest: addBusinessDays(receivedAt, 14, opts),
        basis:
          '17 U.S.C. § 512(g)(2)(C): restore no less than 10, no more than 14 business days after receiving the counter-notice, unless told of a suit',
      };
    case 'cn-ecommerce-43': {
      const end = addCalendarDays(receivedAt, 15, opts);
      return {
        law,
        earliest: end,
        latest: end,
        basis: 'E-Commerce Law art. 43: measures end if no complaint or suit is notified within 15 days',
      };
    }
    case 'cn-civil-1196': {
      const end = addBusinessDays(receivedAt, 20, opts);
      return {
        law,
        earliest: end,
        latest: end,
        basis:
          'Civil Code art. 1196: measures end after a "reasonable period" without a complaint or suit; default 20 working days (2020 SPC Reply)',
        unverified: true,
      };
    }
    case 'au-regs': {
      // The reference cites the 1969 Regulations (regs 20K, 20M); the 2017 numbering is not confirmed.
      const end = addBusinessDays(receivedAt, 10, opts);
      return {
        law,
        earliest: end,
        latest: end,
        basis:
          'Copyright Regulations (formerly 1969 regs 20K, 20M): the provider restores the material unless the owner says within 10 working days that it has sued',
        unverified: true,
      };
    }
  }
}

export function isOverdue(notice: Pick<Notice, 'status' | 'followUpAt'>, now: Date): boolean {
  return (
    notice.followUpAt !== null && AWAITING.includes(notice.status) && Date.parse(notice.followUpAt) <= now.getTime()
  );
}

/** Notices whose follow-up date has passed, most overdue first. */
export function dueFollowUps<N extends Pick<Notice, 'status' | 'followUpAt'>>(notices: readonly N[], now: Date): N[] {
  return notices.filter((n) => isOverdue(n, now)).sort((a, b) => Date.parse(a.followUpAt!) - Date.parse(b.followUpAt!));
}
