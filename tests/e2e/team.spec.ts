/**
 * Issue 19 in the browser: two Chromium profiles, each with the built extension and a personal team token, work on
 * one case log through two team-server instances that share a private PostgreSQL and Redis (started here, on
 * loopback). Each sees the other's sent notice in the popup with the analyst's name; a notice sent while its
 * instance is down waits in the outbox and is pushed when the instance is back; a viewer's token cannot send.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamServer } from '../../lib/server/team/team-server';
import { PG_BIN } from '../helpers/postgres';
import { REDIS_BIN } from '../helpers/redis';
import { startTeamRig, type TeamRig } from '../helpers/team-stack';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { ReportPage } from './pages/report';
import { setUpOptions, WORK } from './pages/setup';
import { startPirateSite } from './pirate-site';

const HOST = 'ripe-host.to';
const ready = !!PG_BIN && !!REDIS_BIN;

/** A team instance on 127.0.0.1; `stop` and `start` take it off and back on the same port (the database stays). */
async function listen(instance: TeamServer, port = 0) {
  const server: ServerType = serve({ fetch: instance.app.fetch, hostname: '127.0.0.1', port });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return server;
}
async function stop(server: ServerType) {
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Options → Backend: the team server's URL and the analyst's token, saved, then "Join team". */
async function joinTeam(s: ExtensionSession, url: string, token: string, name: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(s.url('options.html#backend'));
  await page.locator('[name="backendUrl"]').fill(url);
  await page.locator('[name="backendToken"]').fill(token);
  await page
    .locator('form')
    .getByRole('button', { name: /^Save$|^保存$/ })
    .click();
  await page.locator('form').getByRole('status').waitFor();
  // A browser already in the team re-checks its membership on save (another token: another analyst).
  const join = page.getByTestId('team-panel').getByRole('button', { name: /Join team|加入团队/ });
  if (await join.count()) await join.click();
  // Playwright's own wait: this also runs in beforeAll, where vitest's expect.poll is not available.
  await page.getByTestId('team-user').filter({ hasText: name }).waitFor();
  return page;
}

/** Right-click → host recipient → work → statements, as a user does it, up to a notice ready to send. */
async function readyToSend(s: ExtensionSession, url: string) {
  const { report, source } = await rightClickReport(s, url);
  const r = new ReportPage(report);
  const host = report.locator('[data-testid="recipient"][data-role="host"]').first();
  await expect.poll(() => host.textContent()).toMatch(/abuse@switch\.ch/);
  await host.locator('input[type="checkbox"]').check();
  await r.pickWork(WORK.title);
  await r.confirmStatements();
  await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('true');
  return { report, source, r };
}

/** …then "Mark as sent" (copy). */
async function sendOne(s: ExtensionSession, url: string, beforeSend: () => Promise<void> = async () => {}) {
  const { report, source, r } = await readyToSend(s, url);
  await beforeSend();
  await r.markSent('copy');
  await report.getByTestId('sent-record').waitFor();
  return { report, source };
}

/** "Sync now" in the options, waiting for the round to finish. */
async function syncNow(options: Page) {
  const button = options.getByTestId('team-sync-now');
  await button.click();
  await expect.poll(() => button.isEnabled()).toBe(true);
}

/** The popup's sent rows, each with the analyst named on it (empty for this browser's own). */
async function sentRows(s: ExtensionSession): Promise<Array<{ text: string; by: string }>> {
  const popup = await s.context.newPage();
  await popup.goto(s.url('popup.html'));
  await popup.getByTestId('notice-row').first().waitFor();
  const rows = popup.locator('[data-testid="notice-row"][data-status="sent"]');
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const by = row.getByTestId('row-by');
    out.push({ text: (await row.textContent()) ?? '', by: (await by.count()) ? ((await by.textContent()) ?? '') : '' });
  }
  await popup.close();
  return out;
}

