import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  browserFollowUpDeps,
  createFollowUps,
  FOLLOW_UP_ALARM,
  wireFollowUps,
} from '../../../entrypoints/background/follow-ups';
import { db } from '../../../lib/db/schema';
import { sentNotice } from '../tracking/make-notice';

const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function seed(ids: string[]) {
  await db().notices.bulkPut(ids.map((id, i) => sentNotice({ id, followUpAt: past(i + 1) })));
}

describe('follow-ups in the background', () => {
  let badge: ReturnType<typeof vi.fn>;
  let tabs: string[];
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().notices.clear();
    badge = vi.fn(async (_: { text: string }) => {});
    // The fake browser has no toolbar action; the i18n and tabs calls are stubbed to observe them.
    Object.assign(fakeBrowser, { action: { setBadgeText: badge, setBadgeBackgroundColor: vi.fn(async () => {}) } });
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
      (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join(',')})`,
    );
    tabs = [];
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(
      (async (p: { url?: string }) => void tabs.push(p.url ?? '')) as never,
    );
  });

  it('badges the count and notifies once per rise, with the plural string', async () => {
    const service = createFollowUps(browserFollowUpDeps());
    await seed(['a', 'b', 'c']);
    await service.check();
    expect(badge).toHaveBeenLastCalledWith({ text: '3' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['follow-up:list']);
    expect((await fakeBrowser.notifications.getAll())['follow-up:list']).toMatchObject({
      title: 'followUpsTitle()',
      message: 'followUpsMany(3)',
    });

    await fakeBrowser.notifications.clear('follow-up:list');
    await service.check();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    await db().notices.bulkPut([
      sentNotice({ id: 'a', status: 'removed', followUpAt: null }),
      sentNotice({ id: 'b', status: 'removed', followUpAt: null }),
    ]);
    await service.check();
    expect(badge).toHaveBeenLastCalledWith({ text: '1' });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    await db().notices.put(sentNotice({ id: 'c', status: 'removed', followUpAt: null }));
    await service.check();
    expect(badge).toHaveBeenLastCalledWith({ text: '' });
  });

  it('runs checks one at a time, so simultaneous triggers notify once', async () => {
    const notify = vi.fn(async () => {});
    let state: { count: number; notificationId: string | null } | null = null;
    const service = createFollowUps({
      ...browserFollowUpDeps(),
      dueIds: async () => ['a', 'b'],
      readState: async () => state,
      writeState: async (s) => void (state = s),
      notify,
    });
    await Promise.all([service.check(), service.check(), service.check()]);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('opens the single notice on click, or the list when it was deleted since', async () => {
    const service = createFollowUps(browserFollowUpDeps());
    await seed(['only']);
    await service.check();
    expect((await fakeBrowser.notifications.getAll())['follow-up:notice:only']).toMatchObject({
      message: 'followUpsOne(1)',
    });
    await service.onClick('follow-up:notice:only');
    expect(tabs.at(-1)).toMatch(/\/notice\.html\?id=only$/);
    await db().notices.delete('only');
    await service.onClick('follow-up:notice:only');
    expect(tabs.at(-1)).toMatch(/\/popup\.html$/);
    await service.onClick('not-ours');
    expect(tabs).toHaveLength(2);
  });

  it('checks on install and on each hourly alarm, and handles clicks', async () => {
    const service = { check: vi.fn(async () => {}), onClick: vi.fn(async () => {}) };
    wireFollowUps(service);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(service.check).toHaveBeenCalledTimes(1);
    const alarm = await fakeBrowser.alarms.get(FOLLOW_UP_ALARM);
    expect(alarm?.periodInMinutes).toBe(60);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: 0 });
    expect(service.check).toHaveBeenCalledTimes(2);
    await fakeBrowser.notifications.onClicked.trigger('follow-up:list');
    expect(service.onClick).toHaveBeenCalledWith('follow-up:list');
  });
});
