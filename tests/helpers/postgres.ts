/**
 * A private PostgreSQL cluster for tests: `initdb` into a temp dir and `pg_ctl start` on 127.0.0.1 and a free port,
 * run as Debian's `postgres` user because PostgreSQL refuses to run as root. Trust auth on loopback only; the
 * socket directory is the temp dir, so nothing touches /var/run/postgresql.
 *
 *   if (!PG_BIN) it.skip(...);   const pg = await startPostgres();   pg.url → postgres://postgres@127.0.0.1:p/takedown
 *   await pg.restart();   // stop + start on the same port and data (for "PostgreSQL went away" tests)
 *   await pg.stop();      // the test's afterAll must call it
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitForPort } from './free-port';

const run = promisify(execFile);

/** Debian's versioned directory (newest first), then /usr/local/bin. */
function findBinDir(): string | null {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((x, y) => Number(y) - Number(x))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  return [...debian, '/usr/local/bin'].find((d) => existsSync(path.join(d, 'initdb'))) ?? null;
}

export const PG_BIN_DIR = findBinDir();
export const PG_BIN = PG_BIN_DIR;
export const PG_MISSING =
  'PostgreSQL (initdb, pg_ctl) is not installed (apt-get install postgresql; .ci/run installs it)';

export interface TestPostgres {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/takedown */
  url: string;
  stop(): Promise<void>;
  /** Fast stop then start again on the same port and data directory. */
  restart(): Promise<void>;
}

/** Runs a PostgreSQL binary as `postgres` when we are root (initdb refuses root), as ourselves otherwise. */
async function asPostgres(bin: string, args: string[]): Promise<string> {
  const full = path.join(PG_BIN_DIR!, bin);
  const root = userInfo().uid === 0;
  const { stdout } = root
    ? await run('runuser', ['-u', 'postgres', '--', full, ...args], { timeout: 60_000 })
    : await run(full, args, { timeout: 60_000 });
  return stdout;
}

export async function startPostgres(): Promise<TestPostgres> {
  if (!PG_BIN_DIR) throw new Error(PG_MISSING);
  const dir = await mkdtemp(path.join(tmpdir(), 'pg-'));
  const data = path.join(dir, 'data');
  const root = userInfo().uid === 0;
  if (root) {
    // The postgres user owns the cluster; 101/104 are only fallbacks when `id` cannot say.
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()) || 101, Number(gid.trim()) || 104);
  }
  await chmod(dir, 0o700);
  const port = await freePort();
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const opts = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`;
  const start = async () => {
    await asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', opts, '-w', '-t', '30', 'start']);
    await waitForPort(port, 10_000, 'PostgreSQL');
  };
  const stopServer = async () => {
    await asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']).catch(() => '');
  };
  await start();
  await asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'takedown']);
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/takedown`,
    restart: async () => {
      await stopServer();
      await start();
    },
    stop: async () => {
      await stopServer();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
