import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { NoticePage } from './pages/notice';
import { ReportPage } from './pages/report';
import { setLookupOptions, setUpOptions, WORK } from './pages/setup';
import { PIRATE_HOST, startPirateSite } from './pirate-site';

const messages = (lang: string) =>
  JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'public/_locales', lang === 'en' ? 'en' : 'zh_CN', 'messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;

/** The recorded (raw) value of one detail of the last event of a kind: localised text shows, the raw value stays in the title. */
async function recorded(page: Page, kind: string, key: string): Promise<string | null> {
  const v = page
    .locator(`[data-testid="timeline-event"][data-kind="${kind}"] [data-key="${key}"] .detail-value`)
    .last();
  return (await v.getAttribute('title')) ?? (await v.textContent());
}

/**
 * The record a rights holder can trust (issue 13), with the backend down so recipients are typed
 * by hand: the channel confirmed at "Mark as sent" is the one recorded, other recipients stay
 * available after one is sent, and a CDN's reply naming the host leads to a notice to that host.
 */
describe.each([['en'], ['zh-CN']])('a record that can be trusted (%s)', (lang) => {
  let s: ExtensionSession;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  let report: Page;
  let source: Page;
  let cdnNoticeId = '';
  const t = messages(lang);
  beforeAll(async () => {
    site = await startPirateSite();
    s = await launchExtension({ lang, hostRules: `MAP ${PIRATE_HOST} 127.0.0.1` });
    await setUpOptions(s, { backendUrl: 'http://127.0.0.1:9' });
    // A backend-only set-up whose backend is down (Automatic would look the host up in the browser).
    await setLookupOptions(s, { mode: 'backend' });
    ({ report, source } = await rightClickReport(s, site.url()));
  });
  afterAll(async () => {
    await s?.close();
    await site?.close();
  });

  it('says the backend is down and how to start it, then records "web form" after a PDF preview', async () => {
    const r = new ReportPage(report);
    const outcome = report.getByTestId('lookup-outcome');
    await expect.poll(() => outcome.getAttribute('data-verdict')).toBe('backend_down');
    expect(await outcome.locator('p').innerText()).toContain('npm start');
    expect(await outcome.innerText()).not.toMatch(/Failed to fetch/);
    await s.screenshot(report, 'record-backend-down');

    await r.addManualRecipient({
      name: 'Edge CDN',
      role: 'cdn',
      email: 'abuse@edge-cdn.example',
      formUrl: site.url('/abuse-form'),
      country: 'US',
    });
    await r.pickWork(WORK.title);
    await r.confirmStatements();
    await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('true');
    await expect.poll(() => report.getByTestId('recipient-why').first().textContent()).toBe(t.why_cdn!.message);

    // Preview as PDF, then open the web form and paste: the history must say "web form".
    await report.getByTestId('send-pdf').click();
    const formTab = s.context.waitForEvent('page');
    await report.getByTestId('send-form').click();
    await (await formTab).close();
    await report.getByTestId('mark-sent').click();
    // Nothing is preselected from the last button pressed.
    expect(await report.locator('input[name="channel"]:checked').count()).toBe(0);
    await report.locator('input[name="channel"][value="form"]').check();
    await s.screenshot(report, 'record-confirm-channel');
    await report.getByTestId('confirm-sent').click();
    await expect.poll(() => report.getByTestId('sent-at').textContent()).toContain(t.channel_form!.message);
    cdnNoticeId = new URL(report.url()).searchParams.get('draft') ?? '';

    const page = await s.context.newPage();
    await page.goto(s.url(`notice.html?id=${encodeURIComponent(cdnNoticeId)}`));
    await expect.poll(() => recorded(page, 'sent', 'channel')).toBe('form');
    await page.close();
  });

  it('keeps the other recipients tickable after one is sent', async () => {
    const r = new ReportPage(report);
    const first = r.recipients().first().locator('input[type="checkbox"]');
    expect(await first.isChecked()).toBe(true);
    expect(await first.isDisabled()).toBe(true);
    await r.addManualRecipient({ name: 'Origin Hosting', role: 'host', email: 'abuse@origin.example', country: 'US' });
    const second = r.recipients().nth(1).locator('input[type="checkbox"]');
    await expect.poll(() => second.isChecked()).toBe(true);
    expect(await second.isDisabled()).toBe(false);
    await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('true');
    await r.markSent('copy');
    await expect.poll(() => report.getByTestId('sent-record').count()).toBe(1);
    await expect.poll(() => report.locator('[role="tab"]').count()).toBe(2);
    await s.screenshot(report, 'record-two-recipients');
    await report.close();
    await source.close();
  });

  it('offers "Notify the disclosed host" after a CDN reply that names it, citing the CDN notice', async () => {
    const page = await s.context.newPage();
    await page.goto(s.url(`notice.html?id=${encodeURIComponent(cdnNoticeId)}`));
    const n = new NoticePage(page);
    await expect.poll(() => n.status()).toBe('sent');
    const form = page.getByTestId('reply-form');
    await form.locator('[name="replyKind"]').selectOption('acknowledged');
    await form.locator('[name="disclosedHost"]').fill('Hetzner Online GmbH');
    await form.locator('[name="disclosedEmail"]').fill('abuse@hetzner.example');
    await form.getByTestId('record-reply').click();
    await expect.poll(() => page.getByTestId('disclosed-host').textContent()).toContain('Hetzner Online GmbH');
    await s.screenshot(page, 'record-disclosed-host');
    await page.getByTestId('notify-disclosed').click();
    await page.waitForURL(/report\.html\?.*draft=/);
    const r = new ReportPage(page);
    await expect
      .poll(() => page.locator('[role="tab"][aria-selected="true"]').textContent())
      .toContain('Hetzner Online GmbH');
    await expect.poll(() => page.getByTestId('preview').textContent()).toContain('Edge CDN');
    expect(
      await r.recipients().filter({ hasText: 'Hetzner Online GmbH' }).locator('input[type="checkbox"]').isChecked(),
    ).toBe(true);
    await page.close();
  });
});
