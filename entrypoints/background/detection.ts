import { browser } from 'wxt/browser';
import { db } from '../../lib/db/schema';
import { readSetting, writeSetting } from '../../lib/db/settings';
import { createWorksRepo } from '../../lib/db/works-repo';
import { compileCatalog, type CatalogWork, type CompiledCatalog } from '../../lib/detection/catalog';
import type { PageFeatures } from '../../lib/detection/features';
import { DETECTOR_JS, DETECTOR_MATCHES, DETECTOR_SCRIPT_ID } from '../../lib/detection/registration';
import { scorePage, type ReasonLang } from '../../lib/detection/score';
import { TabVerdictSchema, type TabVerdict } from '../../lib/detection/verdict';
import { AppError } from '../../lib/errors';
import type { Handlers, SenderInfo } from '../../lib/messaging';

/** Where verdicts live: one per tab, dropped on navigation and close. Nothing else about pages is kept. */
export interface VerdictStore {
  get(tabId: number): Promise<TabVerdict | null>;
  set(tabId: number, verdict: TabVerdict): Promise<void>;
  delete(tabId: number): Promise<void>;
  tabIds(): Promise<number[]>;
}

export interface DetectionDeps {
  loadCatalog: () => Promise<CatalogWork[]>;
  readEnabled: () => Promise<boolean>;
  writeEnabled: (enabled: boolean) => Promise<void>;
  hasHostPermission: () => Promise<boolean>;
  setBadge: (tabId: number, text: string, color: string) => Promise<void>;
  scripting: { isRegistered(): Promise<boolean>; register(): Promise<void>; unregister(): Promise<void> };
  store?: VerdictStore;
  lang?: () => ReasonLang;
}

export const BADGE = { text: '!', color: '#d93025' } as const;

export function memoryVerdictStore(): VerdictStore {
  const map = new Map<number, TabVerdict>();
  return {
    get: async (id) => map.get(id) ?? null,
    set: async (id, v) => void map.set(id, v),
    delete: async (id) => void map.delete(id),
    tabIds: async () => [...map.keys()],
  };
}

export type DetectionService = ReturnType<typeof createDetectionService>;

export function createDetectionService(deps: DetectionDeps) {
  const store = deps.store ?? memoryVerdictStore();
  let catalog: Promise<CompiledCatalog> | null = null;
  const compiled = () =>
    (catalog ??= deps.loadCatalog().then(compileCatalog, (err: unknown) => {
      catalog = null;
      throw err;
    }));

  async function clear(tabId: number) {
    if (!(await store.get(tabId))) return;
    await store.delete(tabId);
    await deps.setBadge(tabId, '', BADGE.color).catch(() => undefined); // the tab may be gone
  }

  async function reconcile(wanted: boolean) {
    const registered = await deps.scripting.isRegistered();
    if (wanted && !registered) await deps.scripting.register();
    if (!wanted && registered) await deps.scripting.unregister();
    if (!wanted) for (const id of await store.tabIds()) await clear(id);
    return { enabled: wanted, registered: wanted };
  }

  const service = {
    /** Scores a page reported by the content script of a top-level frame, and keeps only the verdict. */
    async handlePage(features: PageFeatures, sender: SenderInfo): Promise<{ suspected: boolean }> {
      if (sender.tabId === undefined || sender.tabId < 0)
        throw new AppError('invalid_input', 'detection/page needs a tab');
      if ((sender.frameId ?? 0) !== 0 || !(await deps.readEnabled())) return { suspected: false };
      const url = sender.url ?? features.url;
      const verdict = scorePage({ ...features, url }, await compiled(), { lang: deps.lang?.() ?? 'en' });
      await store.set(sender.tabId, { ...verdict, url });
      await deps.setBadge(sender.tabId, verdict.suspected ? BADGE.text : '', BADGE.color);
      return { suspected: verdict.suspected };
    },

    /** The verdict for the popup, or null when detection has not seen this tab's page. */
    async verdictFor(tabId: number): Promise<TabVerdict | null> {
      const v = await store.get(tabId);
      const parsed = v && TabVerdictSchema.safeParse(v);
      return parsed?.success ? parsed.data : null;
    },

    /** Turns detection on (only once the host permission is granted) or off, and (un)registers the script. */
    async setEnabled(enabled: boolean): Promise<{ enabled: boolean; registered: boolean }> {
      if (enabled && !(await deps.hasHostPermission())) {
        throw new AppError('invalid_input', 'Grant access to websites first: detection needs it to read pages', {
          permission: DETECTOR_MATCHES,
        });
      }
      await deps.writeEnabled(enabled);
      return reconcile(enabled);
    },

    /** At start-up and when permissions change: registration follows the setting and the permission. */
    async sync(): Promise<{ enabled: boolean; registered: boolean }> {
      const wanted = (await deps.readEnabled()) && (await deps.hasHostPermission());
      return reconcile(wanted);
    },

    /** Call when the catalog of works changes. */
    invalidateCatalog(): void {
      catalog = null;
    },

    /** tabs.onUpdated: a new page (or a new URL in the same page) drops the old verdict. */
    async onTabUpdated(tabId: number, change: { status?: string; url?: string }): Promise<void> {
      if (change.url !== undefined || change.status === 'loading') await clear(tabId);
    },

    async onTabRemoved(tabId: number): Promise<void> {
      await store.delete(tabId);
    },

    /** The message handlers to merge into background/index.ts's dispatch table. */
    handlers(): Pick<Handlers, 'detection/page' | 'detection/verdict' | 'detection/set-enabled'> {
      return {
        'detection/page': (input, sender) => service.handlePage(input, sender),
        'detection/verdict': async ({ tabId }) => ({ verdict: await service.verdictFor(tabId) }),
        'detection/set-enabled': ({ enabled }) => service.setEnabled(enabled),
      };
    },
  };
  return service;
}

