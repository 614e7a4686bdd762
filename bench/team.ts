/**
 * Issue 19, team mode (`npm run bench -- --only=team`; needs PostgreSQL and redis-server, as the team tests do):
 * private PostgreSQL and Redis, two team-server instances in this process, each bound on its own 127.0.0.1 port.
 *
 * - cached lookups/s: repeated-site and new-site-on-a-seen-network lookups with 16 in flight, through one instance
 *   and then split 8 + 8 across both (the new sites' network and domain facts come from Redis, not from memory).
 * - bulk requests: one batch of URLs split in halves sent to the two instances at once; RDAP requests counted at
 *   the loopback server against the bound of one request per distinct network and domain, as for one instance.
 * Both instances share this process and the machine's cores, so "two instances" measures the shared-state cost
 * (Redis round trips, locks), not extra CPU.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { loadConfig } from '../lib/server/config';
import { buildTeamServer, type TeamServer } from '../lib/server/team/team-server';
import { migrate } from '../lib/server/team/migrate';
import { addUser } from '../lib/server/team/users';
import pg from 'pg';
import type { Zone } from '../tests/helpers/loopback-dns';
import { BULK_NETWORKS, fixtureZone } from '../tests/helpers/loopback-fixture-zone';
import { startLoopbackStack } from '../tests/helpers/loopback-stack';
import { PG_BIN, startPostgres } from '../tests/helpers/postgres';
import { REDIS_BIN, startRedis } from '../tests/helpers/redis';
import { load } from './http-client';
import type { BenchOptions } from './options';
import { round, roundSpread, spread } from './stats';
import { fmtSpread, verdict, type Row, type SectionResult } from './table';

const CONCURRENCY = 16;
const REPEATED = '/v1/lookup?url=' + encodeURIComponent('https://www.google.com/watch/river-atlas');
const newSite = (i: number) => `t${i}.google.com`;
const newSitePath = (i: number) => '/v1/lookup?url=' + encodeURIComponent(`https://${newSite(i)}/read/${i}`);

async function listen(t: TeamServer): Promise<{ server: ServerType; port: number }> {
  const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  return { server, port: (server.address() as AddressInfo).port };
}

export async function runTeam(opts: BenchOptions): Promise<SectionResult> {
  if (!PG_BIN || !REDIS_BIN)
    throw new Error('team benchmark needs PostgreSQL and redis-server (.ci/run installs them)');
  const runs = opts.smoke ? 1 : 3;
  const count = opts.smoke ? 100 : 3000;
  const newCount = opts.smoke ? 40 : 1200;
  const bulkHosts = opts.smoke ? 30 : 200;
  const bulkUrls = opts.smoke ? 60 : 1000;
  const extra: Zone = {};
  const newNeeded = (runs + 1) * newCount * 2;
  for (let i = 0; i < newNeeded; i++) extra[newSite(i)] = { A: [`74.125.${100 + (i >> 8)}.${i & 255}`] };
  const hosts = Array.from({ length: bulkHosts }, (_, i) => `bulk${i}.to`);
  hosts.forEach((h, i) => (extra[h] = { A: [BULK_NETWORKS[i % BULK_NETWORKS.length]!(i)] }));
  const [db, redis, stack] = await Promise.all([
    startPostgres(),
    startRedis(),
    startLoopbackStack({ zone: fixtureZone(extra), timeoutMs: 8000 }),
  ]);
  stack.rdap.setLatency(opts.latencyMs);
  const env = {
    ...stack.env,
    TAKEDOWN_RATE_LIMIT: '1000000',
    TAKEDOWN_DATABASE_URL: db.url,
    TAKEDOWN_REDIS_URL: redis.url,
  };
  const servers: Array<{ server: ServerType; port: number }> = [];
  const instances: TeamServer[] = [];
  try {
    await migrate(db.url);
    const admin = new pg.Pool({ connectionString: db.url });
    const { token } = await addUser(admin, 'Bench', 'analyst');
    await admin.end();
    const headers = { authorization: `Bearer ${token}` };
    for (let k = 0; k < 2; k++) {
      const t = await buildTeamServer(
        loadConfig(env),
        { databaseUrl: db.url, redisUrl: redis.url, jobLockMs: 30_000 },
        { worker: false, log: () => {} },
      );
      t.deps.sleep = async () => {};
      instances.push(t);
      servers.push(await listen(t));
    }
    const [pa, pb] = [servers[0]!.port, servers[1]!.port];
    await instances[0]!.service.lookup('https://www.google.com/watch/river-atlas');
    let next = 0;
    const fresh = (k: number) => Array.from({ length: k }, () => newSitePath(next++));
    const one = { repeated: [] as number[], fresh: [] as number[] };
    const two = { repeated: [] as number[], fresh: [] as number[] };
    const perSecond = (n: number, ms: number) => (n / ms) * 1000;
    for (let r = -1; r < runs; r++) {
      const r1 = await load(pa, Array(count).fill(REPEATED), CONCURRENCY, headers);
      const f1 = await load(pa, fresh(newCount), CONCURRENCY, headers);
      const half = CONCURRENCY / 2;
      const r2 = await Promise.all([
        load(pa, Array(count / 2).fill(REPEATED), half, headers),
        load(pb, Array(count / 2).fill(REPEATED), half, headers),
      ]);
      const f2 = await Promise.all([
        load(pa, fresh(newCount / 2), half, headers),
        load(pb, fresh(newCount / 2), half, headers),
      ]);
      if (r < 0) continue;
      one.repeated.push(perSecond(count, r1.wallMs));
      one.fresh.push(perSecond(newCount, f1.wallMs));
      two.repeated.push(perSecond(count, Math.max(...r2.map((x) => x.wallMs))));
      two.fresh.push(perSecond(newCount, Math.max(...f2.map((x) => x.wallMs))));
    }

    // Bulk split across the instances: fresh Redis so the batch starts cold.
    await instances[0]!.redis.flushall();
    const ip0 = stack.rdap.requests.filter((q) => q.kind === 'ip' && q.status !== 302).length;
    const dom0 = stack.rdap.count({ kind: 'domain' });
    const urls = Array.from({ length: bulkUrls }, (_, k) => `https://${hosts[k % bulkHosts]}/file/${k}`);
    const halves = [urls.slice(0, bulkUrls / 2), urls.slice(bulkUrls / 2)];
    const t0 = performance.now();
    const answers = await Promise.all(
      halves.map(async (part, k) =>
        instances[k]!.app.request('/v1/lookup/batch', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ urls: part }),
        }),
      ),
    );
    const bulkMs = performance.now() - t0;
    if (answers.some((a) => a.status !== 200)) throw new Error('a bulk half failed');
    const ipRequests = stack.rdap.requests.filter((q) => q.kind === 'ip' && q.status !== 302).length - ip0;
    const domainRequests = stack.rdap.count({ kind: 'domain' }) - dom0;
    const bound = BULK_NETWORKS.length;

    const s = (xs: number[]) => roundSpread(spread(xs), 0);
    const rows: Row[] = [
      {
        section: 'team',
        figure: `repeated site: lookups/s, two instances (${CONCURRENCY} in flight)`,
        value: fmtSpread(s(two.repeated), 0, '/s'),
        comparison: `one instance ${fmtSpread(s(one.repeated), 0, '/s')}`,
        target: '—',
        verdict: 'n/a',
      },
      {
        section: 'team',
        figure: 'new site, seen network (Redis): lookups/s, two instances',
        value: fmtSpread(s(two.fresh), 0, '/s'),
        comparison: `one instance ${fmtSpread(s(one.fresh), 0, '/s')}`,
        target: '—',
        verdict: 'n/a',
      },
      {
        section: 'team',
        figure: `bulk ${bulkUrls} URLs split over two instances: RDAP IP answers`,
        value: String(ipRequests),
        comparison: `bound ${bound} (distinct networks); domain requests ${domainRequests}; ${round(bulkMs, 0)} ms`,
        target: `≤ ${bound}`,
        verdict: verdict(ipRequests, { max: bound }),
      },
    ];
    opts.log(
      `team: repeated ${s(one.repeated).median}/s one vs ${s(two.repeated).median}/s two; new site ${s(one.fresh).median}/s vs ${s(two.fresh).median}/s; bulk ${ipRequests} IP requests (bound ${bound})`,
    );
    return {
      keys: {
        teamCachedPerSecondOne: s(one.repeated).median,
        teamCachedPerSecondTwo: s(two.repeated).median,
        teamNewSitePerSecondOne: s(one.fresh).median,
        teamNewSitePerSecondTwo: s(two.fresh).median,
        teamBulkIpRequests: ipRequests,
        teamBulkIpBound: bound,
        teamBulkDomainRequests: domainRequests,
      },
      rows,
      details: {
        runs,
        concurrency: CONCURRENCY,
        requests: { repeated: count, newSite: newCount, bulkUrls, bulkHosts },
        one,
        two,
        bulkMs: round(bulkMs, 0),
        note: 'Both instances run in this process on a shared machine: the two-instance figure shows what shared state costs, not added CPU.',
      },
    };
  } finally {
    await Promise.all(servers.map((x) => new Promise<void>((r) => x.server.close(() => r()))));
    await Promise.allSettled(instances.map((t) => t.close()));
    await Promise.allSettled([db.stop(), redis.stop(), stack.close()]);
  }
}
