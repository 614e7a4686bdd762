import { describe, expect, it } from 'vitest';
import { badgeText, followUpAlert, followUpClickTarget } from '../../../lib/tracking/follow-up-alert';

describe('follow-up alert', () => {
  it('puts the count on the badge and clears it at zero', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(250)).toBe('99+');
  });

  it('notifies once when the count rises, not again for the same notices', () => {
    expect(followUpAlert(['a', 'b', 'c'], 0)).toEqual({
      badge: '3',
      notification: { id: 'follow-up:list', key: 'followUpsMany', count: 3 },
    });
    expect(followUpAlert(['a', 'b', 'c'], 3).notification).toBeNull();
    expect(followUpAlert(['a', 'b'], 3)).toEqual({ badge: '2', notification: null });
    expect(followUpAlert([], 2)).toEqual({ badge: '', notification: null });
  });

  it('uses the singular string for one notice and opens that notice on click', () => {
    const a = followUpAlert(['n-1'], 0);
    expect(a.notification).toEqual({ id: 'follow-up:notice:n-1', key: 'followUpsOne', count: 1 });
    expect(followUpClickTarget(a.notification!.id)).toEqual({ page: 'notice', id: 'n-1' });
    expect(followUpClickTarget('follow-up:list')).toEqual({ page: 'list' });
    expect(followUpClickTarget('someone-else')).toBeNull();
    expect(followUpClickTarget('follow-up:notice:')).toBeNull();
  });
});
