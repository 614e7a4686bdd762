/**
 * A team-server test rig: private PostgreSQL and Redis (tests/helpers/postgres.ts, redis.ts), the loopback
 * DNS/RDAP/WHOIS stack, and any number of backend instances built in this process against them (each with its
 * own memory, as separate processes would have). Instances share nothing but PostgreSQL and Redis.
 *
 *   const rig = await startTeamRig();   const a = await rig.instance();   const b = await rig.instance();
 *   const admin = await rig.addUser('Ada', 'admin');   await a.app.request('/v1/team/me', rig.auth(admin.token));
 *   await rig.close();
 */
import pg from 'pg';
import { loadConfig } from '../../lib/server/config';
import { buildTeamServer, type TeamServer } from '../../lib/server/team/team-server';
import { addUser } from '../../lib/server/team/users';
import { migrate } from '../../lib/server/team/migrate';
import { teamConfigFromEnv } from '../../lib/server/team/team-config';
import type { MailService } from '../../lib/server/mail/mail-service';
import type { Role } from '../../lib/team/schema';
import { startLoopbackStack, type LoopbackStack } from './loopback-stack';
import { BULK_NETWORKS, fixtureZone } from './loopback-fixture-zone';
import type { Zone } from './loopback-dns';
import { afterAll, beforeAll } from 'vitest';
import { PG_BIN, startPostgres, type TestPostgres } from './postgres';
import { REDIS_BIN, startRedis, type TestRedis } from './redis';

/** Hosts bulk0.to … bulk59.to spread over the six BULK_NETWORKS (RIPE, ARIN, LACNIC, APNIC, AFRINIC, Google). */
export const BULK_HOSTS = Array.from({ length: 60 }, (_, i) => `bulk${i}.to`);
const bulkZone: Zone = Object.fromEntries(
  BULK_HOSTS.map((h, i) => [h, { A: [BULK_NETWORKS[i % BULK_NETWORKS.length]!(i)] }]),
);

export interface TeamRig {
  pg: TestPostgres;
  redis: TestRedis;
  stack: LoopbackStack;
  /** The TAKEDOWN_* environment of an instance of this team (loopback stack + database + Redis). */
  env: Record<string, string>;
  instance(opts?: {
    env?: Record<string, string>;
    worker?: boolean;
    /** SMTP/IMAP for /v1/send and /v1/replies (absent: those routes are not mounted). */
    mail?: MailService;
    requestBudgets?: Record<string, { perMinute: number; burst?: number }>;
  }): Promise<TeamServer>;
  addUser(name: string, role: Role): Promise<{ token: string; tokenId: number; user: { id: number; name: string } }>;
  auth(token: string, init?: RequestInit): RequestInit;
  close(): Promise<void>;
}

export async function startTeamRig(): Promise<TeamRig> {
  const [pgServer, redis, stack] = await Promise.all([
    startPostgres(),
    startRedis(),
    startLoopbackStack({ zone: fixtureZone(bulkZone), timeoutMs: 5000 }),
  ]);
  const env = {
    ...stack.env,
    TAKEDOWN_DATABASE_URL: pgServer.url,
    TAKEDOWN_REDIS_URL: redis.url,
    TAKEDOWN_JOB_LOCK_MS: '2000',
  };
  // Users may be added before the first instance starts (which would migrate too).
  await migrate(pgServer.url);
  const instances: TeamServer[] = [];
  const admin = new pg.Pool({ connectionString: pgServer.url });
  admin.on('error', () => {});
  return {
    pg: pgServer,
    redis,
    stack,
    env,
    async instance(opts = {}) {
      const e = { ...env, ...opts.env };
      // The same parsing as `npm run server`, so team variables (TAKEDOWN_BLOB_DIR, …) reach the instance.
      const built = await buildTeamServer(loadConfig(e), teamConfigFromEnv(e)!, {
        worker: opts.worker ?? false,
        log: () => {},
        requestBudgets: opts.requestBudgets,
        mail: opts.mail,
      });
      // Tests must not wait out real Retry-After values.
      built.deps.sleep = async () => {};
      instances.push(built);
      return built;
    },
    addUser: (name, role) => addUser(admin, name, role),
    auth(token, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return { ...init, headers };
    },
    async close() {
      // An instance whose Redis was stopped by the test may not close cleanly; it must not hold the suite.
      const bounded = (p: Promise<unknown>) => Promise.race([p, new Promise((r) => setTimeout(r, 5000))]);
      await Promise.allSettled(instances.map((i) => bounded(i.close())));
      await admin.end().catch(() => undefined);
      await Promise.allSettled([pgServer.stop(), redis.stop(), stack.close()]);
    },
  };
}

/** PostgreSQL and Redis binaries are both here; team tests skip (with a warning) otherwise. */
export const TEAM_SERVICES = !!PG_BIN && !!REDIS_BIN;

/**
 * Registers the file's rig with two instances A and B, started before its tests and stopped after them; the fields
 * are filled in by the time a test runs (nothing is started when the services are missing).
 */
export function twoInstanceRig(): { rig: TeamRig; a: TeamServer; b: TeamServer } {
  const ctx = {} as { rig: TeamRig; a: TeamServer; b: TeamServer };
  beforeAll(async () => {
    if (!TEAM_SERVICES) return;
    ctx.rig = await startTeamRig();
    [ctx.a, ctx.b] = [await ctx.rig.instance(), await ctx.rig.instance()];
  }, 120_000);
  afterAll(async () => {
    await ctx.rig?.close();
  }, 60_000);
  return ctx;
}
