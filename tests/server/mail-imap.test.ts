import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RepliesResponseSchema } from '../../lib/contract';
import { createApp } from '../../lib/server/app';
import { imapSettingsFromEnv } from '../../lib/server/mail/imap-settings';
import { MailService } from '../../lib/server/mail/mail-service';
import { DOVECOT_BIN, DOVECOT_MISSING, startDovecot, type Dovecot } from '../helpers/dovecot';
import { closedPort } from '../helpers/loopback-smtp';
import { REPO_ROOT } from '../helpers/fixtures';

const corpus = (f: string) => readFileSync(path.join(REPO_ROOT, 'tests/fixtures/replies', f));
const TOKEN = 't'.repeat(32);

if (!DOVECOT_BIN) console.warn(DOVECOT_MISSING);

describe.skipIf(!DOVECOT_BIN)('IMAP polling against a real Dovecot', () => {
  let imap: Dovecot;
  let client: ImapFlow;
  beforeAll(async () => {
    imap = await startDovecot();
    client = new ImapFlow({
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: imap.user, pass: imap.pass },
      logger: false,
    });
    await client.connect();
  }, 20_000);
  afterAll(async () => {
    await client?.logout().catch(() => undefined);
    await imap?.stop();
  });

  const clock = new Date('2026-12-02T10:00:00Z');
  const now = () => clock;
  function service(env: Record<string, string> = {}) {
    const mail = new MailService({
      imap: imapSettingsFromEnv({ TAKEDOWN_IMAP_URL: imap.url, ...env }),
      now,
      minPollIntervalMs: 60_000,
    });
    return { mail, app: createApp({ now, token: TOKEN, mail }) };
  }
  const get = async (app: ReturnType<typeof createApp>, q = '') => {
    const res = await app.request(`/v1/replies${q}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    return { status: res.status, body: await res.json() };
  };

  it('reads appended replies, matches them to notices and suggests a classification', async () => {
    await client.append('INBOX', corpus('04-aws-ack.eml'), [], new Date('2026-12-02T09:10:00Z'));
    await client.append('INBOX', corpus('05-aws-forwarded.eml'), [], new Date('2026-12-02T09:20:00Z'));
    await client.append('INBOX', corpus('20-bounce-dsn.eml'), [], new Date('2026-12-02T09:30:00Z'));
    const { app, mail } = service();
    const r = await get(app);
    expect(r.status).toBe(200);
    const body = RepliesResponseSchema.parse(r.body);
    expect(body.poll).toMatchObject({ ok: true, error: null });
    expect(body.replies.map((x) => [x.classification.kind, x.answers, x.via])).toEqual([
      ['acknowledged', ['<notice.n03.mk2x9@lotus.example>'], 'in-reply-to'],
      ['forwarded', ['<notice.n03.mk2x9@lotus.example>'], 'ticket'],
      ['bounce', ['<notice.n13.mk2x9@lotus.example>'], 'quoted'],
    ]);
    expect(body.replies[0]).toMatchObject({
      receivedAt: '2026-12-02T09:10:00.000Z',
      from: 'trustandsafety@support.aws.com',
      classification: { ticket: '81234567890', suggestedStatus: 'acknowledged' },
    });
    expect(body.replies[2]!.classification.failedRecipients).toEqual(['abuse@gone-host.example']);
    expect(body.replies[0]!.sha256).toBe(createHash('sha256').update(corpus('04-aws-ack.eml')).digest('hex'));
    expect(mail.status.snapshot().imap.lastPoll).toMatchObject({ fetched: 3, lastUid: 3 });

    // since= filters by arrival; the mailbox is left as the user had it (read-only: nothing marked \Seen).
    expect((await get(app, '?since=2026-12-02T09:15:00Z')).body.replies).toHaveLength(2);
    const lock = await client.getMailboxLock('INBOX');
    try {
      for await (const m of client.fetch('1:*', { flags: true })) expect(m.flags?.has('\\Seen')).toBe(false);
    } finally {
      lock.release();
    }

    // Only new mail is fetched on the next poll; an HTML reply with an attachment comes back as text plus hashes.
    const pdf = Buffer.from('%PDF-1.4 statement');
    const withAttachment = [
      'From: abuse-reply@digitalocean.com',
      'To: rights@lotus.example',
      'Subject: [DigitalOcean] Counter notification (Ticket #7654321)',
      'Message-ID: <do.9@digitalocean.com>',
      'In-Reply-To: <notice.n08.mk2x9@lotus.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>The customer has submitted a <b>counter-notice</b>.</p><script>alert(1)</script>',
      '--b1',
      'Content-Type: application/pdf; name="counter.pdf"',
      'Content-Disposition: attachment; filename="counter.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf.toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    await client.append('INBOX', withAttachment, [], new Date('2026-12-02T09:40:00Z'));
    const again = RepliesResponseSchema.parse((await get(app, '?since=2026-12-02T09:35:00Z&poll=1')).body);
    expect(again.replies).toHaveLength(1);
    expect(again.replies[0]).toMatchObject({
      classification: { kind: 'counter-notice', suggestedStatus: 'counter_noticed' },
      attachments: [
        {
          filename: 'counter.pdf',
          mimeType: 'application/pdf',
          size: pdf.length,
          sha256: createHash('sha256').update(pdf).digest('hex'),
        },
      ],
    });
    expect(again.replies[0]!.text).not.toContain('alert');
    expect(mail.status.snapshot().imap.lastPoll).toMatchObject({ fetched: 1, lastUid: 4 });

    // The attachment itself, read again from the mailbox, served as a download and checked against its hash.
    const auth = { headers: { authorization: `Bearer ${TOKEN}` } };
    const dl = await app.request(`/v1/replies/${again.replies[0]!.id}/attachments/0`, auth);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/octet-stream');
    expect(dl.headers.get('x-content-sha256')).toBe(again.replies[0]!.attachments[0]!.sha256);
    expect(Buffer.from(await dl.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await app.request(`/v1/replies/${again.replies[0]!.id}/attachments/1`, auth)).status).toBe(404);
    expect((await app.request('/v1/replies/1:999/attachments/0', auth)).status).toBe(404);
  }, 30_000);

  it('reads the configured folder', async () => {
    await client.mailboxCreate('Takedown');
    await client.append('Takedown', corpus('12-ovh-ack.eml'));
    const { app } = service({ TAKEDOWN_IMAP_FOLDER: 'Takedown' });
    const body = RepliesResponseSchema.parse((await get(app)).body);
    expect(body.replies.map((r) => r.classification.ticket)).toEqual(['CS8123456']);
  }, 20_000);

  it('reports a failed login and a missing folder in the poll and the status, never the password', async () => {
    const bad = new MailService({
      imap: imapSettingsFromEnv({ TAKEDOWN_IMAP_URL: `imap://${imap.user}:wrong-pw-123@127.0.0.1:${imap.port}` }),
      now,
    });
    const app = createApp({ now, token: TOKEN, mail: bad });
    const r = await get(app);
    expect(r.status).toBe(200);
    expect(r.body.poll).toMatchObject({
      ok: false,
      error: expect.stringMatching(/IMAP login to 127\.0\.0\.1:\d+ failed/),
    });
    const status = await (
      await app.request('/v1/mail/status', { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json();
    expect(status).toMatchObject({
      imap: { configured: true, folder: 'INBOX' },
      smtp: { configured: false },
      lastError: { where: 'imap' },
    });
    expect(JSON.stringify(status)).not.toMatch(/wrong-pw-123|imap-test-secret|takedown:/);

    const { app: noFolder } = service({ TAKEDOWN_IMAP_FOLDER: 'Nope' });
    expect((await get(noFolder)).body.poll.error).toMatch(/folder "Nope" does not exist/);
  }, 20_000);
});

