import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from './backend';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { ReportPage } from './pages/report';
import { setUpOptions, WORK } from './pages/setup';
import { startPirateSite } from './pirate-site';

// A public-looking name: Chromium maps it to the loopback page server, while the backend resolves it
// through the loopback DNS fixture to a public RIPE address, so its SSRF guard stays on.
const HOST = 'ripe-host.to';

describe.each([['en'], ['zh-CN']])('report workflow against the backend (%s)', (lang) => {
  let s: ExtensionSession;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    site = await startPirateSite(HOST);
    backend = await startBackend();
    s = await launchExtension({ lang, hostRules: `MAP ${HOST} 127.0.0.1` });
    await setUpOptions(s, { backendUrl: backend.url });
  });
  afterAll(async () => {
    await s?.close();
    await site?.close();
    await backend?.close();
  });

  it('goes from a right-click to a sent notice listed in the popup', async () => {
    const { report, source } = await rightClickReport(s, site.url());
    const r = new ReportPage(report);

    await expect.poll(() => report.locator('img.evidence__shot').count()).toBe(1);
    await expect.poll(() => report.locator('[data-testid="lookup-progress"] [data-state="done"]').count()).toBe(4);
    const host = report.locator('[data-testid="recipient"][data-role="host"]').first();
    await expect.poll(() => host.textContent()).toMatch(/abuse@switch\.ch/);
    expect(backend.stack.rdap.count({ kind: 'ip' })).toBeGreaterThan(0);
    await s.screenshot(report, 'report-recipients');

    // The backend sends note codes; the page says them in its own language (issue 13).
    const details = host.getByTestId('recipient-details');
    await details.locator('summary').click();
    const networkNote = details.locator('[data-note="network"]').first();
    await expect
      .poll(() => networkNote.textContent())
      .toMatch(lang === 'en' ? /^Network .+ 130\.59\.\S+ \(RIPE\)\.$/ : /^网络 .+ 130\.59\.\S+（RIPE）。$/);
    await s.screenshot(report, 'report-recipient-details');
    await details.locator('summary').click();

    await host.locator('input[type="checkbox"]').check();
    await r.pickWork(WORK.title);
    await r.confirmStatements();
    await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('true');
    await expect.poll(() => report.getByTestId('preview').textContent()).toMatch(/130\.59\.31\.80/);
    await s.screenshot(report, 'report-draft');

    await r.markSent('copy');
    await expect.poll(() => report.getByTestId('sent-record').textContent()).toMatch(/[0-9a-f]{64}/);
    await s.screenshot(report, 'report-sent-backend');

    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(s.url('popup.html'));
    // The sent notice itself, not any row for the host (a draft row would match the host too).
    const row = popup.locator('[data-testid="notice-row"][data-status="sent"]').filter({ hasText: HOST });
    await expect.poll(() => row.count()).toBe(1);
    await s.screenshot(popup, 'popup-after-send');
    await popup.close();
    await report.close();
    await source.close();
  });
});
