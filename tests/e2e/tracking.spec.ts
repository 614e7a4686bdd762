import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { NoticePage } from './pages/notice';
import { OptionsPage } from './pages/options';
import { ReportPage } from './pages/report';
import { setLookupOptions } from './pages/setup';
import { PIRATE_HOST, startPirateSite } from './pirate-site';

/**
 * Tracking with the backend down: send by hand, record a rejection, escalate, see the popup
 * and the statistics, export, clear, import, and find every notice and its verified log again.
 *
 * One notice's life is one test: each step needs the state the step before it made (a sent notice to reply to, a
 * rejection to escalate, both notices to export), so the steps are functions that hand their results on explicitly,
 * and a failing step stops the scenario there instead of leaving later tests to fail on state that was never made.
 */
describe.each([['en'], ['zh-CN']])('tracking, escalation and data transfer (%s)', (lang) => {
  let s: ExtensionSession;
  let site: Awaited<ReturnType<typeof startPirateSite>>;

  beforeAll(async () => {
    site = await startPirateSite();
    s = await launchExtension({ lang, hostRules: `MAP ${PIRATE_HOST} 127.0.0.1` });
    const options = await s.context.newPage();
    await options.goto(s.url('options.html#backend'));
    await options.locator('[name="backendUrl"]').fill('http://127.0.0.1:9');
    await options
      .locator('form')
      .getByRole('button', { name: /Save|保存/ })
      .click();
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
    await options.getByRole('button', { name: /Add a work|添加作品/ }).click();
    await options.locator('[name="title"]').fill('Starsea Legend');
    await options.locator('[name="owner"]').fill('Moonlit Games Ltd.');
    await options
      .getByTestId('work-form')
      .getByRole('button', { name: /Save work|保存作品/ })
      .click();
    await options.getByTestId('works-list').getByText('Starsea Legend').waitFor();
    await options.close();
    // The backend is down on purpose: keep Automatic from switching to the browser lookup.
    await setLookupOptions(s, { mode: 'backend' });
  });
  afterAll(async () => {
    await s?.close();
    await site?.close();
  });

  const watch = (p: Page) => (p.on('pageerror', (e) => console.log('PAGEERROR', p.url(), e.message)), p);

  /** Sends a notice by hand to the host, keeping the upstream as a candidate; returns the sent notice's id. */
  async function sendByHand(): Promise<string> {
    const { report, source } = await rightClickReport(s, site.url());
    const r = new ReportPage(report);
    await r.addManualRecipient({
      name: 'Example Hosting Ltd',
      email: 'abuse@hosting.example',
      country: 'US',
      role: 'host',
    });
    // The form resets once the first recipient is stored: add the second only then, or the two race.
    await expect.poll(() => r.recipients().count()).toBe(1);
    await r.addManualRecipient({
      name: 'Upstream Transit Inc',
      email: 'abuse@transit.example',
      country: 'US',
      role: 'upstream',
    });
    await expect.poll(() => r.recipients().count()).toBe(2);
    // Both drafts exist (one tab each) before one is unpicked; otherwise the unpick races the draft's creation.
    await expect.poll(() => report.locator('nav.tabs [role="tab"]').count()).toBe(2);
    // Unpicking the upstream drops its draft but keeps it on the escalation ladder.
    await r.recipients().nth(1).locator('input[type="checkbox"]').uncheck();
    await expect.poll(() => report.locator('nav.tabs [role="tab"]').count()).toBe(0);
    await r.pickWork('Starsea Legend');
    await r.confirmStatements();
    await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('true');
    await r.markSent('copy');
    await expect.poll(() => report.getByTestId('sent-record').count()).toBe(1);
    const sentId = new URL(report.url()).searchParams.get('draft') ?? '';
    expect(sentId).not.toBe('');
    await report.close();
    await source.close();
    return sentId;
  }

  /**
   * Opens the notice from the popup, records a rejection with the reply attached, verifies the log and escalates;
   * returns the id of the escalation's draft.
   */
  async function rejectAndEscalate(sentId: string): Promise<string> {
    const popup = watch(await s.context.newPage());
    await popup.goto(s.url('popup.html'));
    await expect.poll(() => popup.getByTestId('notice-row').count()).toBe(1);
    const opened = s.context.waitForEvent('page');
    await popup.getByTestId('notice-row').first().click();
    const page = watch(await opened);
    expect(page.url()).toContain(`notice.html?id=${sentId}`);
    await popup.close();
    const n = new NoticePage(page);
    await expect.poll(() => n.status()).toBe('sent');
    expect(await page.getByTestId('sent-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('follow-up').textContent()).toMatch(/512\(c\)\(1\)\(C\)|business days/);

    // The backend is down: the re-check says how to start it.
    await page.getByTestId('recheck').click();
    await expect.poll(() => page.getByTestId('error').textContent()).toMatch(/npm start/);

    const options = await page
      .locator('[name="replyKind"] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual([
      'acknowledged',
      'removed',
      'partially_removed',
      'rejected',
      'counter_noticed',
      'no_response',
      'withdrawn',
    ]);
    await n.recordReply({
      kind: 'rejected',
      reason: 'Not our customer',
      text: 'We do not host this site.',
      file: {
        name: 'reply.eml',
        mimeType: 'message/rfc822',
        buffer: Buffer.from('Subject: Re: notice\r\n\r\nWe do not host this site.\r\n'),
      },
    });
    await expect.poll(() => n.status()).toBe('rejected');
    const rejected = page.locator('[data-testid="timeline-event"][data-kind="rejected"]');
    await expect.poll(() => rejected.textContent()).toMatch(/Not our customer/);
    // The label is localised; the recorded key stays on the row (data-key, title) as evidence.
    expect(await rejected.locator('[data-key="attachment.sha256"] .detail-value').textContent()).toMatch(
      /^[0-9a-f]{64}$/,
    );
    expect(await rejected.locator('[data-key="attachment.sha256"] [title="attachment.sha256"]').count()).toBe(1);
    expect(
      await page
        .locator('[name="replyKind"] option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['withdrawn']);
    const verdict = await n.verify();
    await expect.poll(() => verdict.getAttribute('data-ok')).toBe('true');
    await s.screenshot(page, 'notice-detail');

    // Escalating opens the next rung's draft in the report page, citing the rejected notice.
    await page.getByTestId('escalate').click();
    await page.waitForURL(/report\.html\?.*draft=/);
    const draftId = new URL(page.url()).searchParams.get('draft') ?? '';
    expect(draftId).not.toBe('');
    expect(draftId).not.toBe(sentId);
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.textContent()).toMatch(/Upstream Transit Inc/);
    await expect.poll(() => preview.textContent()).toContain(`ref. ${sentId}`);
    await s.screenshot(page, 'report-escalation');
    await page.close();
    return draftId;
  }

  /** Lists overdue notices first in the popup, filters them, and shows the statistics. */
  async function popupAndStatistics(): Promise<void> {
    const popup = watch(await s.context.newPage());
    await popup.goto(s.url('popup.html'));
    // An old notice past its follow-up date, written straight into the database.
    await popup.evaluate(
      (notice) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('takedown');
          req.onsuccess = () => {
            const tx = req.result.transaction('notices', 'readwrite');
            tx.objectStore('notices').put(notice);
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
          };
          req.onerror = () => reject(req.error ?? new Error('request failed'));
        }),
      {
        id: 'seed-overdue',
        createdAt: '2024-01-02T00:00:00.000Z',
        updatedAt: '2024-01-02T00:00:00.000Z',
        status: 'sent',
        host: 'old-overdue.example',
        urls: ['https://old-overdue.example/x'],
        pageTitle: '',
        workIds: [],
        workTitles: [],
        recipient: null,
        recipientName: 'Slow Host',
        candidates: [],
        regime: 'generic',
        lang: 'en',
        explanation: '',
        measure: '',
        fairUseConsidered: false,
        fairUseNote: '',
        confirmations: { goodFaith: true, accuracy: true },
        regimeChosen: false,
        captureId: null,
        evidenceIds: [],
        sent: null,
        sentAt: '2024-01-02T00:00:00.000Z',
        followUpAt: '2024-01-10T00:00:00.000Z',
        supersedes: null,
        escalatedFrom: null,
        batchId: null,
      },
    );
    await popup.reload();
    const rows = popup.getByTestId('notice-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toMatch(/old-overdue\.example.*(Overdue since|起逾期)/);
    expect(await rows.nth(1).textContent()).toMatch(/Upstream Transit Inc.*(Draft|草稿)/);
    expect(await rows.nth(2).textContent()).toMatch(/Example Hosting Ltd.*(Escalated|已升级)/);
    await s.screenshot(popup, 'popup-tracking');

    await popup.locator('select[name="status"]').selectOption('escalated');
    await expect.poll(() => rows.count()).toBe(1);
    await popup.locator('select[name="status"]').selectOption('');
    await popup.locator('input[name="search"]').fill('transit');
    await expect.poll(() => rows.count()).toBe(1);
    await popup.locator('input[name="search"]').fill('nothing-like-this');
    await expect.poll(() => popup.getByTestId('no-match').count()).toBe(1);

    // The seeded notice has no log of its own, so it goes before the export.
    await popup.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('takedown');
          req.onsuccess = () => {
            const tx = req.result.transaction('notices', 'readwrite');
            tx.objectStore('notices').delete('seed-overdue');
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
          };
        }),
    );
    await popup.close();

    const stats = watch(await s.context.newPage());
    await stats.goto(s.url('stats.html'));
    const provider = stats.getByTestId('provider-row');
    await expect.poll(() => provider.count()).toBe(1);
    expect(await provider.first().locator('td').allTextContents()).toEqual([
      'Example Hosting Ltd',
      '1',
      '0',
      '0',
      '0%',
      '—',
      '0',
      '1',
    ]);
    expect(await stats.getByTestId('removal-chart').locator('g').count()).toBe(1);
    await s.screenshot(stats, 'stats');
    await stats.close();
  }

  /** Exports, clears, imports and finds both notices again with a verified log. */
  async function exportClearImport(sentId: string, draftId: string): Promise<void> {
    const options = watch(await s.context.newPage());
    await options.goto(s.url('options.html#data'));
    const download = options.waitForEvent('download');
    await options.getByTestId('export-json').click();
    const exportPath = (await (await download).path()) ?? '';
    const file = JSON.parse(readFileSync(exportPath, 'utf8')) as {
      notices: { id: string }[];
      evidence: { kind: string }[];
    };
    expect(file.notices.map((n) => n.id).sort()).toEqual([sentId, draftId].sort());
    expect(file.evidence.some((e) => e.kind === 'reply')).toBe(true);

    options.once('dialog', (d) => void d.accept());
    await options.getByTestId('clear-all').click();
    await expect.poll(() => options.getByTestId('cleared').count()).toBe(1);
    const popup = await s.context.newPage();
    await popup.goto(s.url('popup.html'));
    await expect.poll(() => popup.getByTestId('empty-state').textContent()).toMatch(/No notices yet|还没有通知/);

    await options.locator('#import-file').setInputFiles(exportPath);
    const added = options.getByTestId('import-importAdded');
    await expect.poll(() => added.locator('[data-col="notices"]').textContent()).toBe('2');
    expect(Number(await added.locator('[data-col="events"]').textContent())).toBeGreaterThanOrEqual(5);
    await s.screenshot(options, 'data-imported');

    await popup.reload();
    await expect.poll(() => popup.getByTestId('notice-row').count()).toBe(2);
    await popup.close();

    const detail = watch(await s.context.newPage());
    await detail.goto(s.url(`notice.html?id=${sentId}`));
    const n = new NoticePage(detail);
    await expect.poll(() => n.status()).toBe('escalated');
    const kinds = await n.events().evaluateAll((es) => es.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['created', 'sent', 'rejected', 'escalated']));
    const verdict = await n.verify();
    await expect.poll(() => verdict.getAttribute('data-ok')).toBe('true');
    expect(await detail.getByTestId('related').locator('li').getAttribute('data-relation')).toBe('escalatedTo');

    await detail.goto(s.url('notice.html?id=does-not-exist'));
    await expect.poll(() => detail.getByTestId('notice-gone').count()).toBe(1);
    await detail.close();
    await options.close();
  }

  it('one notice from sending by hand through a rejection, escalation, the popup and statistics, to export and re-import', async () => {
    const sentId = await sendByHand();
    const draftId = await rejectAndEscalate(sentId);
    await popupAndStatistics();
    await exportClearImport(sentId, draftId);
  }, 360_000);
});
