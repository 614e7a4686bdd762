import { createNoticesRepo } from '../../lib/db/notices-repo';
import { createTeamRepo } from '../../lib/db/team-repo';
import { db } from '../../lib/db/schema';
import type { MessageKey } from '../../lib/i18n';
import { followUpAlert, followUpClickTarget } from '../../lib/tracking/follow-up-alert';

export const FOLLOW_UP_ALARM = 'follow-ups';
const PERIOD_MINUTES = 60;
const STATE_KEY = 'followUps:state';

interface State {
  count: number;
  notificationId: string | null;
}

export interface FollowUpDeps {
  dueIds: () => Promise<string[]>;
  noticeExists: (id: string) => Promise<boolean>;
  readState: () => Promise<State | null>;
  writeState: (s: State) => Promise<void>;
  setBadge: (text: string) => Promise<void>;
  notify: (id: string, title: string, message: string) => Promise<void>;
  clearNotification: (id: string) => Promise<void>;
  openPage: (path: string) => Promise<void>;
  t: (key: MessageKey, subs?: string | string[]) => string;
}

/** Overdue follow-ups on the toolbar badge, and one notification each time their number rises. */
export function createFollowUps(deps: FollowUpDeps) {
  async function run(): Promise<void> {
    const ids = await deps.dueIds();
    const prev = (await deps.readState()) ?? { count: 0, notificationId: null };
    const alert = followUpAlert(ids, prev.count);
    await deps.setBadge(alert.badge);
    let notificationId = ids.length === 0 ? null : prev.notificationId;
    if (prev.notificationId && (alert.notification || ids.length === 0))
      await deps.clearNotification(prev.notificationId).catch(() => undefined);
    if (alert.notification) {
      const n = alert.notification;
      await deps.notify(n.id, deps.t('followUpsTitle'), deps.t(n.key, String(n.count)));
      notificationId = n.id;
    }
    await deps.writeState({ count: ids.length, notificationId });
  }
  // Checks run one after another, so two triggers at once cannot both notify.
  let queue: Promise<void> = Promise.resolve();
  return {
    check(): Promise<void> {
      queue = queue.catch(() => undefined).then(run);
      return queue;
    },

    /** A notice that was deleted since the notification opens the list instead. */
    async onClick(notificationId: string): Promise<void> {
      const target = followUpClickTarget(notificationId);
      if (!target) return;
      await deps.clearNotification(notificationId).catch(() => undefined);
      if (target.page === 'notice' && (await deps.noticeExists(target.id)))
        await deps.openPage(`/notice.html?id=${encodeURIComponent(target.id)}`);
      else await deps.openPage('/popup.html');
    },
  };
}
export type FollowUps = ReturnType<typeof createFollowUps>;

export function browserFollowUpDeps(): FollowUpDeps {
  const repo = createNoticesRepo({ db: db(), now: () => new Date() });
  const team = createTeamRepo({ db: db(), now: () => new Date() });
  const action = browser.action ?? browser.browserAction;
  return {
    dueIds: async () => {
      const ids = (await repo.dueFollowUps(new Date())).map((n) => n.id);
      // A colleague's notice received from the team server (issue 19) is theirs to chase, not a badge here.
      const theirs = await team.teamOrigin(ids);
      return ids.filter((id) => !theirs.has(id));
    },
    noticeExists: async (id) => (await repo.getNotice(id)) !== null,
    readState: async () => ((await browser.storage.local.get(STATE_KEY))[STATE_KEY] as State | undefined) ?? null,
    writeState: (s) => browser.storage.local.set({ [STATE_KEY]: s }),
    setBadge: async (text) => {
      await action.setBadgeText({ text });
      if (text) await action.setBadgeBackgroundColor({ color: '#b42318' });
    },
    notify: async (id, title, message) =>
      void (await browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      })),
    clearNotification: async (id) => void (await browser.notifications.clear(id)),
    openPage: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') })),
    t: (key, subs) => browser.i18n.getMessage(key, subs),
  };
}

/** Registers the hourly alarm, a check at install and browser start, and the notification click. */
export function wireFollowUps(service: FollowUps): void {
  const check = () => void service.check().catch((err: unknown) => console.warn('follow-up check failed', err));
  const schedule = () =>
    void browser.alarms.create(FOLLOW_UP_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: 1 });
  browser.runtime.onInstalled.addListener(() => (schedule(), check()));
  browser.runtime.onStartup.addListener(() => (schedule(), check()));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_UP_ALARM) check();
  });
  browser.notifications.onClicked.addListener((id) => void service.onClick(id));
}

/**
 * Re-checks whenever a follow-up date is set or cleared in any extension page (a reply recorded,
 * a notice sent), so the badge does not wait for the next alarm; the first result also covers
 * the service worker waking up.
 */
export function watchFollowUps(service: FollowUps): void {
  const repo = createNoticesRepo({ db: db(), now: () => new Date() });
  repo.onFollowUpsChange(
    () => void service.check().catch((err: unknown) => console.warn('follow-up check failed', err)),
  );
}
