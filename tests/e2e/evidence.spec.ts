import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackTsa, type LoopbackTsa } from '../helpers/loopback-tsa';
import { startBackend } from './backend';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { ReportPage } from './pages/report';
import { setLookupOptions, setUpOptions, WORK } from './pages/setup';
import { PIRATE_HOST, startPirateSite } from './pirate-site';

const run = promisify(execFile);
const LICENCE = {
  title: 'Business licence copy',
  file: { name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% licence scan\n%%EOF\n') },
};

/**
 * Issue 15 end to end in Chromium: a right-click captures the page with its MHTML archive and the backend's
 * loopback TSA (openssl) timestamps the manifest; "Mark as sent" seals the notice; the notice page shows
 * "Timestamped by …", Verify says OK, and the downloaded package checks out with sha256sum and openssl alone.
 */
describe('evidence that stands up', () => {
  let s: ExtensionSession;
  let tsa: LoopbackTsa;
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  let dir: string;
  beforeAll(async () => {
    tsa = await startLoopbackTsa();
    backend = await startBackend({ TAKEDOWN_TSA_URL: tsa.url, TAKEDOWN_TSA_CA: tsa.files.root });
    site = await startPirateSite();
    dir = await mkdtemp(path.join(tmpdir(), 'takedown-evidence-e2e-'));
    s = await launchExtension({ hostRules: `MAP ${PIRATE_HOST} 127.0.0.1` });
    await setUpOptions(s, { backendUrl: backend.url });
    await setLookupOptions(s, { mode: 'backend' });
    // Options → Documents: the rights holder's business licence, stored once.
    const options = await s.context.newPage();
    await options.goto(s.url('options.html#documents'));
    await options.getByTestId('document-kind').selectOption('id_document');
    await options.getByTestId('document-title').fill(LICENCE.title);
    await options.getByTestId('document-file').setInputFiles(LICENCE.file);
    await options.getByTestId('document-add').click();
    await options.getByTestId('document').filter({ hasText: LICENCE.title }).waitFor();
    await options.close();
  }, 90_000);
  afterAll(async () => {
    await s?.close();
    await site?.close();
    await backend?.close();
    await tsa?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('right-click → MHTML capture → timestamped manifest → send → sealed, verified, packaged', async () => {
    const { report, source } = await rightClickReport(s, site.url());
    const r = new ReportPage(report);
    await r.addManualRecipient({ name: 'Edge CDN', role: 'cdn', email: 'abuse@edge-cdn.example', country: 'US' });
    await r.pickWork(WORK.title);
    await r.confirmStatements();
    // Chosen for this notice: listed in the letter's attachments and sent with it.
    // The box follows the stored draft, so it ticks once the choice is saved.
    const licence = report.getByTestId('documents-picker').getByLabel(LICENCE.title, { exact: false });
    await licence.click();
    await expect.poll(() => licence.isChecked()).toBe(true);
    await expect.poll(() => report.getByTestId('preview').textContent()).toContain(`${LICENCE.title} (licence.pdf`);
    await expect.poll(() => r.checklist().getAttribute('data-sendable'), { timeout: 20_000 }).toBe('true');
    await r.markSent('copy');
    await expect.poll(() => report.getByTestId('sent-record').count(), { timeout: 20_000 }).toBe(1);
    const noticeId = new URL(report.url()).searchParams.get('draft') ?? '';
    expect(noticeId).not.toBe('');

    const page = await s.context.newPage();
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await page.goto(s.url(`notice.html?id=${encodeURIComponent(noticeId)}`));
    const stamp = (covers: string) => page.locator(`[data-testid="timestamp"][data-covers="${covers}"]`);
    await expect.poll(() => stamp('manifest').getAttribute('data-status'), { timeout: 20_000 }).toBe('granted');
    await expect.poll(() => stamp('seal').getAttribute('data-status')).toBe('granted');
    expect(await stamp('seal').getByTestId('timestamp-by').textContent()).toMatch(
      /^Timestamped by .*Loopback TSA.* at /,
    );
    for (const covers of ['manifest', 'seal']) {
      await stamp(covers).getByTestId('timestamp-verify').click();
      await expect.poll(() => stamp(covers).getByTestId('timestamp-verdict').getAttribute('data-ok')).toBe('true');
    }
    await expect.poll(() => page.locator('[data-testid="timeline-event"][data-kind="timestamped"]').count()).toBe(1);
    await s.screenshot(page, 'evidence-timestamped');

    const download = page.waitForEvent('download');
    await page.getByTestId('package-download').click();
    const zipPath = path.join(dir, (await download).suggestedFilename());
    await (await download).saveAs(zipPath);
    const files = unzipSync(new Uint8Array(await readFile(zipPath)));
    const names = Object.keys(files);
    // The single-file archive made by pageCapture is in the package and listed in the capture manifest.
    const mhtml = names.find((n) => /^evidence\/mhtml-[0-9a-f]{12}\.mhtml$/.test(n));
    expect(mhtml).toBeDefined();
    expect(strFromU8(files[mhtml!]!.slice(0, 4000))).toMatch(/multipart\/related/i);
    const captureManifest = names.find((n) => n.startsWith('evidence/manifest-'))!;
    const listed = JSON.parse(strFromU8(files[captureManifest]!)) as { archive: string; artefacts: { kind: string }[] };
    expect(listed.archive).toBe('mhtml');
    expect(listed.artefacts.map((a) => a.kind)).toContain('mhtml');

    expect(files['documents/licence.pdf']).toEqual(new Uint8Array(LICENCE.file.buffer));
    expect(strFromU8(files['letter.txt']!)).toContain(`${LICENCE.title} (licence.pdf`);

    const out = path.join(dir, 'unzipped');
    for (const [name, bytes] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(out, name)), { recursive: true });
      await writeFile(path.join(out, name), bytes);
    }
    const sums = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out });
    expect(sums.stdout).not.toMatch(/FAILED/);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { timestamps: { path: string; data: string }[] };
    expect(manifest.timestamps.map((t) => t.path)).toEqual(['timestamps/manifest-1.tsr', 'timestamps/seal-1.tsr']);
    for (const t of manifest.timestamps) {
      const res = await run(
        'openssl',
        [
          'ts',
          '-verify',
          '-in',
          t.path,
          '-data',
          t.data,
          '-CAfile',
          'timestamps/tsa-root.pem',
          '-untrusted',
          'timestamps/tsa-chain.pem',
        ],
        { cwd: out },
      );
      expect(res.stdout, t.path).toContain('Verification: OK');
    }
    await page.close();
    await report.close();
    await source.close();
  }, 120_000);

  it('shows a failed timestamp with its reason, keeps the notice sent, and a retry seals it', async () => {
    tsa.setMode('503');
    try {
      const { report, source } = await rightClickReport(s, site.url('/game/starsea?again=1'));
      const r = new ReportPage(report);
      await r.addManualRecipient({ name: 'Origin Host', role: 'host', email: 'abuse@origin.example', country: 'US' });
      await r.pickWork(WORK.title);
      await r.confirmStatements();
      await expect.poll(() => r.checklist().getAttribute('data-sendable'), { timeout: 20_000 }).toBe('true');
      await r.markSent('copy');
      await expect.poll(() => report.getByTestId('sent-record').count(), { timeout: 20_000 }).toBe(1);
      const noticeId = new URL(report.url()).searchParams.get('draft') ?? '';
      const page = await s.context.newPage();
      await page.goto(s.url(`notice.html?id=${encodeURIComponent(noticeId)}`));
      const seal = page.locator('[data-testid="timestamp"][data-covers="seal"]');
      await expect.poll(() => seal.getAttribute('data-status'), { timeout: 20_000 }).toBe('failed');
      expect(await seal.getByTestId('timestamp-failed').textContent()).toMatch(
        /^Not timestamped \(.*HTTP 503.*\)\. Retry below/,
      );
      expect(await page.getByTestId('notice-status').getAttribute('data-status')).toBe('sent');
      await expect
        .poll(() => page.locator('[data-testid="timeline-event"][data-kind="timestamp_failed"]').count())
        .toBe(1);
      await s.screenshot(page, 'evidence-timestamp-failed');

      tsa.setMode('ok');
      await page.getByTestId('timestamp-retry-seal').click();
      const granted = page.locator('[data-testid="timestamp"][data-covers="seal"][data-status="granted"]');
      await expect.poll(() => granted.count(), { timeout: 20_000 }).toBe(1);
      await granted.getByTestId('timestamp-verify').click();
      await expect.poll(() => granted.getByTestId('timestamp-verdict').getAttribute('data-ok')).toBe('true');
      await page.close();
      await report.close();
      await source.close();
    } finally {
      tsa.setMode('ok');
    }
  }, 120_000);
});
