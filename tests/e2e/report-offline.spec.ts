import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeTabOf, clickContextMenu, launchExtension, type ExtensionSession } from './fixtures';
import { OptionsPage } from './pages/options';
import { ReportPage } from './pages/report';
import { PIRATE_HOST, startPirateSite } from './pirate-site';

/** The report workflow when the backend is down: capture, manual recipient, checklist, send, popup. */
describe.each([['en'], ['zh-CN']])('report workflow without a backend (%s)', (lang) => {
  let s: ExtensionSession;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  beforeAll(async () => {
    site = await startPirateSite();
    s = await launchExtension({ lang, hostRules: `MAP ${PIRATE_HOST} 127.0.0.1` });
    const options = await s.context.newPage();
    await options.goto(s.url('options.html#backend'));
    await options.locator('[name="backendUrl"]').fill('http://127.0.0.1:9');
    await options.locator('form').getByRole('button', { name: /Save|保存/ }).click();
    await options.close();
  });
  afterAll(async () => {
    await s?.close();
    await site?.close();
  });

  const openReport = async () => {
    const page = await s.context.newPage();
    await page.goto(site.url());
    await page.bringToFront();
    const tab = await activeTabOf(s.worker, site.url());
    const opened = s.context.waitForEvent('page');
    await clickContextMenu(s.worker, { menuItemId: 'report-page', pageUrl: site.url(), editable: false }, tab);
    const report = await opened;
    report.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await report.waitForLoadState();
    return { report, source: page };
  };

  it('blocks sending while the letterhead is missing, naming the missing fields', async () => {
    const { report, source } = await openReport();
    const r = new ReportPage(report);
    await expect.poll(() => report.getByTestId('evidence-hash').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => report.getByTestId('error').getAttribute('data-kind')).toBe('unavailable');
    await r.addManualRecipient({ name: 'Example Hosting Ltd', email: 'abuse@hosting.example', country: 'US' });
    await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('false');
    const missing = await r.missingElements().allTextContents();
    expect(missing.join('\n')).toMatch(/512\(c\)\(3\)\(A\)\(i\)/);
    expect(await report.getByTestId('mark-sent').isDisabled()).toBe(true);
    await s.screenshot(report, 'report-unsendable');
    await report.close();
    await source.close();
  });

  it('captures evidence, takes a recipient by hand, drafts, sends and lists the notice', async () => {
    const options = await s.context.newPage();
    await options.goto(s.url('options.html#letterhead'));
    const o = new OptionsPage(options);
    await o.fillLetterhead({ company: 'Moonlit Games Ltd.', address: '1 Harbour Road, Wan Chai, Hong Kong', email: 'legal@moonlit.example', phone: '+852 5555 0100', signatory: 'Mei Chen', signatoryTitle: 'Head of Legal' });
    await o.save();
    await options.goto(s.url('options.html#works'));
    await options.getByRole('button', { name: /Add a work|添加作品/ }).click();
    await options.locator('[name="title"]').fill('星海传说 Starsea Legend');
    await options.locator('[name="owner"]').fill('Moonlit Games Ltd.');
    await options.locator('[name="registration"]').fill('2024SR0123456');
    await options.locator('[name="originalUrl"]').fill('https://starsea.example/');
    await options.getByTestId('work-form').getByRole('button', { name: /Save work|保存作品/ }).click();
    await expect.poll(() => options.getByTestId('works-list').textContent()).toMatch(/Starsea/);
    await options.close();

    const { report, source } = await openReport();
    const r = new ReportPage(report);
    await expect.poll(() => report.locator('img.evidence__shot').count()).toBe(1);
    await expect.poll(() => report.getByTestId('error').textContent()).toMatch(/npm start/);
    await s.screenshot(report, 'report-backend-down');
    await r.addManualRecipient({ name: 'Example Hosting Ltd', email: 'abuse@hosting.example', country: 'US' });
    await r.pickWork('星海传说 Starsea Legend');
    await r.confirmStatements();
    await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('true');
    await expect.poll(() => report.getByTestId('preview').textContent()).toMatch(/\/s\/ Mei Chen/);
    await s.screenshot(report, 'report-ready');
    await r.markSent('copy');
    await expect.poll(() => report.getByTestId('sent-record').count()).toBe(1);
    await s.screenshot(report, 'report-sent');

    const popup = await s.context.newPage();
    await popup.goto(s.url('popup.html'));
    await expect.poll(() => popup.getByTestId('notice-row').first().textContent()).toMatch(new RegExp(PIRATE_HOST));
    expect(await popup.getByTestId('notice-row').first().textContent()).toMatch(/Example Hosting Ltd/);
    await s.screenshot(popup, 'popup-with-notice');
    await popup.close();
    await report.close();
    await source.close();
  });
});
