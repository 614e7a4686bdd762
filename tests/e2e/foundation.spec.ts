import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickContextMenu, launchExtension, type ExtensionSession } from './fixtures';
import { OptionsPage } from './pages/options';

describe('extension foundation in Chromium', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the popup empty state before anything is reported', async () => {
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 420, height: 520 });
    await page.goto(s.url('popup.html'));
    await expect.poll(() => page.getByTestId('empty-state').textContent()).toMatch(/No notices yet/);
    await s.screenshot(page, 'popup-empty');
    await page.close();
  });

  it('opens the report page for the page URL and for a link URL from the context menu', async () => {
    const pageTab = { id: 4242, index: 0, windowId: 1, url: 'https://pirate-site.test/game/download' };
    const waitPage = s.context.waitForEvent('page');
    await clickContextMenu(
      s.worker,
      { menuItemId: 'report-page', pageUrl: 'https://pirate-site.test/game/download', editable: false },
      pageTab,
    );
    const report = await waitPage;
    await report.waitForLoadState();
    expect(report.url()).toContain('/report.html');
    await expect
      .poll(() => report.getByTestId('report-url').textContent())
      .toBe('https://pirate-site.test/game/download');
    await s.screenshot(report, 'report-page');
    await report.close();

    const waitLink = s.context.waitForEvent('page');
    await clickContextMenu(
      s.worker,
      {
        menuItemId: 'report-link',
        pageUrl: 'https://forum.test/t/1',
        linkUrl: 'https://files.pirate.test/x.torrent',
        editable: false,
      },
      pageTab,
    );
    const linkReport = await waitLink;
    await expect
      .poll(() => linkReport.getByTestId('report-url').textContent())
      .toBe('https://files.pirate.test/x.torrent');
    await linkReport.close();
  });

  it('refuses to report chrome://, javascript: and missing URLs, saying why', async () => {
    const page = await s.context.newPage();
    for (const [query, expected] of [
      ['?url=chrome%3A%2F%2Fsettings', /chrome:/],
      ['?url=javascript%3Aalert(1)', /javascript:/],
      ['', /No address/],
    ] as const) {
      await page.goto(s.url(`report.html${query}`));
      const box = page.getByTestId('unreportable');
      await expect.poll(() => box.textContent()).toMatch(expected);
    }
    await s.screenshot(page, 'report-unreportable');
    await page.close();
  });

  it('saves the letterhead, rejects bad fields beside them, and reloads it', async () => {
    const page = await s.context.newPage();
    await page.goto(s.url('options.html'));
    const options = new OptionsPage(page);
    await options.fillLetterhead({
      company: 'Moonlit Games Ltd.',
      address: '1 Harbour Road, Hong Kong',
      email: 'legal@moonlit.example',
      phone: '+852 5555 0100',
      signatory: 'Mei Chen',
      signatoryTitle: 'Head of Legal',
    });
    await options.save();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/saved/);

    await options.field('email').fill('not-an-email');
    await options.field('company').fill('');
    await options.save();
    await expect
      .poll(() => options.errors().allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/valid email/), expect.stringMatching(/required/)]));
    await page
      .locator('input[name="logo"]')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect
      .poll(() => options.errors().allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/image file/)]));
    await s.screenshot(page, 'options-errors');

    await page.reload();
    await expect.poll(() => options.field('company').inputValue()).toBe('Moonlit Games Ltd.');
    expect(await options.field('email').inputValue()).toBe('legal@moonlit.example');
    expect(await options.field('signatory').inputValue()).toBe('Mei Chen');
    await s.screenshot(page, 'options-letterhead');
    await page.close();
  });
});
