import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { createApp } from '../../lib/server/app';
import { send } from '../../lib/server/commands/send';
import { checkEml, MAX_EML_BYTES } from '../../lib/server/mail/eml-check';
import { MailService } from '../../lib/server/mail/mail-service';
import { sendEml } from '../../lib/server/mail/smtp-send';
import { smtpSettingsFromEnv, type SmtpSettings } from '../../lib/server/mail/smtp-settings';
import { REPO_ROOT } from '../helpers/fixtures';
import {
  closedPort,
  makeSelfSignedCert,
  startLoopbackSmtp,
  startSilentServer,
  type LoopbackSmtp,
} from '../helpers/loopback-smtp';

const dir = mkdtempSync(path.join(tmpdir(), 'mail-send-'));
let tls: Awaited<ReturnType<typeof makeSelfSignedCert>>;
const servers: LoopbackSmtp[] = [];
beforeAll(async () => {
  tls = await makeSelfSignedCert(dir);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function smtpServer(opts: Parameters<typeof startLoopbackSmtp>[0] = {}) {
  const s = await startLoopbackSmtp(opts);
  servers.push(s);
  return s;
}

/** A frozen notice as the extension writes it: CRLF, base64 UTF-8 body, Chinese subject in RFC 2047. */
function eml(headers: Partial<Record<'From' | 'To' | 'Cc' | 'Message-ID', string | null>> = {}): Buffer {
  const h: Record<string, string | null> = {
    Date: 'Wed, 02 Dec 2026 09:00:00 +0000',
    From: 'Lotus Press <rights@lotus.example>',
    To: 'Host Abuse <abuse@host.example>',
    Cc: 'dmca@upstream.example',
    'Message-ID': '<notice.abc123.k2x@lotus.example>',
    Subject: '=?UTF-8?B?54mI5p2D5L615p2D6YCa55+lIC8gRE1DQSBub3RpY2U=?=',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': 'base64',
    ...headers,
  };
  const head = Object.entries(h)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  const body = Buffer.from(
    'To whom it may concern,\n\nhttps://pirate.example/atlas infringes our copyright.\n.\n..leading dots survive\n',
  ).toString('base64');
  return Buffer.from(`${head}\r\n\r\n${body.replace(/.{76}/g, '$&\r\n')}\r\n`);
}

function settings(s: LoopbackSmtp, extra: Partial<SmtpSettings> = {}): SmtpSettings {
  return { host: '127.0.0.1', port: s.port, secure: false, requireTls: false, timeoutMs: 2000, ...extra };
}

async function cli(env: Record<string, string>, file: string) {
  let stdout = '';
  let stderr = '';
  const code = await send.run(['--eml', file], {
    stdout: { write: (x: string) => (stdout += x) },
    stderr: { write: (x: string) => (stderr += x) },
    env,
  });
  return { code, stdout, stderr };
}

let nFile = 0;
function file(data: Buffer | string): string {
  const f = path.join(dir, `m${nFile++}.eml`);
  writeFileSync(f, data);
  return f;
}

describe('checkEml (postal-mime)', () => {
  it('keeps a present Message-ID and the bytes unchanged', async () => {
    const raw = eml();
    const c = await checkEml(raw);
    expect(c.raw.equals(raw)).toBe(true);
    expect(c.messageId).toBe('<notice.abc123.k2x@lotus.example>');
    expect(c.messageIdAdded).toBe(false);
    expect(c).toMatchObject({
      from: 'rights@lotus.example',
      to: ['abuse@host.example'],
      cc: ['dmca@upstream.example'],
    });
  });
  it('adds a Message-ID only when missing, in the From domain', async () => {
    const raw = eml({ 'Message-ID': null });
    const c = await checkEml(raw);
    expect(c.messageIdAdded).toBe(true);
    expect(c.messageId).toMatch(/^<notice\.[a-z0-9]+\.[0-9a-f]{16}@lotus\.example>$/);
    expect(c.raw.subarray(c.raw.length - raw.length).equals(raw)).toBe(true);
    expect(c.raw.toString().startsWith(`Message-ID: ${c.messageId}\r\n`)).toBe(true);
  });
  it.each([
    ['no To', { To: null }, /no To/],
    ['an unparseable To', { To: 'not an address' }, /usable e-mail address/],
    ['a To with a bare word', { To: 'abuse@localhost' }, /usable e-mail address/],
    ['no From', { From: null }, /From/],
  ])('refuses a letter with %s', async (_name, h, msg) => {
    await expect(checkEml(eml(h as Record<string, string | null>))).rejects.toThrow(msg);
  });
  it('refuses an empty letter, one without a body separator, and one over the cap', async () => {
    await expect(checkEml(Buffer.alloc(0))).rejects.toThrow(/empty/);
    await expect(checkEml(Buffer.from('To: a@b.example'))).rejects.toThrow(/separator/);
    await expect(checkEml(Buffer.alloc(MAX_EML_BYTES + 1, 0x61))).rejects.toThrow(/larger than/);
  });
  it('refuses a second To header (ambiguous envelope)', async () => {
    const raw = Buffer.from(eml().toString().replace('To: ', 'To: x@evil.example\r\nTo: '));
    await expect(checkEml(raw)).rejects.toThrow(/more than one to/);
  });
});

describe('smtpSettingsFromEnv', () => {
  it('requires STARTTLS off loopback, not on it, and TLS from the start for smtps://', () => {
    expect(smtpSettingsFromEnv({ TAKEDOWN_SMTP_URL: 'smtp://u:p%40ss@mail.lotus.example:587' })).toMatchObject({
      host: 'mail.lotus.example',
      port: 587,
      secure: false,
      requireTls: true,
      user: 'u',
      pass: 'p@ss',
    });
    expect(smtpSettingsFromEnv({ TAKEDOWN_SMTP_URL: 'smtp://127.0.0.1:2525' })).toMatchObject({ requireTls: false });
    expect(smtpSettingsFromEnv({ TAKEDOWN_SMTP_URL: 'smtps://mail.lotus.example' })).toMatchObject({
      port: 465,
      secure: true,
      requireTls: false,
    });
    expect(smtpSettingsFromEnv({})).toBeUndefined();
  });
  it('names the bad variable', () => {
    expect(() => smtpSettingsFromEnv({ TAKEDOWN_SMTP_URL: 'http://x' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => smtpSettingsFromEnv({ TAKEDOWN_SMTP_URL: 'smtp://x', TAKEDOWN_SMTP_FROM: 'a b' })).toThrow(
      /TAKEDOWN_SMTP_FROM/,
    );
    expect(() => smtpSettingsFromEnv({ TAKEDOWN_SMTP_URL: 'smtp://x', TAKEDOWN_DKIM_DOMAIN: 'lotus.example' })).toThrow(
      /DKIM needs all/,
    );
  });
});

describe('sendEml over loopback SMTP', () => {
  it('delivers the exact bytes to To and Cc and returns the acceptance line with its queue id', async () => {
    const s = await smtpServer();
    const raw = eml();
    const proof = await sendEml(await checkEml(raw), settings(s), () => new Date('2026-12-02T09:30:00Z'));
    expect(s.received).toHaveLength(1);
    const got = s.received[0];
    // smtp-server strips the dot-stuffing nodemailer added, so this is what a mailbox would store.
    expect(got!.raw.equals(raw)).toBe(true);
    expect(got!.to).toEqual(['abuse@host.example', 'dmca@upstream.example']);
    expect(got!.from).toBe('rights@lotus.example');
    expect(proof).toMatchObject({
      messageId: '<notice.abc123.k2x@lotus.example>',
      accepted: ['abuse@host.example', 'dmca@upstream.example'],
      rejected: [],
      time: '2026-12-02T09:30:00.000Z',
    });
    expect(proof.response).toBe(`250 2.0.0 Ok: queued as ${got!.queueId}`);
  });

  it('uses TAKEDOWN_SMTP_FROM as the envelope sender and DKIM-signs without touching the letter', async () => {
    const s = await smtpServer();
    await promisify(execFile)('openssl', [
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:1024',
      '-out',
      path.join(dir, 'dkim.pem'),
    ]);
    const conf = smtpSettingsFromEnv({
      TAKEDOWN_SMTP_URL: s.url(),
      TAKEDOWN_SMTP_FROM: 'bounces@lotus.example',
      TAKEDOWN_DKIM_DOMAIN: 'lotus.example',
      TAKEDOWN_DKIM_SELECTOR: 'td2026',
      TAKEDOWN_DKIM_KEY_FILE: path.join(dir, 'dkim.pem'),
    })!;
    const raw = eml();
    await sendEml(await checkEml(raw), { ...conf, timeoutMs: 2000 });
    const got = s.received[0];
    expect(got!.from).toBe('bounces@lotus.example');
    expect(got!.raw.toString().startsWith('DKIM-Signature: v=1; a=rsa-sha256;')).toBe(true);
    expect(got!.raw.toString()).toMatch(/d=lotus\.example;[\s\S]*s=td2026;/);
    expect(got!.raw.subarray(got!.raw.length - raw.length).equals(raw)).toBe(true);
  });

  it('logs in over STARTTLS with a certificate it trusts', async () => {
    const s = await smtpServer({ tls, auth: { user: 'notices', pass: 's3cret' } });
    const proof = await sendEml(
      await checkEml(eml()),
      settings(s, { user: 'notices', pass: 's3cret', ca: tls.cert, requireTls: true }),
    );
    expect(proof.rejected).toEqual([]);
    expect(s.received[0]).toMatchObject({ secure: true, user: 'notices' });
  });

  it('refuses an untrusted certificate rather than sending in the clear or to an impostor', async () => {
    const s = await smtpServer({ tls, auth: { user: 'notices', pass: 's3cret' } });
    await expect(
      sendEml(await checkEml(eml()), settings(s, { user: 'notices', pass: 's3cret' })),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    expect(s.received).toHaveLength(0);
  });

  it('will not send when STARTTLS is required and the server does not offer it', async () => {
    const s = await smtpServer();
    const err = await sendEml(await checkEml(eml()), settings(s, { requireTls: true })).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('unavailable');
    expect((err as AppError).message).toMatch(/STARTTLS/);
    expect(s.received).toHaveLength(0);
  });

  it('reports a failed login without echoing the password', async () => {
    const s = await smtpServer({ tls, auth: { user: 'notices', pass: 's3cret' } });
    const err = (await sendEml(
      await checkEml(eml()),
      settings(s, { user: 'notices', pass: 'wrong-pass', ca: tls.cert }),
    ).catch((e) => e)) as AppError;
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toMatch(/535/);
    expect(err.message).not.toContain('wrong-pass');
  });
});

describe('cli send', () => {
  it('prints the proof and exits 0 when every recipient is accepted', async () => {
    const s = await smtpServer();
    const r = await cli({ TAKEDOWN_SMTP_URL: s.url() }, file(eml()));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['messageId', 'accepted', 'rejected', 'response']);
    expect(out.accepted).toEqual(['abuse@host.example', 'dmca@upstream.example']);
    expect(out.response).toMatch(/queued as 4Q/);
  });
  it('exits 1 with a one-line reason when a recipient is refused, and still prints the proof', async () => {
    const s = await smtpServer({ refuse: ['dmca@upstream.example'] });
    const r = await cli({ TAKEDOWN_SMTP_URL: s.url() }, file(eml()));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      accepted: ['abuse@host.example'],
      rejected: ['dmca@upstream.example'],
    });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/refused 1 of 2 recipients: dmca@upstream.example: 550/);
  });
  it('exits 1 when every recipient is refused; nothing is delivered', async () => {
    const s = await smtpServer({ refuse: ['abuse@host.example', 'dmca@upstream.example'] });
    const r = await cli({ TAKEDOWN_SMTP_URL: s.url() }, file(eml()));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      accepted: [],
      rejected: ['abuse@host.example', 'dmca@upstream.example'],
    });
    expect(s.received).toHaveLength(0);
  });
  it('exits 3 when the credentials fail', async () => {
    const s = await smtpServer({ tls, auth: { user: 'notices', pass: 's3cret' } });
    const r = await cli(
      { TAKEDOWN_SMTP_URL: s.url('notices', 'bad'), TAKEDOWN_SMTP_CA_FILE: tls.certFile },
      file(eml()),
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^SMTP login to 127\.0\.0\.1:\d+ failed: 535/);
  });
  it('exits 4 quickly when the server is down', async () => {
    const t0 = Date.now();
    const r = await cli({ TAKEDOWN_SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` }, file(eml()));
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/unreachable/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
  it('gives up on a server that never greets (bounded time)', async () => {
    const silent = await startSilentServer();
    try {
      const err = (await sendEml(await checkEml(eml()), {
        host: '127.0.0.1',
        port: silent.port,
        secure: false,
        requireTls: false,
        timeoutMs: 300,
      }).catch((e) => e)) as AppError;
      expect(err.kind).toBe('timeout');
    } finally {
      await silent.close();
    }
  });
  it('exits 2 for bad input or configuration, before connecting', async () => {
    const s = await smtpServer();
    expect((await cli({ TAKEDOWN_SMTP_URL: s.url() }, file(eml({ To: null })))).code).toBe(2);
    expect((await cli({ TAKEDOWN_SMTP_URL: s.url() }, path.join(dir, 'missing.eml'))).code).toBe(2);
    expect((await cli({}, file(eml()))).code).toBe(2);
    expect(await send.run([], { stdout: { write: () => 0 }, stderr: { write: () => 0 }, env: {} })).toBe(2);
    expect(s.received).toHaveLength(0);
  });
});

describe('npm run cli -- send (a real process)', () => {
  it('is registered, prints the proof and exits 0', async () => {
    const s = await smtpServer();
    // Async execFile: a sync spawn would block this process's event loop, and with it the SMTP server.
    const r = await promisify(execFile)(
      path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
      ['lib/server/cli.ts', 'send', '--eml', file(eml())],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, TAKEDOWN_SMTP_URL: s.url() },
        timeout: 60_000,
      },
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ messageId: '<notice.abc123.k2x@lotus.example>', rejected: [] });
    expect(s.received).toHaveLength(1);
  }, 60_000);
});

describe('POST /v1/send', () => {
  const TOKEN = 'x'.repeat(32);
  function app(smtp?: SmtpSettings) {
    const now = () => new Date('2026-12-02T09:30:00Z');
    const mail = new MailService({ smtp, now });
    return { status: mail.status, app: createApp({ now, token: TOKEN, mail }) };
  }
  const post = (a: ReturnType<typeof createApp>, body: Buffer | string, type = 'message/rfc822', token = TOKEN) =>
    a.request('/v1/send', {
      method: 'POST',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { 'content-type': type, authorization: `Bearer ${token}` },
    });

  it('sends the raw .eml and answers with the proof', async () => {
    const s = await smtpServer();
    const { app: a, status } = app(settings(s));
    const res = await post(a, eml());
    expect(res.status).toBe(200);
    const proof = await res.json();
    expect(proof).toMatchObject({
      messageId: '<notice.abc123.k2x@lotus.example>',
      rejected: [],
      messageIdAdded: false,
    });
    expect(s.received[0]!.raw.equals(eml())).toBe(true);
    expect(status.snapshot().smtp.lastSend).toMatchObject({ accepted: 2, rejected: 0 });
  });
  it('accepts JSON {eml} too', async () => {
    const s = await smtpServer();
    const res = await post(app(settings(s)).app, JSON.stringify({ eml: eml().toString() }), 'application/json');
    expect(res.status).toBe(200);
  });
  it('answers 400 for a letter without To, 401 without the token, 503 when SMTP is not configured', async () => {
    const s = await smtpServer();
    const res = await post(app(settings(s)).app, eml({ To: null }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { kind: 'invalid_input', path: 'eml' } });
    expect((await post(app(settings(s)).app, eml(), 'message/rfc822', 'y'.repeat(32))).status).toBe(401);
    expect((await post(app(undefined).app, eml())).status).toBe(503);
    expect(s.received).toHaveLength(0);
  });
  it('answers 502 when the login fails and records the error without the password', async () => {
    const s = await smtpServer({ tls, auth: { user: 'notices', pass: 's3cret' } });
    const { app: a, status } = app(settings(s, { user: 'notices', pass: 'hunter22', ca: tls.cert }));
    const res = await post(a, eml());
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { kind: 'smtp_auth_failed' } });
    expect(JSON.stringify(status.snapshot())).not.toMatch(/hunter22|notices/);
  });
});