/** Verdicts in storage.session, so they survive the service worker sleeping but not the browser closing. */
function sessionVerdictStore(): VerdictStore {
  const area = browser.storage.session;
  if (!area) return memoryVerdictStore();
  const key = (id: number) => `detection:tab:${id}`;
  return {
    get: async (id) => ((await area.get(key(id)))[key(id)] as TabVerdict | undefined) ?? null,
    set: (id, v) => area.set({ [key(id)]: v }),
    delete: (id) => area.remove(key(id)),
    tabIds: async () =>
      Object.keys(await area.get(null))
        .filter((k) => k.startsWith('detection:tab:'))
        .map((k) => Number(k.slice('detection:tab:'.length))),
  };
}

/**
 * The real dependencies: the works and settings repositories, chrome.scripting, the toolbar badge. The background
 * builds the repositories it needs rather than lib/db/services, whose lazily loaded parts a service worker would inline.
 */
export function browserDetectionDeps(): DetectionDeps {
  const action = browser.action ?? browser.browserAction;
  const works = createWorksRepo({ db: db() });
  return {
    loadCatalog: () => works.list(),
    readEnabled: async () => (await readSetting(db(), 'detection')).value?.enabled === true,
    writeEnabled: async (enabled) => void (await writeSetting(db(), 'detection', { enabled })),
    hasHostPermission: () => browser.permissions.contains({ origins: DETECTOR_MATCHES }),
    setBadge: async (tabId, text, color) => {
      await action.setBadgeText({ tabId, text });
      if (text) await action.setBadgeBackgroundColor({ tabId, color });
    },
    scripting: {
      isRegistered: async () =>
        (await browser.scripting.getRegisteredContentScripts({ ids: [DETECTOR_SCRIPT_ID] })).length > 0,
      register: () =>
        browser.scripting.registerContentScripts([
          {
            id: DETECTOR_SCRIPT_ID,
            matches: DETECTOR_MATCHES,
            js: [DETECTOR_JS],
            runAt: 'document_idle',
            allFrames: false,
            persistAcrossSessions: true,
          },
        ]),
      unregister: () => browser.scripting.unregisterContentScripts({ ids: [DETECTOR_SCRIPT_ID] }),
    },
    store: sessionVerdictStore(),
    lang: () => (browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh' : 'en'),
  };
}

/**
 * Wires the tab and permission events; background/index.ts calls this once with the service.
 * Messages go through the shared dispatch with service.handlers().
 */
export function wireDetectionEvents(service: DetectionService): void {
  browser.tabs.onUpdated.addListener((tabId, change) => void service.onTabUpdated(tabId, change));
  browser.tabs.onRemoved.addListener((tabId) => void service.onTabRemoved(tabId));
  browser.permissions.onRemoved.addListener(() => void service.sync());
  browser.runtime.onStartup.addListener(() => void service.sync());
  browser.runtime.onInstalled.addListener(() => void service.sync());
  // The options page edits works in its own context; Dexie reports the change here, and the
  // next page is scored against the new catalog.
  createWorksRepo({ db: db() }).onChange(() => service.invalidateCatalog());
}
