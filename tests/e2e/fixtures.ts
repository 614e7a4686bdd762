import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../lib/extension-id';
import { CHROMIUM, extensionLaunchArgs } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/fixtures';

export const EXTENSION_DIR = path.join(REPO_ROOT, '.output/chrome-mv3');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results/screenshots');
export { CHROMIUM };

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  url: (page: string) => string;
  screenshot: (page: Page, name: string) => Promise<string>;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Chromium UI language, e.g. 'zh-CN'; the extension's _locales follow it. */
  lang?: string;
  /** Extra --host-resolver-rules, e.g. 'MAP pirate-site.test 127.0.0.1'. */
  hostRules?: string;
}

/** Loads the built extension into Debian's Chromium, headless, with no network beyond loopback. */
export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'takedown-e2e-'));
  const args = extensionLaunchArgs(EXTENSION_DIR);
  if (opts.lang) args.push(`--lang=${opts.lang}`);
  // Every other name fails to resolve, so nothing in a test (the browser lookup's default DoH resolver included)
  // can reach past loopback.
  const offNet = 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';
  args.push(`--host-resolver-rules=${opts.hostRules ? `${opts.hostRules}, ` : ''}${offNet}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new is passed above; Playwright's own flag would pick the old mode
    args,
    locale: opts.lang,
    env: { ...process.env, LANGUAGE: opts.lang?.replace('-', '_') ?? 'en_US' },
    viewport: { width: 1100, height: 800 },
  });
  context.setDefaultTimeout(15_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  if (extensionId !== CHROME_EXTENSION_ID) throw new Error(`unexpected extension id ${extensionId}`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const suffix = opts.lang ? `-${opts.lang}` : '';
  return {
    context,
    worker,
    extensionId,
    url: (p) => `chrome-extension://${extensionId}/${p}`,
    screenshot: async (page, name) => {
      const file = path.join(SCREENSHOT_DIR, `${name}${suffix}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Headless Chromium draws no context menu, so the test fires the real contextMenus.onClicked
 * event inside the service worker (Chromium's event object exposes dispatch), reaching the
 * listener the background registered exactly as a right-click would.
 */
export async function clickContextMenu(worker: Worker, info: Record<string, unknown>, tab: Record<string, unknown>) {
  await worker.evaluate(
    ([i, t]) => {
      const event = chrome.contextMenus.onClicked as unknown as {
        dispatch: (...args: unknown[]) => void;
        hasListeners: () => boolean;
      };
      if (!event.hasListeners()) throw new Error('the background registered no contextMenus.onClicked listener');
      event.dispatch(i, t);
    },
    [info, tab] as const,
  );
}

/** The tab showing a page, once Chromium reports it active in its window (captureVisibleTab needs that). */
export async function activeTabOf(worker: Worker, urlPrefix: string): Promise<Record<string, unknown>> {
  return worker.evaluate(async (prefix) => {
    for (let i = 0; i < 100; i++) {
      const tabs = await chrome.tabs.query({ active: true });
      const tab = tabs.find(
        (t: { url?: string; status?: string }) => t.url?.startsWith(prefix) && t.status === 'complete',
      );
      if (tab) return tab;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no active tab at ${prefix}`);
  }, urlPrefix);
}

/**
 * A user opens `url`, right-clicks it and picks "Report this site": returns the report tab and the
 * page it was opened from. Page errors in the report tab are printed, to explain a failing step.
 */
export async function rightClickReport(s: ExtensionSession, url: string): Promise<{ report: Page; source: Page }> {
  const source = await s.context.newPage();
  await source.goto(url);
  await source.bringToFront();
  const tab = await activeTabOf(s.worker, url);
  const opened = s.context.waitForEvent('page');
  await clickContextMenu(s.worker, { menuItemId: 'report-page', pageUrl: url, editable: false }, tab);
  const report = await opened;
  report.on('pageerror', (e) => console.log('PAGEERROR', report.url(), e.message));
  await report.waitForLoadState();
  return { report, source };
}
