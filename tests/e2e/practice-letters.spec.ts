import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { NoticePage } from './pages/notice';
import { OptionsPage } from './pages/options';
import { ReportPage } from './pages/report';
import { PIRATE_HOST, startPirateSite } from './pirate-site';

/**
 * Issue 12, letters a practice needs next: a DMCA notice meets a counter-notice; the notice page
 * offers the notice of action filed, whose checklist blocks until the court, case number,
 * complaint and statements are given; sending it freezes the letter and keeps the material down.
 */
describe('counter-notice answer (en)', () => {
  let s: ExtensionSession;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  let sentId = '';

  beforeAll(async () => {
    site = await startPirateSite();
    s = await launchExtension({ lang: 'en', hostRules: `MAP ${PIRATE_HOST} 127.0.0.1` });
    const options = await s.context.newPage();
    await options.goto(s.url('options.html#backend'));
    await options.locator('[name="backendUrl"]').fill('http://127.0.0.1:9');
    await options.locator('form').getByRole('button', { name: /Save/ }).click();
    await options.goto(s.url('options.html#letterhead'));
    await new OptionsPage(options).fillLetterhead({
      company: 'Moonlit Games Ltd.',
      address: '1 Harbour Road, Wan Chai, Hong Kong',
      email: 'legal@moonlit.example',
      phone: '+852 5555 0100',
      signatory: 'Mei Chen',
      signatoryTitle: 'Head of Legal',
    });
    await new OptionsPage(options).save();
    await options.goto(s.url('options.html#works'));
    await options.getByRole('button', { name: /Add a work/ }).click();
    await options.locator('[name="title"]').fill('Starsea Legend');
    await options.locator('[name="owner"]').fill('Moonlit Games Ltd.');
    await options
      .getByTestId('work-form')
      .getByRole('button', { name: /Save work/ })
      .click();
    await options.getByTestId('works-list').getByText('Starsea Legend').waitFor();
    await options.close();
  });
  afterAll(async () => {
    await s?.close();
    await site?.close();
  });

  const watch = (p: Page) => (p.on('pageerror', (e) => console.log('PAGEERROR', p.url(), e.message)), p);

  it('sends a DMCA notice to a US host', async () => {
    const { report, source } = await rightClickReport(s, site.url());
    const r = new ReportPage(report);
    await r.addManualRecipient({
      name: 'Example Hosting Ltd',
      email: 'dmca@hosting.example',
      country: 'US',
      role: 'host',
    });
    await r.pickWork('Starsea Legend');
    await r.confirmStatements();
    await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('true');
    await r.markSent('copy');
    await expect.poll(() => report.getByTestId('sent-record').count()).toBe(1);
    sentId = new URL(report.url()).searchParams.get('draft') ?? '';
    await report.close();
    await source.close();
  });

  it('answers the counter-notice with a notice of action filed, blocked until complete', async () => {
    const page = watch(await s.context.newPage());
    await page.goto(s.url(`notice.html?id=${encodeURIComponent(sentId)}`));
    const n = new NoticePage(page);
    await expect.poll(() => n.status()).toBe('sent');
    expect(await page.getByTestId('offer-us_action_filed').count()).toBe(0);
    await n.recordReply({ kind: 'counter_noticed', text: 'Counter-notification from John Roe.' });
    await expect.poll(() => n.status()).toBe('counter_noticed');

    await page.getByTestId('offer-us_action_filed').click();
    const letter = page.getByTestId('letter');
    await expect.poll(() => letter.getAttribute('data-status')).toBe('draft');
    expect(await page.getByTestId('offer-us_action_filed').count()).toBe(0);
    const checklist = letter.getByTestId('letter-checklist');
    await expect.poll(() => checklist.getAttribute('data-sendable')).toBe('false');
    expect(await checklist.locator('[data-element="case_number"]').getAttribute('data-status')).toBe('missing');
    expect(await letter.getByTestId('letter-mark-sent').isDisabled()).toBe(true);
    // Pre-filled from the notice: the agent's address and the original notice's reference.
    expect(await letter.locator('[data-field="recipientEmail"]').inputValue()).toBe('dmca@hosting.example');
    await expect.poll(() => letter.getByTestId('letter-preview').textContent()).toContain(`our reference ${sentId}`);

    await letter.locator('[data-field="subscriber"]').fill('John Roe');
    await letter
      .locator('[data-field="court"]')
      .fill('United States District Court for the Central District of California');
    await letter.locator('[data-field="caseNumber"]').fill('2:26-cv-01234');
    await letter.locator('[data-field="filedOn"]').fill('2026-01-05');
    await letter.locator('[data-field="complaintCopy"]').fill('complaint-2-26-cv-01234.pdf');
    await letter.locator('[data-field="confirmRestrain"]').check();
    await letter.locator('[data-field="confirmAccuracy"]').check();
    await letter.getByTestId('letter-save').click();
    await expect.poll(() => checklist.getAttribute('data-sendable')).toBe('true');
    await expect.poll(() => letter.getByTestId('letter-preview').textContent()).toContain('Case number: 2:26-cv-01234');
    await s.screenshot(page, 'letter-action-filed');

    await letter.getByTestId('letter-channel').selectOption('copy');
    await letter.getByTestId('letter-mark-sent').click();
    await expect.poll(() => letter.getAttribute('data-status')).toBe('sent');
    expect(await letter.getByTestId('letter-sent-text').textContent()).toContain('/s/ Mei Chen');
    // § 512(g)(2)(C): the agent has been told of the suit, so the notice records it and the material stays down.
    await expect.poll(() => n.status()).toBe('removed');
    await expect.poll(() => page.locator('[data-testid="timeline-event"][data-kind="suit_filed"]').count()).toBe(1);
    await letter.getByTestId('letter-verify').click();
    await expect.poll(() => letter.getByTestId('history-verdict').getAttribute('data-ok')).toBe('true');
    await page.close();
  });
});
