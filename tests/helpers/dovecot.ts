/**
 * A private Dovecot IMAP server for tests (Debian's dovecot-imapd), set up as docs/test-rigs.md §1
 * describes: config, state, logs and maildir in a temp dir, a passwd-file user, plain auth on 127.0.0.1 and a
 * free port, nothing from /etc/dovecot. Mail runs as Debian's `mail` user (uid 8), since Dovecot refuses uid 0.
 *
 *   if (!DOVECOT_BIN) it.skip(...);   const imap = await startDovecot();   imap.url → imap://user:pass@127.0.0.1:p
 *   await imap.stop();   // SIGTERM; the test's afterAll must call it, or an orphan keeps running
 */
import { spawnService } from './child-service';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const DOVECOT_BIN = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => existsSync(p)) ?? null;
export const DOVECOT_MISSING =
  'dovecot-imapd is not installed (apt-get install dovecot-imapd; .ci/run installs it): IMAP tests skipped';

export interface Dovecot {
  port: number;
  user: string;
  pass: string;
  url: string;
  dir: string;
  stop(): Promise<void>;
  log(): Promise<string>;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function greeting(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      let buf = '';
      sock.setTimeout(500, () => (sock.destroy(), resolve(false)));
      sock.on('data', (d) => {
        buf += d.toString('latin1');
        if (buf.includes('\n')) {
          sock.destroy();
          resolve(buf.startsWith('* OK'));
        }
      });
      sock.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Dovecot did not greet on 127.0.0.1:${port}`);
}

export async function startDovecot(opts: { user?: string; pass?: string } = {}): Promise<Dovecot> {
  if (!DOVECOT_BIN) throw new Error(DOVECOT_MISSING);
  const user = opts.user ?? 'takedown';
  const pass = opts.pass ?? 'imap-test-secret';
  const dir = await mkdtemp(path.join(tmpdir(), 'dovecot-'));
  // mkdtemp makes 0700; dovenull and dovecot must traverse it, and the mail user must own its maildir.
  await chmod(dir, 0o755);
  for (const d of ['run', 'state', 'mail']) await mkdir(path.join(dir, d), { mode: 0o755 });
  await chown(path.join(dir, 'mail'), 8, 8);
  const port = await freePort();
  await writeFile(path.join(dir, 'passwd'), `${user}:{PLAIN}${pass}\n`, { mode: 0o644 });
  await writeFile(
    path.join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = takedown-test-${path.basename(dir)}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 8
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=8 gid=8 home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  const { stderr, stop } = spawnService(DOVECOT_BIN, ['-c', path.join(dir, 'dovecot.conf'), '-F'], dir);
  try {
    await greeting(port, Date.now() + 10_000);
  } catch (err) {
    const log = await readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '');
    await stop();
    throw new Error(`${(err as Error).message}\n${stderr()}\n${log}`, { cause: err });
  }
  return {
    port,
    user,
    pass,
    dir,
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    stop,
    log: () => readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => ''),
  };
}
