/**
 * The backend in team mode: the same app and lookup core as the single-user default, with every piece of state
 * moved out of the process: the lookup cache, whole results, single-flight locks, rate-limit buckets and bulk jobs
 * in Redis; users, tokens, notices, events, evidence and the audit log in PostgreSQL (migrated at start, under a
 * lock, so instances may start together). Any number of instances can serve one team behind a load balancer.
 */
import type { MiddlewareHandler } from 'hono';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createApp } from '../app';
import { configAppDeps } from '../server-app';
import type { ServerConfig } from '../config';
import { lookupTarget } from '../../lookup';
import { buildLookupDeps } from '../deps';
import { createLookupService } from '../lookup-service';
import type { MailService } from '../mail/mail-service';
import type { TimestampService } from '../tsa/service';
import { auditResult } from './audit';
import { dirBlobStore, pgBlobStore } from './blob-store';
import { createBulkQueue } from './bulk-queue';
import { migrate } from './migrate';
import { redisBucketStore } from './redis-buckets';
import { RedisLookupCache } from './redis-cache';
import { roleGuard } from './role-guard';
import { teamRoutes } from './routes';
import { createSharedFlight } from './single-flight';
import { teamAuth } from './team-auth';
import { teamBudgetFetch } from './team-budget-fetch';
import { teamRangeFetch } from './team-range-fetch';
import { DEFAULT_BUDGETS, type Budget } from '../../lookup';
import type { TeamConfig } from './team-config';

export interface TeamServerOptions {
  now?: () => Date;
  mail?: MailService;
  timestamp?: TimestampService;
  /** False: this instance enqueues bulk jobs but runs none (tests). */
  worker?: boolean;
  log?: (line: string) => void;
  /** Registry budgets (host → per minute), over the core's DEFAULT_BUDGETS; held team-wide in Redis. */
  requestBudgets?: Record<string, Budget>;
}

export async function buildTeamServer(config: ServerConfig, team: TeamConfig, opts: TeamServerOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((l: string) => console.warn(l));
  await migrate(team.databaseUrl);
  const db = new pg.Pool({ connectionString: team.databaseUrl, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client whose server went away emits here; the next query reconnects, so this is only logged.
  db.on('error', (err) => log(`[takedown] PostgreSQL connection lost: ${err.message}`));
  const tableBlobs = pgBlobStore(db);
  const blobs = team.blobDir
    ? await dirBlobStore(team.blobDir, tableBlobs).catch(async (err: unknown) => {
        await db.end();
        throw err;
      })
    : tableBlobs;
  // Commands fail at once while Redis is down (no offline queue), so a lookup falls back to the registries
  // instead of waiting; the connection keeps retrying in the background.
  const redis = new Redis(team.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
  await redis.connect();
  redis.on('error', () => {});
  const subscriber = redis.duplicate();
  subscriber.on('error', () => {});
  const queueConn = new Redis(team.redisUrl, { maxRetriesPerRequest: null });
  queueConn.on('error', () => {});

  const { deps, cache: local } = buildLookupDeps(config, now, new RedisLookupCache(redis), (f) =>
    teamRangeFetch(f, { redis }),
  );
  const budgets = { ...DEFAULT_BUDGETS, ...opts.requestBudgets };
  deps.requestBudgets = budgets;
  deps.fetch = teamBudgetFetch(deps.fetch, {
    store: redisBucketStore(redis),
    budgets,
    now: () => Date.now(),
    maxWaitMs: config.timeoutMs,
  });
  const service = createLookupService({
    lookup: lookupTarget,
    deps,
    shared: createSharedFlight({ redis, subscriber, lockMs: Math.max(15_000, config.timeoutMs * 3) }),
  });
  const jobs = createBulkQueue({
    connection: queueConn,
    redis,
    service,
    lockMs: team.jobLockMs,
    work: opts.worker !== false,
  });

  // Each probe answers within a second: a health check that hangs on a dead service tells nobody anything.
  const probe = <T>(p: Promise<T>): Promise<T | string> =>
    Promise.race([
      p.catch((e: Error) => `down: ${e.message}`),
      new Promise<string>((r) => setTimeout(() => r('down: no answer within 1 s'), 1000).unref()),
    ]);
  const health = async () => {
    const [database, cacheState, queue, blobState] = await Promise.all([
      probe(db.query('SELECT 1').then(() => 'ok')),
      probe(redis.ping().then(() => 'ok')),
      probe(jobs.counts()),
      probe(blobs.check().then(() => 'ok')),
    ]);
    return { database, redis: cacheState, queue, blobs: { store: blobs.describe, state: blobState } };
  };

  const app = createApp({
    now,
    lookup: service,
    ...configAppDeps(config),
    mail: opts.mail,
    timestamp: opts.timestamp,
    team: {
      auth: teamAuth(db, now),
      routes: teamRoutes({ db, jobs, blobs }),
      role: roleGuard(db),
      audited: (action) => auditResult(db, action) as MiddlewareHandler,
      buckets: redisBucketStore(redis),
      health,
    },
  });

  /** Graceful stop: the bulk worker hands its job back after the current chunk, then connections close. */
  const close = async () => {
    await jobs.close();
    subscriber.disconnect();
    redis.disconnect();
    queueConn.disconnect();
    await db.end();
    local.close();
  };
  return { app, service, deps, db, redis, jobs, blobs, close };
}
export type TeamServer = Awaited<ReturnType<typeof buildTeamServer>>;
