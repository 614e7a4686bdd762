/**
 * A bulk job belongs to the team, not to the instance that accepted it: instance A (a real `npm run server`
 * process in team mode) takes a batch and is killed with SIGKILL halfway; instance B, started afterwards on the
 * same PostgreSQL and Redis, picks the job up once A's lock lapses and finishes it without redoing the chunks A
 * had already stored. A graceful stop (SIGTERM) hands the job back after the current chunk instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PG_BIN } from '../../helpers/postgres';
import { REDIS_BIN } from '../../helpers/redis';
import { freePort } from '../../helpers/free-port';
import { startTeamRig, type TeamRig } from '../../helpers/team-stack';

const ready = !!PG_BIN && !!REDIS_BIN;
let rig: TeamRig;
let child: ChildProcess | undefined;

beforeAll(async () => {
  if (ready) rig = await startTeamRig();
}, 120_000);
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rig?.close();
}, 60_000);

async function startInstanceProcess(port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'lib/server/main.ts'], {
    env: { ...process.env, ...rig.env, TAKEDOWN_PORT: String(port), TAKEDOWN_HOST: '127.0.0.1', VITEST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance A did not start: ${out}`)), 30_000);
    const seen = (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout.on('data', seen);
    proc.stderr.on('data', seen);
    proc.once('exit', (code) => reject(new Error(`instance A exited (${code}): ${out}`)));
  });
  return proc;
}

interface JobStatus {
  state: string;
  done: number;
  total: number;
}

async function jobHalfDoneOnA(name: string, prefix: string) {
  const { token } = await rig.addUser(name, 'analyst');
  // Slow DNS so the batch is still running when A is stopped (each chunk of 50 hosts takes a few hundred ms).
  rig.stack.dns.setLatency(150);
  const urls = Array.from({ length: 400 }, (_, i) => `https://${prefix}${i}.mirror-site.to/file/${i}`);
  const port = await freePort();
  child = await startInstanceProcess(port);
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const added = await fetch(`${base}/v1/team/jobs`, { method: 'POST', headers, body: JSON.stringify({ urls }) });
  expect(added.status).toBe(202);
  const { id } = (await added.json()) as { id: string };
  let status: JobStatus | undefined;
  for (let i = 0; i < 300; i++) {
    status = (await (await fetch(`${base}/v1/team/jobs/${id}`, { headers })).json()) as JobStatus;
    if (status.done >= 50) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(status!.done).toBeGreaterThanOrEqual(50);
  expect(status!.done).toBeLessThan(urls.length);
  return { token, urls, id, proc: child, done: status!.done };
}

async function finishOnB(token: string, id: string) {
  const b = await rig.instance({ worker: true });
  rig.stack.dns.setLatency(0);
  let status: JobStatus | undefined;
  for (let i = 0; i < 600; i++) {
    status = (await (await b.app.request(`/v1/team/jobs/${id}`, rig.auth(token))).json()) as JobStatus;
    if (status.state === 'completed') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { b, status: status! };
}

test.skipIf(!ready)(
  'a bulk job started on instance A survives kill -9 of A and finishes on instance B',
  async () => {
    const { token, urls, id, proc, done: doneByA } = await jobHalfDoneOnA('Bulk Analyst', 'h');
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));
    const queriesBefore = rig.stack.dns.queries.length;
    const { b, status } = await finishOnB(token, id);
    expect(status).toMatchObject({ state: 'completed', done: urls.length, total: urls.length });
    const items = (await (
      await b.app.request(`/v1/team/jobs/${id}/items?offset=0&limit=1000`, rig.auth(token))
    ).json()) as {
      items: Array<{ url: string; result: unknown; error: unknown }>;
    };
    expect(items.items.map((x) => x.url)).toEqual(urls);
    expect(items.items.every((x) => x.result !== null || x.error !== null)).toBe(true);
    // B looked up only what A had not stored: no DNS query for a host of an item A finished.
    const finishedByA = new Set(urls.slice(0, doneByA).map((u) => new URL(u).hostname));
    const redone = rig.stack.dns.queries.slice(queriesBefore).filter((q) => finishedByA.has(q.name));
    expect(redone).toEqual([]);
    // B's worker must not take the next test's job.
    await b.close();
  },
  120_000,
);

test.skipIf(!ready)(
  'a graceful stop (SIGTERM) hands the running job back after its chunk; another instance finishes it',
  async () => {
    const { token, urls, id, proc } = await jobHalfDoneOnA('Polite Analyst', 'p');
    const stoppedAt = Date.now();
    proc.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => proc.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    // A did not hold its stop until the whole batch was done: the job is back in the queue, unfinished.
    const watcher = await rig.instance();
    const handedBack = (await (await watcher.app.request(`/v1/team/jobs/${id}`, rig.auth(token))).json()) as JobStatus;
    expect(['waiting', 'delayed', 'prioritized']).toContain(handedBack.state);
    expect(handedBack.done).toBeLessThan(urls.length);
    const { status } = await finishOnB(token, id);
    expect(status).toMatchObject({ state: 'completed', done: urls.length, total: urls.length });
  },
  120_000,
);
