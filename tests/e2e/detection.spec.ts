import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeTabOf, launchExtension, type ExtensionSession } from './fixtures';
import { setUpOptions } from './pages/setup';
import { PIRATE_HOST, startPirateSite } from './pirate-site';

describe('detection while browsing', () => {
  let s: ExtensionSession;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  beforeAll(async () => {
    site = await startPirateSite();
    s = await launchExtension({ hostRules: `MAP ${PIRATE_HOST} 127.0.0.1` });
    await setUpOptions(s, { letterhead: false });
  });
  afterAll(async () => {
    await s?.close();
    await site?.close();
  });

  const badgeFor = (url: string) =>
    s.worker.evaluate(async (prefix) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t: { url?: string }) => t.url?.startsWith(prefix));
      return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : null;
    }, url);

  it('is off by default, and flags a pirate page once turned on', async () => {
    const before = await s.context.newPage();
    await before.goto(site.url('/off'));
    await before.waitForTimeout(500);
    expect(await badgeFor(site.url('/off'))).toBe('');
    expect(await s.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(0);
    await before.close();

    const options = await s.context.newPage();
    await options.goto(s.url('options.html#detection'));
    await options.getByRole('switch').click();
    await expect.poll(() => options.getByRole('switch').isChecked()).toBe(true);
    await expect
      .poll(() =>
        s.worker.evaluate(async () =>
          (await chrome.scripting.getRegisteredContentScripts()).map((c: { id: string }) => c.id),
        ),
      )
      .toEqual(['detector']);
    await s.screenshot(options, 'options-detection');
    await options.close();

    const page = await s.context.newPage();
    await page.goto(site.url('/game/starsea'));
    await activeTabOf(s.worker, site.url('/game/starsea'));
    await expect.poll(() => badgeFor(site.url('/game/starsea')), { timeout: 10_000 }).toBe('!');

    // The toolbar popup, opened on that tab, names the work and offers to report it.
    const popupOpened = s.context.waitForEvent('page');
    await s.worker.evaluate(
      (url) => chrome.windows.create({ url, type: 'popup', width: 420, height: 600 }),
      s.url('popup.html'),
    );
    const popup = await popupOpened;
    const banner = popup.getByTestId('suspected-banner');
    await expect.poll(() => banner.textContent()).toMatch(/Starsea/);
    expect(await popup.getByTestId('suspected-reasons').locator('li').count()).toBeGreaterThan(1);
    await s.screenshot(popup, 'popup-suspected');
    const reportOpened = s.context.waitForEvent('page');
    await banner.getByRole('button').click();
    const report = await reportOpened;
    await expect.poll(() => report.getByTestId('report-url').textContent()).toBe(site.url('/game/starsea'));
    await expect.poll(() => report.locator('img.evidence__shot').count()).toBe(1);
    await report.close();
    await page.close();
  });
});
