import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchReplies, mailStatus, sendViaBackend } from '../../lib/backend/mail';
import { createApp } from '../../lib/server/app';
import { MailService } from '../../lib/server/mail/mail-service';
import { REPO_ROOT } from '../helpers/fixtures';
import { startLoopbackSmtp, type LoopbackSmtp } from '../helpers/loopback-smtp';

const TOKEN = 'k'.repeat(32);
const settings = { url: 'http://127.0.0.1:8787', token: TOKEN };
let smtp: LoopbackSmtp | undefined;
afterAll(() => smtp?.close());

const EML = [
  'From: Lotus Press <rights@lotus.example>',
  'To: abuse@host.example',
  'Subject: Copyright notice',
  'Message-ID: <notice.z9.mk3@lotus.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Please remove.',
  '',
].join('\r\n');

describe('extension client for the mail API (lib/backend/mail.ts)', () => {
  it('sends, reads the status and fetches the answer that matches the sent notice', async () => {
    smtp = await startLoopbackSmtp();
    const clock = new Date('2026-12-02T10:00:00Z');
    const reply = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/replies/09-hetzner-ack.eml'))
      .toString()
      .replace('<notice.n06.mk2x9@lotus.example>', '<notice.z9.mk3@lotus.example>');
    const mail = new MailService({
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, requireTls: false, timeoutMs: 2000 },
      imap: {
        host: 'imap.lotus.example',
        port: 993,
        secure: true,
        requireTls: false,
        user: 'u',
        pass: 'p',
        folder: 'INBOX',
      },
      now: () => clock,
      // The IMAP side is covered against Dovecot in mail-imap.test.ts; here the poll hands over one message.
      poll: async () => ({
        messages: [{ uid: 1, uidValidity: '7', internalDate: clock.toISOString(), source: Buffer.from(reply) }],
        cursor: { uidValidity: '7', lastUid: 1 },
      }),
    });
    const app = createApp({ now: () => clock, token: TOKEN, mail });
    const fetchFn = ((url: string, init?: RequestInit) =>
      app.request(new URL(url).pathname + new URL(url).search, init)) as typeof fetch;

    const proof = await sendViaBackend(settings, fetchFn, EML);
    expect(proof).toMatchObject({
      messageId: '<notice.z9.mk3@lotus.example>',
      accepted: ['abuse@host.example'],
      rejected: [],
    });
    expect(smtp.received[0]!.raw.toString()).toBe(EML);

    const status = await mailStatus(settings, fetchFn);
    expect(status).toMatchObject({
      smtp: { configured: true, lastSend: { messageId: '<notice.z9.mk3@lotus.example>' } },
      imap: { configured: true, server: 'imap.lotus.example:993' },
    });

    const { replies } = await fetchReplies(settings, fetchFn, new Date('2026-12-01T00:00:00Z'));
    expect(replies.map((r) => [r.answers, r.classification.kind, r.classification.ticket])).toEqual([
      [['<notice.z9.mk3@lotus.example>'], 'acknowledged', '7C6A4F:1B'],
    ]);
    expect(JSON.stringify(status)).not.toMatch(/"p"|"u"/);
  });

  it('turns a refused .eml into an invalid_input error the page can explain', async () => {
    const app = createApp({
      now: () => new Date(),
      token: TOKEN,
      mail: new MailService({
        smtp: { host: '127.0.0.1', port: 9, secure: false, requireTls: false },
        now: () => new Date(),
      }),
    });
    const fetchFn = ((url: string, init?: RequestInit) => app.request(new URL(url).pathname, init)) as typeof fetch;
    await expect(
      sendViaBackend(settings, fetchFn, EML.replace('To: abuse@host.example\r\n', '')),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
  });
});