describe('replies route without a server', () => {
  it('answers 503 when IMAP is not configured and 400 for a bad since', async () => {
    const app = createApp({ now: () => new Date(), token: TOKEN, mail: new MailService({ now: () => new Date() }) });
    const h = { headers: { authorization: `Bearer ${TOKEN}` } };
    expect((await app.request('/v1/replies', h)).status).toBe(503);
    const mail = new MailService({
      imap: imapSettingsFromEnv({ TAKEDOWN_IMAP_URL: `imap://u:p@127.0.0.1:${await closedPort()}` }),
      now: () => new Date(),
    });
    const app2 = createApp({ now: () => new Date(), token: TOKEN, mail });
    expect((await app2.request('/v1/replies?since=yesterday', h)).status).toBe(400);
    const down = await (await app2.request('/v1/replies', h)).json();
    expect(down.poll).toMatchObject({ ok: false, error: expect.stringMatching(/unreachable/) });
    expect((await app2.request('/v1/replies')).status).toBe(401);
  });
  it('requires STARTTLS for IMAP off loopback', () => {
    expect(imapSettingsFromEnv({ TAKEDOWN_IMAP_URL: 'imap://u:p@mail.lotus.example' })).toMatchObject({
      requireTls: true,
      port: 143,
      folder: 'INBOX',
    });
    expect(imapSettingsFromEnv({ TAKEDOWN_IMAP_URL: 'imaps://u:p@mail.lotus.example' })).toMatchObject({
      requireTls: false,
      secure: true,
      port: 993,
    });
    expect(() => imapSettingsFromEnv({ TAKEDOWN_IMAP_URL: 'imap://mail.lotus.example' })).toThrow(/user:password/);
  });
});
