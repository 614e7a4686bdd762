/**
 * Issue 8 §2, cached lookup through the HTTP API: the real app (createApp + lookup service + SQLite cache in a
 * temporary file) bound with @hono/node-server on 127.0.0.1, driven by a keep-alive client in a worker thread.
 *
 * - repeated site: GET /v1/lookup?url=https://www.google.com/… after one lookup filled the cache (served by the
 *   service's in-process LRU in front of SQLite).
 * - new site on a seen network: each request names a host never seen before (m<i>.google.com, its own address
 *   in 74.125.0.0/16); DNS is asked afresh (loopback, no injected latency), the network comes from the
 *   SQLite range cache and the domain facts from the SQLite cache, so no RDAP request is made.
 * - comparison: GET /healthz on the same server and client, the floor of HTTP + Hono itself.
 * Latency = sequential requests (one in flight); throughput = 16 in flight.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Zone } from '../tests/helpers/loopback-dns';
import { fixtureZone } from '../tests/helpers/loopback-fixture-zone';
import { startLoopbackStack } from '../tests/helpers/loopback-stack';
import { load } from './http-client';
import type { BenchOptions } from './options';
import { percentile, round, roundSpread, spread, type Spread } from './stats';
import { fmtSpread, verdict, type Row, type SectionResult } from './table';

const CONCURRENCY = 16;
const REPEATED = '/v1/lookup?url=' + encodeURIComponent('https://www.google.com/watch/river-atlas');
const newSite = (i: number) => `m${i}.google.com`;
const newSitePath = (i: number) => '/v1/lookup?url=' + encodeURIComponent(`https://${newSite(i)}/read/${i}`);

interface Phase {
  p50: number;
  p99: number;
  perSecond: number;
}

async function measure(
  port: number,
  paths: (k: number) => string[],
  seqCount: number,
  loadCount: number,
): Promise<Phase> {
  const seq = await load(port, paths(seqCount), 1);
  const par = await load(port, paths(loadCount), CONCURRENCY);
  return {
    p50: percentile(seq.latencies, 50),
    p99: percentile(seq.latencies, 99),
    perSecond: (par.latencies.length / par.wallMs) * 1000,
  };
}

export async function runCachedLookup(opts: BenchOptions): Promise<SectionResult> {
  const runs = opts.smoke ? 1 : 3;
  const seqCount = opts.smoke ? 30 : 1000;
  const loadCount = opts.smoke ? 100 : 5000;
  const newSeq = opts.smoke ? 10 : 300;
  const newLoad = opts.smoke ? 40 : 1500;
  const hostsNeeded = (runs + 1) * (newSeq + newLoad);
  const extra: Zone = {};
  for (let i = 0; i < hostsNeeded; i++) extra[newSite(i)] = { A: [`74.125.${100 + (i >> 8)}.${i & 255}`] };
  const stack = await startLoopbackStack({ zone: fixtureZone(extra) });
  const dir = mkdtempSync(path.join(tmpdir(), 'takedown-bench-cache-'));
  const { app, service, cache } = stack.app({
    env: { TAKEDOWN_CACHE: path.join(dir, 'cache.sqlite'), TAKEDOWN_RATE_LIMIT: '1000000' },
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  try {
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    const port = (server.address() as AddressInfo).port;
    // Fill the caches: the repeated site, and one host on the network the new sites share.
    const first = await service.lookup('https://www.google.com/watch/river-atlas');
    if (first.errors.length) throw new Error(`warm-up lookup failed: ${JSON.stringify(first.errors)}`);
    let nextHost = 0;
    const fresh = (k: number) => Array.from({ length: k }, () => newSitePath(nextHost++));
    const health: Phase[] = [];
    const repeated: Phase[] = [];
    const newer: Phase[] = [];
    // Run -1 is an untimed warm-up (JIT, sockets, SQLite pages).
    for (let r = -1; r < runs; r++) {
      const h = await measure(port, (k) => Array(k).fill('/healthz'), seqCount, loadCount);
      const s = await measure(port, (k) => Array(k).fill(REPEATED), seqCount, loadCount);
      const n = await measure(port, fresh, newSeq, newLoad);
      if (r < 0) continue;
      health.push(h);
      repeated.push(s);
      newer.push(n);
    }
    const rdapAfterWarmup = stack.rdap.count({ kind: 'ip' }) + stack.rdap.count({ kind: 'domain' });
    const pick = (ps: Phase[], k: keyof Phase, digits: number) => roundSpread(spread(ps.map((p) => p[k])), digits);
    const s = {
      p50: pick(repeated, 'p50', 3),
      p99: pick(repeated, 'p99', 3),
      perSecond: pick(repeated, 'perSecond', 0),
    };
    const n = { p50: pick(newer, 'p50', 3), p99: pick(newer, 'p99', 3), perSecond: pick(newer, 'perSecond', 0) };
    const h = { p50: pick(health, 'p50', 3), p99: pick(health, 'p99', 3), perSecond: pick(health, 'perSecond', 0) };
    opts.log(
      `cached: repeated p50 ${s.p50.median} ms, ${s.perSecond.median}/s; new site p50 ${n.p50.median} ms, ${n.perSecond.median}/s; healthz ${h.p50.median} ms, ${h.perSecond.median}/s`,
    );
    const ms = (x: Spread) => fmtSpread(x, 2, ' ms');
    const rows: Row[] = [
      {
        section: 'cached lookup',
        figure: 'repeated site: p50 latency',
        value: ms(s.p50),
        comparison: `GET /healthz p50 ${ms(h.p50)}`,
        target: '≤ 2 ms',
        verdict: verdict(s.p50.median, { max: 2 }),
      },
      {
        section: 'cached lookup',
        figure: 'repeated site: p99 latency',
        value: ms(s.p99),
        comparison: `GET /healthz p99 ${ms(h.p99)}`,
        target: '—',
        verdict: 'n/a',
      },
      {
        section: 'cached lookup',
        figure: `repeated site: lookups/s (${CONCURRENCY} in flight)`,
        value: fmtSpread(s.perSecond, 0, '/s'),
        comparison: `GET /healthz ${fmtSpread(h.perSecond, 0, '/s')}`,
        target: '≥ 2,000/s',
        verdict: verdict(s.perSecond.median, { min: 2000 }),
      },
      {
        section: 'cached lookup',
        figure: 'new site, seen network: p50 / p99',
        value: `${ms(n.p50)} / p99 ${ms(n.p99)}`,
        comparison: `repeated site p50 ${s.p50.median.toFixed(2)} ms`,
        target: '—',
        verdict: 'n/a',
      },
      {
        section: 'cached lookup',
        figure: `new site, seen network: lookups/s (${CONCURRENCY} in flight)`,
        value: fmtSpread(n.perSecond, 0, '/s'),
        comparison: `repeated site ${s.perSecond.median}/s`,
        target: '—',
        verdict: 'n/a',
      },
    ];
    return {
      keys: {
        cachedP50Ms: s.p50.median,
        cachedP99Ms: s.p99.median,
        cachedPerSecond: s.perSecond.median,
        cachedNewSiteP50Ms: n.p50.median,
        cachedNewSiteP99Ms: n.p99.median,
        cachedNewSitePerSecond: n.perSecond.median,
        healthzP50Ms: h.p50.median,
        healthzPerSecond: h.perSecond.median,
      },
      rows,
      details: {
        runs,
        concurrency: CONCURRENCY,
        requests: { sequential: seqCount, load: loadCount, newSequential: newSeq, newLoad },
        repeated: s,
        newSite: n,
        healthz: h,
        rdapIpAndDomainRequestsInTotal: round(rdapAfterWarmup, 0),
        note: "Client in a worker thread of the same process (own event loop); server and client share the machine's cores. Repeated-site hits come from the in-process LRU in front of SQLite; new sites read network and domain facts from SQLite.",
      },
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    cache.close();
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
