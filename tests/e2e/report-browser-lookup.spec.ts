import { serve, type ServerType } from '@hono/node-server';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLoopbackDoh, type LoopbackDoh } from '../helpers/loopback-doh';
import { fixtureZone } from '../helpers/loopback-fixture-zone';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { setLookupOptions, setUpOptions } from './pages/setup';
import { startPirateSite } from './pirate-site';

// Cloudflare-fronted, AWS (CloudFront, AS16509) and a small RIPE host; bt-host.to is the RIPE host whose
// registry is made to drop its CORS headers.
const HOSTS = {
  cloudflare: 'pirate-site.to',
  aws: 'aws-host.to',
  ripe: 'ripe-host.to',
  noCors: 'bt-host.to',
  later: 'azure-host.to',
};
const ZONE = fixtureZone({
  [HOSTS.aws]: { A: ['54.192.10.20'] },
  '*.192.54.origin.asn.cymru.com': { TXT: ['16509 | 54.192.0.0/16 | US | arin | 2015-09-02'] },
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function recipientsOf(report: Page) {
  const rows = report.getByTestId('recipient');
  const out: Array<{ role: string; text: string }> = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push({
      role: (await rows.nth(i).getAttribute('data-role')) ?? '',
      text: (await rows.nth(i).textContent()) ?? '',
    });
  return out;
}

describe('a fresh install with no backend running looks hosts up in the browser', () => {
  let stack: LoopbackStack;
  let doh: LoopbackDoh;
  let s: ExtensionSession;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  let backendPort = 0;
  let backend: ServerType | null = null;

  beforeAll(async () => {
    stack = await startLoopbackStack({ zone: ZONE });
    doh = await startLoopbackDoh({ upstream: stack.dns });
    site = await startPirateSite();
    backendPort = await freePort();
    s = await launchExtension({
      hostRules: Object.values(HOSTS)
        .map((h) => `MAP ${h} 127.0.0.1`)
        .join(', '),
    });
    // The backend address is set, but nothing listens there yet: Automatic must fall back to the browser.
    await setUpOptions(s, { backendUrl: `http://127.0.0.1:${backendPort}` });
    await setLookupOptions(s, { mode: 'auto', dohJsonUrl: doh.jsonUrl, rdapBootstrap: stack.rdap.bootstrapBase });
  });
  afterAll(async () => {
    await s?.close();
    if (backend) await new Promise<void>((r) => backend!.close(() => r()));
    await site?.close();
    await doh?.close();
    await stack?.close();
  });
  // A fault a test added is cleared even when that test fails, so it cannot leak into the next one.
  afterEach(() => stack?.rdap.clearFaults());

  const report = (host: string) => rightClickReport(s, `http://${host}:${site.port}/game/starsea`);

  it('options: the browser comes first, and the privacy note names who sees the host names', async () => {
    const page = await s.context.newPage();
    await page.goto(s.url('options.html#lookup'));
    const form = page.getByTestId('lookup-mode-form');
    expect(await form.textContent()).toMatch(/Nothing to install.*backend is the upgrade/s);
    expect(await page.getByTestId('doh-privacy').textContent()).toContain(new URL(doh.jsonUrl).host);
    await form.locator('[name="lookupResolver"]').selectOption('google-wire');
    expect(await page.getByTestId('doh-privacy').textContent()).toMatch(/Google Public DNS .* sees every host name/);
    await s.screenshot(page, 'options-lookup');
    await page.close();
  });

  for (const key of ['cloudflare', 'aws', 'ripe'] as const) {
    it(`${HOSTS[key]}: the same recipients as the backend, answered by the browser`, async () => {
      const { service } = stack.app();
      const want = (await service.lookup(`http://${HOSTS[key]}:${site.port}/game/starsea`)).recipients.filter(
        (r) => r.source !== 'whois',
      );
      expect(want.length).toBeGreaterThan(0);
      const { report: page, source } = await report(HOSTS[key]);
      await expect.poll(() => page.getByTestId('lookup-source').getAttribute('data-answered-by')).toBe('browser');
      // The recipients are stored with the session first, then listed.
      await expect.poll(() => page.getByTestId('recipient').count()).toBe(want.length);
      const got = await recipientsOf(page);
      expect(got.map((g) => g.role)).toEqual(want.map((w) => w.role));
      want.forEach((w, i) => {
        expect(got[i]!.text).toContain(w.name);
        for (const e of w.emails) expect(got[i]!.text).toContain(e);
      });
      // .to has no RDAP: its registrar is named as needing the backend instead of missing silently.
      expect(await page.getByTestId('needs-backend').textContent()).toMatch(/\.to/);
      await s.screenshot(page, `browser-lookup-${key}`);
      await page.close();
      await source.close();
    });
  }

  it('a registry without CORS is a named gap, with a way to allow that one origin', async () => {
    stack.rdap.addFault({ server: 'ripe', kind: 'ip', fault: 'no-cors' });
    const { report: page, source } = await report(HOSTS.noCors);
    await expect.poll(() => page.getByTestId('cors-gap').first().getAttribute('data-origin')).toBe(stack.rdap.origin);
    expect(await page.getByTestId('cors-gap').first().textContent()).toMatch(/no CORS header/);
    await s.screenshot(page, 'browser-lookup-cors-gap');
    // The user agrees: the origin is requested as an optional permission, remembered, and the lookup runs again.
    // (The test build already holds host access, so the browser grants it without a prompt.)
    await page.getByTestId('cors-gap').first().getByRole('button').click();
    await expect.poll(() => page.getByTestId('cors-gap').count()).toBe(0);
    await expect
      .poll(() =>
        page
          .getByTestId('recipient')
          .filter({ hasText: /@bt\.(net|com)/ })
          .count(),
      )
      .toBeGreaterThan(0);
    await page.close();
    await source.close();
  });

  it('bulk: the browser looks the URLs up with progress, one RDAP request per new network and domain', async () => {
    const page = await s.context.newPage();
    await page.goto(s.url('bulk.html'));
    const urls = ['ripe-host.to/a', 'ripe-host.to/b', 'www.themarquetry.com/x', 'www.norway.no/y', 'example.com/z']
      .map((u) => `https://${u}`)
      .join('\n');
    await page.locator('textarea[name="bulkUrls"]').fill(urls);
    await page.getByTestId('bulk-check').click();
    await expect.poll(() => page.getByTestId('valid-count').getAttribute('data-count')).toBe('5');
    stack.rdap.reset();
    await page.getByTestId('bulk-start').click();
    await expect
      .poll(() => page.getByTestId('lookup-progress').getAttribute('data-done'), { timeout: 30_000 })
      .toBe('5');
    expect(await page.getByTestId('lookup-progress').getAttribute('data-failed')).toBe('0');
    expect(await page.getByTestId('lookup-source').getAttribute('data-answered-by')).toBe('browser');
    // Two networks at most (SWITCH 130.59/16, Microsoft 13.64/11; SWITCH may be cached from an earlier report).
    // Domains: themarquetry.com, norway.no and example.com, once each at the registry (and registrar) asked.
    expect(stack.rdap.requests.filter((r) => r.kind === 'ip' && r.status === 200).length).toBeLessThanOrEqual(2);
    const domains = stack.rdap.requests
      .filter((r) => r.kind === 'domain')
      .map((r) => `${r.server}/${r.path.toLowerCase()}`);
    expect(new Set(domains).size).toBe(domains.length);
    await s.screenshot(page, 'browser-lookup-bulk');
    await page.close();
  });

  it('Automatic switches to the backend once it answers its health check', async () => {
    const { app } = stack.app();
    backend = await new Promise<ServerType>((resolve) => {
      const srv = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: backendPort }, () => resolve(srv));
    });
    const { report: page, source } = await report(HOSTS.later);
    await expect.poll(() => page.getByTestId('lookup-source').getAttribute('data-answered-by')).toBe('backend');
    await expect
      .poll(async () => (await recipientsOf(page)).map((r) => r.text).join('\n'))
      .toMatch(/abuse@microsoft\.com/);
    await page.close();
    await source.close();
  });
});
