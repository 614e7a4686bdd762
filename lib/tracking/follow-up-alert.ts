import type { MessageKey } from '../i18n';

/** What the background shows for the notices whose follow-up date has passed. */
export interface FollowUpAlert {
  /** Toolbar badge text; '' clears it. */
  badge: string;
  /** A notification to show, or null when the count did not rise since the last check. */
  notification: { id: string; key: Extract<MessageKey, 'followUpsOne' | 'followUpsMany'>; count: number } | null;
}

/** Prefix of the notification id; the rest names what a click opens. */
export const FOLLOW_UP_NOTIFICATION = 'follow-up';

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/**
 * One notification per rise: the user is told again only when more notices fall due than at
 * the last check, so an hourly alarm does not nag about the same ones.
 */
export function followUpAlert(dueIds: readonly string[], previousCount: number): FollowUpAlert {
  const count = dueIds.length;
  if (count === 0 || count <= previousCount) return { badge: badgeText(count), notification: null };
  const target = count === 1 ? `notice:${dueIds[0]}` : 'list';
  return {
    badge: badgeText(count),
    // Chrome's i18n has no plural rules, so one and many are separate strings (Chinese uses the same words).
    notification: {
      id: `${FOLLOW_UP_NOTIFICATION}:${target}`,
      key: count === 1 ? 'followUpsOne' : 'followUpsMany',
      count,
    },
  };
}

export type FollowUpClickTarget = { page: 'notice'; id: string } | { page: 'list' };

/** What a click on a follow-up notification opens; null for a notification that is not ours. */
export function followUpClickTarget(notificationId: string): FollowUpClickTarget | null {
  const prefix = `${FOLLOW_UP_NOTIFICATION}:`;
  if (!notificationId.startsWith(prefix)) return null;
  const rest = notificationId.slice(prefix.length);
  if (rest === 'list') return { page: 'list' };
  if (rest.startsWith('notice:') && rest.length > 'notice:'.length)
    return { page: 'notice', id: rest.slice('notice:'.length) };
  return null;
}
