import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/server/config';
import { imapSettingsFromEnv } from '../../lib/server/mail/imap-settings';
import { MailService } from '../../lib/server/mail/mail-service';
import { smtpSettingsFromEnv } from '../../lib/server/mail/smtp-settings';
import { buildServerApp } from '../../lib/server/server-app';
import { DOVECOT_BIN, DOVECOT_MISSING, startDovecot, type Dovecot } from '../helpers/dovecot';
import { REPO_ROOT } from '../helpers/fixtures';
import { startLoopbackSmtp, type LoopbackSmtp } from '../helpers/loopback-smtp';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';
import { launchExtension, rightClickReport, type ExtensionSession } from './fixtures';
import { BulkPage } from './pages/bulk';
import { NoticePage } from './pages/notice';
import { ReportPage } from './pages/report';
import { setUpOptions, WORK } from './pages/setup';
import { startPirateSite } from './pirate-site';

// Resolved by the backend through the loopback DNS fixture to a public RIPE address (host: SWITCH, abuse@switch.ch).
const HOST = 'ripe-host.to';

if (!DOVECOT_BIN) console.warn(DOVECOT_MISSING);

/**
 * Issue 18 end to end: the real backend with a loopback SMTP server and a private Dovecot, the built extension in
 * Chromium. Send now → accepted → a reply appended to the mailbox → the follow-up alarm polls → the notice page
 * suggests "acknowledged" → one click → status and follow-up date move.
 */
