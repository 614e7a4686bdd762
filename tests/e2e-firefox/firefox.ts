import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_ID } from '../../lib/extension-id';
import { REPO_ROOT } from '../helpers/fixtures';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.join(REPO_ROOT, '.output/firefox-mv2');
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results/screenshots');

/** The raw WebDriver BiDi connection: puppeteer's page API cannot navigate to moz-extension:// pages. */
interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: Record<string, unknown> }>;
}

interface BidiContext {
  context: string;
  url: string;
  children?: BidiContext[] | null;
}

export interface FirefoxSession {
  browser: Browser;
  /** moz-extension://<uuid>: fixed by a preference so the backend's CORS list can name it beforehand. */
  origin: string;
  url: (page: string) => string;
  /** A new tab showing an extension page. */
  openExtensionPage: (page: string) => Promise<Page>;
  /** Right-clicks `page` and picks the extension's menu item whose id ends with `itemId`; returns the tab it opened. */
  contextMenu: (page: Page, itemId: string) => Promise<Page>;
  screenshot: (page: Page, name: string) => Promise<void>;
  close: () => Promise<void>;
}

export interface FirefoxOptions {
  /** Host names Firefox resolves to 127.0.0.1 (the loopback page server), like Chromium's --host-resolver-rules. */
  localDomains?: string[];
  /** UI language, e.g. 'zh-CN': the extension's _locales follow it. */
  lang?: string;
}

/**
 * Debian's firefox-esr, headless, driven over WebDriver BiDi by puppeteer-core (no downloaded browser),
 * with the built extension installed as a temporary add-on under a known UUID.
 */
export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxSession> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Without it BiDi refuses moz-extension:// navigation and the browser-window ("chrome") scope.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: uuid }),
      'network.dns.localDomains': (opts.localDomains ?? []).join(','),
      ...(opts.lang ? { 'intl.locale.requested': opts.lang, 'intl.accept_languages': opts.lang } : {}),
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const origin = `moz-extension://${uuid}`;

  const contexts = async (): Promise<BidiContext[]> =>
    (await connection.send('browsingContext.getTree', {})).result.contexts as BidiContext[];
  const pageFor = async (context: string): Promise<Page> => {
    for (let i = 0; i < 100; i++) {
      for (const p of await browser.pages()) {
        if ((p.mainFrame() as unknown as { _id: string })._id === context) return p;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no puppeteer page for browsing context ${context}`);
  };

  const openExtensionPage = async (page: string): Promise<Page> => {
    const tab = await browser.newPage();
    const context = (tab.mainFrame() as unknown as { _id: string })._id;
    await connection.send('browsingContext.navigate', { context, url: `${origin}/${page}`, wait: 'complete' });
    return tab;
  };

  const contextMenu = async (page: Page, itemId: string): Promise<Page> => {
    const before = new Set((await contexts()).map((c) => c.context));
    await page.mouse.click(40, 40, { button: 'right' });
    const chrome = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result
      .contexts as BidiContext[];
    const target = chrome[0];
    if (!target) throw new Error('no browser window to open the context menu in');
    // The real page menu, opened by the right-click above; the extension's item is activated as a user would.
    const res = await connection.send('script.evaluate', {
      target: { context: target.context },
      awaitPromise: true,
      expression: `(async () => {
        const popup = document.getElementById('contentAreaContextMenu');
        for (let i = 0; i < 100 && popup.state !== 'open'; i++) await new Promise((r) => setTimeout(r, 50));
        const item = [...popup.querySelectorAll('menuitem')].find((m) => m.id.endsWith(${JSON.stringify(itemId)}));
        if (!item) return 'missing: ' + [...popup.querySelectorAll('menuitem')].map((m) => m.id).join(' ');
        popup.activateItem(item);
        return 'ok';
      })()`,
    });
    const value = (res.result as { result?: { value?: string } }).result?.value;
    if (value !== 'ok') throw new Error(`context menu item ${itemId}: ${value ?? JSON.stringify(res.result)}`);
    for (let i = 0; i < 200; i++) {
      const opened = (await contexts()).find((c) => !before.has(c.context));
      if (opened) return pageFor(opened.context);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the context menu item opened no tab');
  };

  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    origin,
    url: (p) => `${origin}/${p}`,
    openExtensionPage,
    contextMenu,
    screenshot: async (page, name) => {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `firefox-${name}.png`) });
    },
    close: () => browser.close(),
  };
}

/** Waits until `fn` (run in the page) returns a truthy value; returns it. */
export async function poll<T>(page: Page, fn: () => T, timeout = 20_000): Promise<T> {
  const handle = await page.waitForFunction(fn, { timeout, polling: 100 });
  return (await handle.jsonValue()) as T;
}