describe.skipIf(!ready)('team server with two browsers', () => {
  let rig: TeamRig;
  let a: TeamServer;
  let b: TeamServer;
  let serverA: ServerType;
  let serverB: ServerType;
  let portA: number;
  let site: Awaited<ReturnType<typeof startPirateSite>>;
  let ada: ExtensionSession;
  let bob: ExtensionSession;
  let adaOptions: Page;
  let bobOptions: Page;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    rig = await startTeamRig();
    [a, b] = [await rig.instance(), await rig.instance()];
    serverA = await listen(a);
    serverB = await listen(b);
    portA = (serverA.address() as AddressInfo).port;
    for (const [name, role] of [
      ['Ada', 'analyst'],
      ['Bob', 'analyst'],
      ['Vi', 'viewer'],
    ] as const)
      tokens[name] = (await rig.addUser(name, role)).token;
    site = await startPirateSite(HOST);
    [ada, bob] = [
      await launchExtension({ hostRules: `MAP ${HOST} 127.0.0.1` }),
      await launchExtension({ hostRules: `MAP ${HOST} 127.0.0.1` }),
    ];
    await setUpOptions(ada);
    await setUpOptions(bob);
    adaOptions = await joinTeam(ada, `http://127.0.0.1:${portA}`, tokens.Ada!, 'Ada');
    bobOptions = await joinTeam(bob, `http://127.0.0.1:${(serverB.address() as AddressInfo).port}`, tokens.Bob!, 'Bob');
  }, 180_000);
  afterAll(async () => {
    await ada?.close();
    await bob?.close();
    await site?.close();
    for (const s of [serverA, serverB]) if (s?.listening) await stop(s);
    await rig?.close();
  }, 120_000);

  it('each analyst sees the other’s sent notice with the sender’s name', async () => {
    const sentA = await sendOne(ada, site.url('/game/starsea'));
    // Ada's background pushes on its own, seconds after the send (her options page shows it live)…
    await expect
      .poll(() => adaOptions.getByTestId('team-last-sync').textContent(), { timeout: 10_000 })
      .toMatch(/: 1 pushed/);
    // …and Bob pulls when he syncs.
    await expect
      .poll(
        async () => {
          await syncNow(bobOptions);
          return (await sentRows(bob)).map((r) => r.by);
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toEqual(['by Ada']);
    const sentB = await sendOne(bob, site.url('/game/starsea-2'));
    await expect
      .poll(
        async () => {
          await syncNow(adaOptions);
          return (await sentRows(ada)).map((r) => r.by).sort();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toEqual(['', 'by Bob']);
    // "Only mine" leaves Bob's notice out of Ada's popup.
    const mine = await ada.context.newPage();
    await mine.goto(ada.url('popup.html'));
    await mine.locator('input[name="mine"]').check();
    await expect.poll(() => mine.getByTestId('notice-row').count()).toBe(1);
    expect(await mine.getByTestId('row-by').count()).toBe(0);
    await mine.close();

    // Bob opens Ada's notice: the team section names her, and her evidence files are on the team server.
    const popup = await bob.context.newPage();
    await popup.goto(bob.url('popup.html'));
    const opened = bob.context.waitForEvent('page');
    await popup
      .locator('[data-testid="notice-row"]')
      .filter({ has: popup.getByTestId('row-by') })
      .click();
    const notice = await opened;
    await expect.poll(() => notice.getByTestId('team-notice-by').textContent()).toContain('Ada');
    await expect.poll(() => notice.getByTestId('team-evidence').locator('li').count()).toBeGreaterThan(2);
    // Her events are hers in Bob's timeline, not "you".
    await expect.poll(() => notice.getByTestId('event-actor').allTextContents()).toEqual(['Ada', 'Ada', 'Ada']);
    await bob.screenshot(notice, 'team-notice-from-colleague');
    // Bob copies her evidence into his record: the copy button goes once every file is here (hash-checked).
    await notice.getByTestId('team-copy-evidence').click();
    await expect.poll(() => notice.getByTestId('team-copy-evidence').count(), { timeout: 20_000 }).toBe(0);

    // The catalog: Ada shares hers; Bob, who typed the same work in himself, is not given it twice.
    await adaOptions.getByTestId('team-catalog-share').click();
    await expect
      .poll(() => adaOptions.getByTestId('team-catalog-done').textContent())
      .toBe('Shared with the team: 1 works. Your letterhead is now the team’s.');
    await bobOptions.getByTestId('team-catalog-pull').click();
    await expect
      .poll(() => bobOptions.getByTestId('team-catalog-done').textContent())
      .toBe('From the team: 0 works added, 0 updated. 1 works with a title you already have were left out.');
    await ada.screenshot(adaOptions, 'team-options');
    for (const p of [notice, popup, sentA.report, sentA.source, sentB.report, sentB.source]) await p.close();
  });

  it('a notice sent while the team server is down is pushed once it is back', async () => {
    // The lookup needs the backend; the instance goes down between the lookup and the send.
    const sent = await sendOne(ada, site.url('/game/starsea-3'), () => stop(serverA));
    await syncNow(adaOptions);
    await expect.poll(() => adaOptions.getByTestId('team-last-sync').getAttribute('data-offline')).toBe('true');
    await expect.poll(() => adaOptions.getByTestId('team-last-sync').textContent()).toMatch(/1 sent notices wait/);
    await ada.screenshot(adaOptions, 'team-offline');

    serverA = await listen(a, portA);
    await syncNow(adaOptions);
    await expect.poll(() => adaOptions.getByTestId('team-last-sync').getAttribute('data-offline')).toBe('false');
    await expect
      .poll(
        async () => {
          await syncNow(bobOptions);
          return (await sentRows(bob)).filter((r) => r.by === 'by Ada').length;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(2);
    await sent.report.close();
    await sent.source.close();
  });

  it('a viewer’s token cannot send', async () => {
    const options = await joinTeam(
      bob,
      `http://127.0.0.1:${(serverB.address() as AddressInfo).port}`,
      tokens.Vi!,
      'Vi',
    );
    await expect.poll(() => options.getByTestId('team-user').textContent()).toMatch(/viewer/);
    const before = (await sentRows(bob)).length;
    const { report, source, r } = await readyToSend(bob, site.url('/game/starsea-4'));
    await report.getByTestId('team-viewer').waitFor();
    // The page says it up front; the one send function refuses anyway, whatever the page shows.
    await r.markSent('copy');
    await expect.poll(() => report.locator('[data-testid="error"]').getAttribute('data-kind')).toBe('forbidden');
    await bob.screenshot(report, 'team-viewer-refused');
    expect(await report.getByTestId('sent-record').count()).toBe(0);
    expect((await sentRows(bob)).length).toBe(before);
    for (const p of [options, report, source]) await p.close();
  });
});
