import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { ReportPage } from './pages/report';
import { setLookupOptions, setUpOptions, WORK } from './pages/setup';
import { PIRATE_HOST, startPirateSite } from './pirate-site';

/** The report workflow when the backend is down: capture, manual recipient, checklist, send, popup. */
describe.each([['en'], ['zh-CN']])('report workflow without a backend (%s)', (lang) => {
  let s: ExtensionSession;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  beforeAll(async () => {
    site = await startPirateSite();
    s = await launchExtension({ lang, hostRules: `MAP ${PIRATE_HOST} 127.0.0.1` });
    // Nothing listens on port 9: the backend is down.
    await setUpOptions(s, { backendUrl: 'http://127.0.0.1:9', letterhead: false, work: false });
    // A backend-only set-up whose backend is down (Automatic would look the host up in the browser).
    await setLookupOptions(s, { mode: 'backend' });
  });
  afterAll(async () => {
    await s?.close();
    await site?.close();
  });

  const openReport = () => rightClickReport(s, site.url());

  it('blocks sending while the letterhead is missing, naming the missing fields', async () => {
    const { report, source } = await openReport();
    const r = new ReportPage(report);
    await expect.poll(() => report.getByTestId('evidence-hash').count()).toBeGreaterThanOrEqual(3);
    const outcome = report.getByTestId('lookup-outcome');
    await expect.poll(() => outcome.getAttribute('data-verdict')).toBe('backend_down');
    // What happened and what to do next; never a raw "(Failed to fetch)" in what the user reads.
    expect(await outcome.locator('p').innerText()).toMatch(/npm start/);
    expect(await outcome.innerText()).not.toMatch(/Failed to fetch/);
    expect(await report.locator('[data-testid="lookup-progress"] [data-state="done"]').count()).toBe(0);
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
    await setUpOptions(s);

    const { report, source } = await openReport();
    const r = new ReportPage(report);
    await expect.poll(() => report.locator('img.evidence__shot').count()).toBe(1);
    await expect.poll(() => report.getByTestId('lookup-outcome').textContent()).toMatch(/npm start/);
    await s.screenshot(report, 'report-backend-down');
    await r.addManualRecipient({ name: 'Example Hosting Ltd', email: 'abuse@hosting.example', country: 'US' });
    await r.pickWork(WORK.title);
    await r.confirmStatements();
    await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('true');
    await expect.poll(() => report.getByTestId('preview').textContent()).toMatch(/\/s\/ Mei Chen/);
    await s.screenshot(report, 'report-ready');
    await r.markSent('copy');
    await expect.poll(() => report.getByTestId('sent-record').count()).toBe(1);
    await s.screenshot(report, 'report-sent');

    const popup = await s.context.newPage();
    await popup.goto(s.url('popup.html'));
    // The sent notice itself, not whichever row comes first (a draft row would match the host too).
    const sent = popup.locator('[data-testid="notice-row"][data-status="sent"]');
    await expect.poll(() => sent.count()).toBe(1);
    expect(await sent.textContent()).toMatch(new RegExp(PIRATE_HOST));
    expect(await sent.textContent()).toMatch(/Example Hosting Ltd/);
    await s.screenshot(popup, 'popup-with-notice');
    await popup.close();
    await report.close();
    await source.close();
  });
});
