/**
 * Loopback SMTP server for tests, built on the smtp-server package: records each message's envelope and exact
 * bytes, answers DATA with a queue id like a real MTA, and can require AUTH, offer STARTTLS with a throwaway
 * certificate, or refuse chosen recipients.
 *
 *   const tls = await makeSelfSignedCert(dir);            // openssl, async (never blocks the server's loop)
 *   const smtp = await startLoopbackSmtp({ tls, auth: { user: 'u', pass: 'p' }, refuse: ['nobody@host.example'] });
 *   smtp.url('u', 'p')  → "smtp://u:p@127.0.0.1:<port>"
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { SMTPServer } from 'smtp-server';

const run = promisify(execFile);

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  /** True when the message came over a STARTTLS-upgraded connection. */
  secure: boolean;
  user: string | null;
  queueId: string;
}

export interface LoopbackSmtpOptions {
  tls?: { key: string; cert: string };
  auth?: { user: string; pass: string };
  /** Recipients answered with 550. */
  refuse?: string[];
}

export interface LoopbackSmtp {
  port: number;
  received: ReceivedMail[];
  url(user?: string, pass?: string): string;
  close(): Promise<void>;
}

export async function makeSelfSignedCert(dir: string): Promise<{ key: string; cert: string; certFile: string }> {
  const keyFile = path.join(dir, 'smtp.key');
  const certFile = path.join(dir, 'smtp.crt');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8'), certFile };
}

export async function startLoopbackSmtp(opts: LoopbackSmtpOptions = {}): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  let n = 0;
  const server = new SMTPServer({
    secure: false,
    ...(opts.tls ? { key: opts.tls.key, cert: opts.tls.cert } : { disabledCommands: ['STARTTLS'] }),
    authOptional: !opts.auth,
    // AUTH over plain text is allowed only on this loopback test server, and only when no TLS is offered.
    allowInsecureAuth: !opts.tls,
    logger: false,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass)
        return cb(null, { user: auth.username });
      return cb(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (opts.refuse?.includes(address.address))
        return cb(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), {
            responseCode: 550,
          }),
        );
      return cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const queueId = `4Q${(++n).toString().padStart(6, '0')}LB`;
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          secure: session.secure,
          user: (session.user as string | undefined) ?? null,
          queueId,
        });
        cb(null, `2.0.0 Ok: queued as ${queueId}`);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    url: (user, pass) =>
      `smtp://${user ? `${encodeURIComponent(user)}:${encodeURIComponent(pass ?? '')}@` : ''}127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Accepts connections and never greets: the shape of a hung MTA. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return {
    port: (s.address() as net.AddressInfo).port,
    close: () => {
      for (const sock of sockets) sock.destroy();
      return new Promise<void>((r) => s.close(() => r()));
    },
  };
}
