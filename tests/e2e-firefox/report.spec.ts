import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ORIGIN } from '../../lib/extension-id';
import { startBackend } from '../e2e/backend';
import { LETTERHEAD, WORK } from '../e2e/pages/setup';
import { startPirateSite } from '../e2e/pirate-site';
import { launchFirefox, poll, type FirefoxSession } from './firefox';

// Firefox resolves this public-looking name to the loopback page server (network.dns.localDomains); the
// backend resolves it through the loopback DNS fixture to a public RIPE address, so its SSRF guard stays on.
const HOST = 'ripe-host.to';

async function fill(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const field = await page.waitForSelector(`[name="${name}"]`);
    await field!.click({ count: 3 });
    await field!.type(value);
  }
}

/** Clicks the first button whose text matches, as a user picks it by its label. */
async function clickButton(page: Page, label: RegExp, within = 'body') {
  const ok = await page.evaluate(
    (source, flags, scope) => {
      const re = new RegExp(source, flags);
      const root = document.querySelector(scope) ?? document.body;
      const button = [...root.querySelectorAll('button')].find((b) => re.test(b.textContent ?? ''));
      button?.click();
      return Boolean(button);
    },
    label.source,
    label.flags,
    within,
  );
  if (!ok) throw new Error(`no button ${label}`);
}

describe('Firefox ESR: report workflow against the backend', () => {
  let ff: FirefoxSession;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  let backend: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    site = await startPirateSite(HOST);
    ff = await launchFirefox({ localDomains: [HOST] });
    // What a Firefox user does: add the extension's moz-extension:// origin to the backend's CORS list.
    backend = await startBackend({ TAKEDOWN_CORS_ORIGINS: `${CHROME_EXTENSION_ORIGIN},${ff.origin}` });
  });
  afterAll(async () => {
    await ff?.close();
    await site?.close();
    await backend?.close();
  });

  it('sets up the letterhead, a work and the backend in the options page', async () => {
    const options = await ff.openExtensionPage('options.html#letterhead');
    await fill(options, LETTERHEAD);
    await clickButton(options, /Save|保存/);
    await options.waitForSelector('[role="status"]');

    await options.evaluate(() => (location.hash = '#works'));
    await clickButton(options, /Add a work|添加作品/);
    await fill(options, WORK);
    await clickButton(options, /Save work|保存作品/, '[data-testid="work-form"]');
    await poll(options, () => document.querySelector('[data-testid="works-list"]')?.textContent?.includes('Starsea'));

    await options.evaluate(() => (location.hash = '#backend'));
    await fill(options, { backendUrl: backend.url });
    await clickButton(options, /Save|保存/, 'form');
    await options.waitForSelector('[role="status"]');

    // This spec is about the backend: Automatic would answer from the browser if the health check is slow.
    await options.evaluate(() => (location.hash = '#lookup'));
    await options.waitForSelector('[data-testid="lookup-mode-form"]');
    await options.click('[data-testid="lookup-mode-form"] input[name="lookupMode"][value="backend"]');
    await options.click('[data-testid="lookup-mode-form"] button[type="submit"]');
    await options.waitForSelector('[data-testid="lookup-mode-form"] [role="status"]');
    await options.close();
  });

  it('goes from the real context menu to a sent notice listed in the popup', async () => {
    const source = await ff.browser.newPage();
    await source.goto(site.url());
    const report = await ff.contextMenu(source, '_report-page');

    await poll(report, () => document.querySelectorAll('img.evidence__shot').length === 1);
    await poll(
      report,
      () => document.querySelectorAll('[data-testid="lookup-progress"] [data-state="done"]').length === 4,
      30_000,
    );
    await poll(report, () =>
      document.querySelector('[data-testid="recipient"][data-role="host"]')?.textContent?.includes('abuse@switch.ch'),
    );
    expect(backend.stack.rdap.count({ kind: 'ip' })).toBeGreaterThan(0);
    await ff.screenshot(report, 'report-recipients');

    await report.click('[data-testid="recipient"][data-role="host"] input[type="checkbox"]');
    // The draft is written a moment after the tick; its form appears then.
    await report.waitForSelector('[data-testid="work-picker"] label');
    await report.waitForSelector('input[name="fairUse"]');
    await report.evaluate((title) => {
      const label = [...document.querySelectorAll('[data-testid="work-picker"] label')].find((l) =>
        (l.textContent ?? '').includes(title),
      );
      (label?.querySelector('input') as HTMLInputElement | null)?.click();
    }, WORK.title);
    for (const name of ['fairUse', 'goodFaith', 'accuracy']) await report.click(`input[name="${name}"]`);
    await poll(
      report,
      () => document.querySelector('[data-testid="checklist"]')?.getAttribute('data-sendable') === 'true',
    );
    await poll(report, () =>
      /130\.59\.31\.80/.test(document.querySelector('[data-testid="preview"]')?.textContent ?? ''),
    );

    // "Mark as sent" asks how it was sent; the confirmed channel is what the history records.
    await report.click('[data-testid="mark-sent"]');
    await report.waitForSelector('input[name="channel"][value="copy"]');
    await report.click('input[name="channel"][value="copy"]');
    await report.click('[data-testid="confirm-sent"]');
    await poll(report, () =>
      /[0-9a-f]{64}/.test(document.querySelector('[data-testid="sent-record"]')?.textContent ?? ''),
    );
    await ff.screenshot(report, 'report-sent');

    // The popup lists the notice as sent, not the draft it came from.
    const popup = await ff.openExtensionPage('popup.html');
    const rowText = await poll(popup, () => {
      const rows = [...document.querySelectorAll('[data-testid="notice-row"]')];
      const row = rows.find((r) => r.textContent?.includes('ripe-host.to'));
      return row?.textContent ?? '';
    });
    expect(rowText).toMatch(/Sent|已发送/);
    expect(rowText).not.toMatch(/Draft|草稿/);
    await ff.screenshot(popup, 'popup-after-send');
  });
});
