import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureZone } from '../helpers/loopback-fixture-zone';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';
import { launchExtension, type ExtensionSession } from './fixtures';
import { BulkPage } from './pages/bulk';
import { OptionsPage } from './pages/options';
import { setLookupOptions } from './pages/setup';

/** Five hosts on three fixture providers: SWITCH (RIPE), Microsoft Azure (ARIN) and ANTEL (LACNIC). */
const HOSTS = ['ripe-host.to', 'ripe-mirror.to', 'azure-host.to', 'azure-mirror.to', 'lacnic-host.to'];
const zone = fixtureZone({ 'ripe-mirror.to': { A: ['130.59.31.99'] }, 'azure-mirror.to': { A: ['13.64.151.170'] } });
const URLS = Array.from({ length: 50 }, (_, i) => `https://${HOSTS[i % HOSTS.length]}/starsea/ep${i}.mp4`);

describe('bulk report against a real backend on loopback', () => {
  let s: ExtensionSession;
  let stack: LoopbackStack;
  let server: ServerType;
  let port = 0;
  const startBackend = async () => {
    const { app } = stack.app();
    server = await new Promise<ServerType>((resolve) => {
      const srv = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(srv));
    });
    port = (server.address() as AddressInfo).port;
  };
  const stopBackend = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    });
  beforeAll(async () => {
    stack = await startLoopbackStack({ zone, timeoutMs: 5000 });
    await startBackend();
    s = await launchExtension();
    const options = await s.context.newPage();
    await options.goto(s.url('options.html#backend'));
    await options.locator('[name="backendUrl"]').fill(`http://127.0.0.1:${port}`);
    await options.locator('form').getByRole('button', { name: /Save/ }).click();
    await options.goto(s.url('options.html#letterhead'));
    const o = new OptionsPage(options);
    await o.fillLetterhead({
      company: 'Moonlit Games Ltd.',
      address: '1 Harbour Road, Wan Chai, Hong Kong',
      email: 'legal@moonlit.example',
      phone: '+852 5555 0100',
      signatory: 'Mei Chen',
      signatoryTitle: 'Head of Legal',
    });
    await o.save();
    await options.goto(s.url('options.html#works'));
    await options.getByRole('button', { name: /Add a work/ }).click();
    await options.locator('[name="title"]').fill('Starsea Legend');
    await options.locator('[name="owner"]').fill('Moonlit Games Ltd.');
    await options.locator('[name="registration"]').fill('2024SR0123456');
    await options.locator('[name="originalUrl"]').fill('https://starsea.example/');
    await options
      .getByTestId('work-form')
      .getByRole('button', { name: /Save work/ })
      .click();
    await options.getByTestId('works-list').getByText('Starsea Legend').waitFor();
    await options.close();
    // This spec stops the backend on purpose: keep Automatic from switching to the browser lookup.
    await setLookupOptions(s, { mode: 'backend' });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await new Promise((r) => server?.close(r));
    await stack?.close();
  });

  it('pastes 50 URLs on 3 providers, looks them up, shows 3 groups and sends each as a tracked notice', async () => {
    const page = await s.context.newPage();
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await page.goto(s.url('bulk.html'));
    const b = new BulkPage(page);
    const pasted = ['', ...URLS, URLS[0], 'javascript:alert(1)', 'http://192.168.0.10/x', ''].join('\n');
    await b.paste(pasted);
    await expect.poll(() => page.getByTestId('valid-count').getAttribute('data-count')).toBe('50');
    expect(
      await page.getByTestId('rejected-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason'))),
    ).toEqual(['duplicate', 'unsupported_scheme', 'private_target']);
    await s.screenshot(page, 'bulk-1-checked');

    const ipBefore = stack.rdap.count({ kind: 'ip' });
    await b.start();
    await expect.poll(() => b.progress().getAttribute('data-done'), { timeout: 30_000 }).toBe('50');
    expect(await b.progress().getAttribute('data-failed')).toBe('0');
    expect(page.url()).toMatch(/bulk\.html\?batch=bulk%3A/);
    // Five hosts on three networks: at most one RDAP IP answer per network (plus ARIN's redirect of the RIPE block).
    expect(stack.rdap.count({ kind: 'ip' }) - ipBefore).toBeLessThanOrEqual(4);
    await expect.poll(() => b.groups().count()).toBe(3);
    const names = await b.groups().locator('.bulk-group__name').allTextContents();
    expect([...names].sort()).toEqual([
      'Administracion Nacional de Telecomunicaciones',
      'Microsoft Azure',
      'SWITCH-LAN',
    ]);
    await s.screenshot(page, 'bulk-2-groups');

    // Works and statements are shared by every group of the report.
    await b.pickWork('Starsea Legend');
    await b.confirmStatements();
    for (let i = 0; i < 3; i++) {
      await b.groups().nth(i).click();
      const name = names[i];
      await expect.poll(() => b.panel().getAttribute('data-recipient')).toBe(name);
      await expect.poll(() => page.getByTestId('checklist').getAttribute('data-sendable')).toBe('true');
      const expected = i === 2 ? 10 : 20;
      expect(await page.getByTestId('group-url').count()).toBe(expected);
      if (i === 0) {
        // Leave one URL out of the first notice.
        // The choice is stored first and the list redrawn from the store, so the box changes a moment later.
        await page.getByTestId('group-url').first().click();
        await expect.poll(() => page.getByTestId('group-url').first().isChecked()).toBe(false);
        await expect.poll(() => page.getByTestId('group-urls').locator('summary').textContent()).toMatch(/19 of 20/);
        await expect.poll(() => page.getByTestId('preview').textContent()).not.toContain(URLS[0]);
        await s.screenshot(page, 'bulk-3-group-review');
      }
      await b.markSent('copy');
      await expect.poll(() => page.getByTestId('sent-record').count()).toBe(1);
      await expect.poll(() => b.groups().nth(i).getAttribute('data-state')).toBe('sent');
    }
    await s.screenshot(page, 'bulk-4-sent');

    const popup = await s.context.newPage();
    await popup.goto(s.url('popup.html'));
    await expect.poll(() => popup.getByTestId('notice-row').count()).toBe(3);
    const rows = (await popup.getByTestId('notice-row').allTextContents()).join('\n');
    for (const n of names) expect(rows).toContain(n);
    await s.screenshot(popup, 'bulk-5-popup');

    // Every URL links to its notice; the excluded one to none.
    const links = await page.evaluate(async () => {
      const open = indexedDB.open('takedown');
      const db = await new Promise<IDBDatabase>((res) => (open.onsuccess = () => res(open.result)));
      const rows = await new Promise<{ url: string; noticeId: string }[]>((res) => {
        const req = db.transaction('urls').objectStore('urls').getAll();
        req.onsuccess = () => res(req.result);
      });
      db.close();
      return rows;
    });
    expect(links).toHaveLength(49);
    expect(new Set(links.map((l) => l.noticeId)).size).toBe(3);
    await popup.close();
    await page.close();
  }, 120_000);

  it('a stopped backend interrupts the lookup; after a restart, resume finishes it and failed hosts get a manual recipient', async () => {
    await stopBackend();
    const page = await s.context.newPage();
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await page.goto(s.url('bulk.html'));
    const b = new BulkPage(page);
    await b.paste(
      ['https://gone-1.to/a', 'https://gone-1.to/b', 'https://gone-2.to/c', 'https://ripe-host.to/late'].join('\n'),
    );
    await b.start();
    await expect.poll(() => b.progress().getAttribute('data-status')).toBe('interrupted');
    expect(await b.progress().getAttribute('data-done')).toBe('0');
    await expect.poll(() => page.getByTestId('error').count()).toBeGreaterThan(0);
    await s.screenshot(page, 'bulk-6-interrupted');

    // The tab is reloaded (as if closed and reopened) while the backend comes back.
    await startBackend();
    await page.reload();
    await expect.poll(() => b.progress().getAttribute('data-status')).toBe('interrupted');
    await page.getByTestId('bulk-resume').click();
    await expect.poll(() => b.progress().getAttribute('data-done'), { timeout: 30_000 }).toBe('4');
    await expect.poll(() => b.groups().count()).toBe(1);
    expect(
      await page.getByTestId('unresolved-host').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason'))),
    ).toEqual(['no_recipient', 'no_recipient']);
    await page.getByTestId('unresolved-host').first().locator('summary').click();
    const form = page.getByTestId('manual-recipient').first();
    await form.locator('[name="manual-name"]').fill('Gone Hosting');
    await form.locator('[name="manual-email"]').fill('abuse@gone.example');
    await form.getByRole('button').click();
    await expect.poll(() => b.groups().count()).toBe(2);
    expect(await page.getByTestId('unresolved-host').count()).toBe(1);
    await s.screenshot(page, 'bulk-7-resumed');
    await page.close();
  }, 120_000);
});
