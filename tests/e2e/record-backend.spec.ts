import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from './backend';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { BulkPage } from './pages/bulk';
import { setUpOptions, WORK } from './pages/setup';
import { startPirateSite } from './pirate-site';

const GAME = {
  title: 'Moon Quest',
  owner: 'Moonlit Games Ltd.',
  registration: '2025SR0654321',
  originalUrl: 'https://moonquest.example/',
};
// Not in the loopback DNS zone: the backend finds no address for it.
const UNKNOWN = 'nowhere-host.to';

/** Works per URL in bulk (two works on two hosts) and a lookup that finds no one, against the real backend. */
describe.each([['en'], ['zh-CN']])('bulk works per URL and failed lookups (%s)', (lang) => {
  let s: ExtensionSession;
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  beforeAll(async () => {
    backend = await startBackend();
    site = await startPirateSite(UNKNOWN);
    s = await launchExtension({ lang, hostRules: `MAP ${UNKNOWN} 127.0.0.1` });
    await setUpOptions(s, { backendUrl: backend.url });
    const page = await s.context.newPage();
    await page.goto(s.url('options.html#works'));
    await page.getByRole('button', { name: /Add a work|添加作品/ }).click();
    for (const [name, value] of Object.entries(GAME)) await page.locator(`[name="${name}"]`).fill(value);
    await page
      .getByTestId('work-form')
      .getByRole('button', { name: /Save work|保存作品/ })
      .click();
    await page.getByTestId('works-list').getByText(GAME.title).first().waitFor();
    await page.close();
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await site?.close();
    await backend?.close();
  });

  it('sends two notices on two hosts, each naming only its own work', async () => {
    const page = await s.context.newPage();
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await page.goto(s.url('bulk.html'));
    const b = new BulkPage(page);
    await b.paste(
      [
        'url,work',
        `https://ripe-host.to/manga/ch1,${WORK.title}`,
        `https://azure-host.to/game/mq,${GAME.title}`,
        'https://azure-host.to/x,Sunken City',
      ].join('\n'),
    );
    await expect.poll(() => page.getByTestId('valid-count').getAttribute('data-count')).toBe('2');
    expect(await page.getByTestId('rejected-line').getAttribute('data-reason')).toBe('unknown_work');
    await b.start();
    await expect.poll(() => b.groups().count(), { timeout: 30_000 }).toBe(2);
    await b.confirmStatements();
    await s.screenshot(page, 'bulk-works');
    for (let i = 0; i < 2; i++) {
      await b.groups().nth(i).click();
      const name = await b.panel().getAttribute('data-recipient');
      const [own, other] = name === 'SWITCH-LAN' ? [WORK.title, GAME.title] : [GAME.title, WORK.title];
      await expect.poll(() => page.getByTestId('checklist').getAttribute('data-sendable')).toBe('true');
      await expect.poll(() => page.getByTestId('preview').textContent()).toContain(own);
      expect(await page.getByTestId('preview').textContent()).not.toContain(other);
      await b.markSent('copy');
      await expect.poll(() => page.getByTestId('sent-text').textContent()).toContain(own);
      expect(await page.getByTestId('sent-text').textContent()).not.toContain(other);
    }
    await page.close();
  }, 90_000);

  it('says a domain that does not resolve cannot be looked up, with no ✓ over the failure and a way forward', async () => {
    const { report, source } = await rightClickReport(s, site.url());
    const outcome = report.getByTestId('lookup-outcome');
    await expect.poll(() => outcome.getAttribute('data-verdict'), { timeout: 40_000 }).toBe('no_dns');
    expect(await outcome.textContent()).toContain(UNKNOWN);
    // No ✓ over what failed: DNS failed, and network and CDN could not be looked up without an address.
    const stage = (i: number) => report.locator('[data-testid="lookup-progress"] li').nth(i).getAttribute('data-state');
    expect([await stage(0), await stage(1), await stage(2)]).toEqual(['error', 'skipped', 'skipped']);
    expect(await report.getByTestId('lookup-errors').count()).toBe(0);
    expect(await report.getByTestId('manual-recipient').count()).toBe(1);
    await s.screenshot(report, 'report-lookup-failed');
    await report.close();
    await source.close();
  });
});
