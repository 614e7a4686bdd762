/**
 * A private redis-server for tests (Debian's redis-server): 127.0.0.1 only, a free port, no persistence, its
 * working directory a temp dir removed on stop.
 *
 *   if (!REDIS_BIN) it.skip(...);   const redis = await startRedis();   redis.url → redis://127.0.0.1:p
 *   await redis.stop();   // the test's afterAll must call it, or an orphan keeps running
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnService } from './child-service';
import { freePort, waitForPort } from './free-port';

export const REDIS_BIN = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? null;
export const REDIS_MISSING = 'redis-server is not installed (apt-get install redis-server; .ci/run installs it)';

export interface TestRedis {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  if (!REDIS_BIN) throw new Error(REDIS_MISSING);
  const dir = await mkdtemp(path.join(tmpdir(), 'redis-'));
  const port = await freePort();
  const { stderr, stop } = spawnService(
    REDIS_BIN,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    dir,
  );
  try {
    await waitForPort(port, 10_000, 'redis-server');
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}: ${stderr()}`, { cause: err });
  }
  return { port, url: `redis://127.0.0.1:${port}`, stop };
}