describe.skipIf(!DOVECOT_BIN).each([['en'], ['zh-CN']])(
  'mail: Send now and replies on the notice page (%s)',
  (lang) => {
    let s: ExtensionSession;
    let site: Awaited<ReturnType<typeof startPirateSite>>;
    let stack: LoopbackStack;
    let smtp: LoopbackSmtp;
    let imap: Dovecot;
    let client: ImapFlow;
    let closeServer: () => Promise<void>;
    beforeAll(async () => {
      [site, stack, smtp, imap] = await Promise.all([
        startPirateSite(HOST),
        startLoopbackStack(),
        startLoopbackSmtp(),
        startDovecot(),
      ]);
      const now = () => new Date();
      const mail = new MailService({
        smtp: smtpSettingsFromEnv({ TAKEDOWN_SMTP_URL: smtp.url() }),
        imap: imapSettingsFromEnv({ TAKEDOWN_IMAP_URL: imap.url }),
        now,
        minPollIntervalMs: 0,
      });
      const { app } = buildServerApp(loadConfig(stack.env), now, mail);
      const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
      client = new ImapFlow({
        host: '127.0.0.1',
        port: imap.port,
        secure: false,
        doSTARTTLS: false,
        auth: { user: imap.user, pass: imap.pass },
        logger: false,
      });
      await client.connect();
      s = await launchExtension({ lang, hostRules: `MAP ${HOST} 127.0.0.1` });
      await setUpOptions(s, { backendUrl: url });
    }, 90_000);
    afterAll(async () => {
      await s?.close();
      await client?.logout().catch(() => undefined);
      await closeServer?.();
      await Promise.all([site?.close(), stack?.close(), smtp?.close(), imap?.stop()]);
    });

    it('one case, in order: Send now with proof, a reply confirmed in one click, a bounce that flags the address', async () => {
      const { report, source } = await rightClickReport(s, site.url());
      const r = new ReportPage(report);
      const host = report.locator('[data-testid="recipient"][data-role="host"]').first();
      await expect.poll(() => host.textContent(), { timeout: 40_000 }).toMatch(/abuse@switch\.ch/);
      await host.locator('input[type="checkbox"]').check();
      await r.pickWork(WORK.title);
      await r.confirmStatements();
      await expect.poll(() => r.checklist().getAttribute('data-sendable')).toBe('true');

      // Send now is offered because the backend reports SMTP configured; it asks once more, naming the address.
      await report.getByTestId('send-now').click();
      expect(await report.getByTestId('send-now-confirm').textContent()).toContain('abuse@switch.ch');
      await s.screenshot(report, 'mail-send-now-confirm');
      await report.getByTestId('send-now-go').click();
      const messageId = report.getByTestId('delivery-message-id');
      // The proof, or the page's error (printed, so a failure under load says what the backend answered).
      await messageId.or(report.getByRole('alert')).first().waitFor({ timeout: 60_000 });
      expect(await report.getByRole('alert').allTextContents()).toEqual([]);
      expect(await messageId.textContent()).toMatch(/^<notice\.[A-Za-z0-9]+\.[a-z0-9]+@moonlit\.example>$/);
      const id = (await messageId.textContent())!;
      expect(await report.getByTestId('sent-record').textContent()).toMatch(/queued as 4Q\d+LB/);
      await s.screenshot(report, 'mail-sent-by-smtp');
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.to).toEqual(['abuse@switch.ch']);
      expect(smtp.received[0]!.raw.toString()).toContain(`Message-ID: ${id}`);
      const noticeId = new URL(report.url()).searchParams.get('draft') ?? '';
      await report.close();
      await source.close();

      const page = await s.context.newPage();
      page.on('pageerror', (e) => console.log('PAGEERROR', page.url(), e.message));
      await page.goto(s.url(`notice.html?id=${noticeId}`));
      const n = new NoticePage(page);
      await expect.poll(() => n.status()).toBe('sent');
      expect(await page.getByTestId('sent-channel').getAttribute('data-channel')).toBe('smtp');
      expect(await page.getByTestId('delivery-message-id').textContent()).toBe(id);
      // The exact time, not the text: a reply confirmed within the same second would show the same minute and second.
      const followUpBefore = await page.getByTestId('follow-up').getAttribute('data-at');
      expect(await page.getByTestId('reply-suggestions').count()).toBe(0);

      // The provider answers; the reply lands in the mailbox the backend reads.
      const reply = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/replies/09-hetzner-ack.eml'), 'utf8')
        .replace('<notice.n06.mk2x9@lotus.example>', id)
        .replace('Hetzner Abuse Team <abuse@hetzner.com>', 'SWITCH Abuse <abuse@switch.ch>');
      await client.append('INBOX', reply, [], new Date());

      // The follow-up alarm fires (dispatched on the real event, as the browser would) and the background polls.
      await s.worker.evaluate((name) => {
        const event = chrome.alarms.onAlarm as unknown as {
          dispatch: (a: unknown) => void;
          hasListeners: () => boolean;
        };
        if (!event.hasListeners()) throw new Error('the background registered no alarms.onAlarm listener');
        event.dispatch({ name, scheduledTime: Date.now() });
      }, 'follow-ups');

      const suggestion = page.getByTestId('reply-suggestion');
      await expect.poll(() => suggestion.count(), { timeout: 30_000 }).toBe(1);
      expect(await suggestion.getAttribute('data-kind')).toBe('acknowledged');
      expect(await suggestion.textContent()).toContain('7C6A4F:1B');
      // Nothing moved yet: the suggestion waits for the user.
      expect(await n.status()).toBe('sent');
      await s.screenshot(page, 'mail-reply-suggestion');

      await page.getByTestId('reply-confirm').click();
      await expect.poll(() => n.status()).toBe('acknowledged');
      await expect.poll(() => page.getByTestId('reply-suggestions').count()).toBe(0);
      await expect.poll(() => page.getByTestId('follow-up').getAttribute('data-at')).not.toBe(followUpBefore);
      expect(await n.events().count()).toBeGreaterThanOrEqual(4);
      const verdict = await n.verify();
      await expect.poll(() => verdict.getAttribute('data-ok')).toBe('true');
      await s.screenshot(page, 'mail-reply-confirmed');

      // Later the mail server reports the address as gone: the bounce is suggested with the next channel, the
      // status stays, and the address is flagged in the next lookup.
      const dsn = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/replies/20-bounce-dsn.eml'), 'utf8')
        .replace('<notice.n13.mk2x9@lotus.example>', id)
        .replaceAll('abuse@gone-host.example', 'abuse@switch.ch');
      await client.append('INBOX', dsn, [], new Date());
      await s.worker.evaluate((name) => {
        (chrome.alarms.onAlarm as unknown as { dispatch: (a: unknown) => void }).dispatch({
          name,
          scheduledTime: Date.now(),
        });
      }, 'follow-ups');
      await expect.poll(() => suggestion.getAttribute('data-kind'), { timeout: 30_000 }).toBe('bounce');
      expect(await page.getByTestId('bounce-next').textContent()).toContain('abuse@switch.ch');
      await page.getByTestId('reply-confirm').click();
      await expect.poll(() => page.getByTestId('reply-suggestions').count()).toBe(0);
      expect(await n.status()).toBe('acknowledged');
      const again = await rightClickReport(s, site.url('/game/other'));
      const flagged = again.report.locator('[data-testid="recipient"][data-role="host"]').first();
      await expect
        .poll(() => flagged.getByTestId('address-failing').textContent(), { timeout: 40_000 })
        .toContain('abuse@switch.ch');
      await s.screenshot(again.report, 'mail-address-failing');
      await again.report.close();
      await again.source.close();

      // Options → Backend shows the backend's mail status: host names, the last send and poll, no credentials.
      await page.goto(s.url('options.html#backend'));
      const status = page.getByTestId('mail-status');
      await expect.poll(() => page.getByTestId('mail-smtp').textContent()).toContain(`127.0.0.1:${smtp.port}`);
      expect(await page.getByTestId('mail-imap').textContent()).toContain(`127.0.0.1:${imap.port}`);
      expect(await page.getByTestId('mail-browser-poll').textContent()).toMatch(/\d/);
      expect(await status.textContent()).not.toContain(imap.pass);
      await s.screenshot(page, 'mail-options-status');
      await page.close();
    }, 120_000);

    it('sends a bulk group now, through the same send function, with the proof on the group', async () => {
      const before = smtp.received.length;
      const page = await s.context.newPage();
      page.on('pageerror', (e) => console.log('PAGEERROR', page.url(), e.message));
      await page.goto(s.url('bulk.html'));
      const b = new BulkPage(page);
      await b.paste([`https://${HOST}/bulk/ep1.mp4`, `https://${HOST}/bulk/ep2.mp4`].join('\n'));
      await expect.poll(() => page.getByTestId('valid-count').getAttribute('data-count')).toBe('2');
      await b.start();
      await expect.poll(() => b.groups().count(), { timeout: 40_000 }).toBeGreaterThan(0);
      await b.pickWork(WORK.title);
      await b.confirmStatements();
      const group = b.groups().filter({ hasText: 'SWITCH-LAN' });
      await group.click();
      await expect.poll(() => page.getByTestId('checklist').getAttribute('data-sendable')).toBe('true');
      await b.panel().getByTestId('send-now').click();
      await b.panel().getByTestId('send-now-go').click();
      await expect
        .poll(() => b.panel().getByTestId('delivery-message-id').textContent(), { timeout: 20_000 })
        .toMatch(/^<notice\./);
      await expect.poll(() => group.getAttribute('data-state')).toBe('sent');
      expect(smtp.received.length).toBe(before + 1);
      const sent = smtp.received.at(-1)!;
      expect(sent.to).toEqual(['abuse@switch.ch']);
      expect(sent.raw.toString()).toContain(
        `Message-ID: ${await b.panel().getByTestId('delivery-message-id').textContent()}`,
      );
      await s.screenshot(page, 'mail-bulk-sent-now');
      await page.close();
    }, 120_000);
  },
);
