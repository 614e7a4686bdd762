/**
 * Soak (issue 14): mixed lookups through the real server (buildServerApp + startServer on 127.0.0.1, SQLite cache in
 * a temporary file) against the loopback DNS, RDAP and WHOIS servers while faults rotate every few seconds: a
 * hanging RIPE, a LACNIC 429 with Retry-After 3600, an oversized APNIC answer, ARIN 503s, DNS SERVFAILs. Reports
 * throughput, p50/p99 and RSS at start and end. Opt-in only (`npm run bench -- --only=soak`), never in the default
 * run. Duration: 600 s, or `--soak-seconds=N` / TAKEDOWN_SOAK_SECONDS=N for a quick check (smoke: 5 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../lib/server/config';
import { startServer } from '../lib/server/serve';
import { buildServerApp } from '../lib/server/server-app';
import { CLIENT_HEADERS } from '../tests/helpers/api-client';
import { FIXTURE_SITES, fixtureZone } from '../tests/helpers/loopback-fixture-zone';
import type { Zone } from '../tests/helpers/loopback-dns';
import type { RdapFault } from '../tests/helpers/loopback-rdap';
import { startLoopbackStack } from '../tests/helpers/loopback-stack';
import type { BenchOptions } from './options';
import { percentile, round } from './stats';
import type { SectionResult } from './table';

const CONCURRENCY = 8;
const FAULT_PERIOD_MS = 5_000;
const MAX_SECONDS = 3_600;

/** /24s inside fixture networks (ARIN, RIPE via ARIN, APNIC, LACNIC, AFRINIC), so new hosts hit every registry. */
const BLOCKS = ['13.64', '74.125', '104.16', '130.59', '62.239.237', '203.119.100', '200.40', '196.11.240'];

function soakSeconds(smoke: boolean): number {
  const flag = process.argv.find((a) => a.startsWith('--soak-seconds='))?.split('=')[1];
  const raw = flag ?? process.env.TAKEDOWN_SOAK_SECONDS;
  const n = raw !== undefined ? Number(raw) : smoke ? 5 : 600;
  if (!Number.isFinite(n) || n < 1 || n > MAX_SECONDS)
    throw new Error(`soak duration must be 1..${MAX_SECONDS} s, got ${raw}`);
  return n;
}

const FAULTS: Array<{ name: string; rdap?: RdapFault; dns?: boolean }> = [
  { name: 'none' },
  { name: 'RIPE hangs', rdap: { server: 'ripe', fault: 'timeout' } },
  { name: 'LACNIC 429, Retry-After 3600', rdap: { server: 'lacnic', fault: '429', retryAfter: 3600 } },
  { name: 'APNIC 3 MB answer', rdap: { server: 'apnic', kind: 'ip', fault: 'oversized', bytes: 3 * 1024 * 1024 } },
  { name: 'ARIN 503', rdap: { server: 'arin', fault: '503' } },
  { name: 'DNS SERVFAIL for new hosts', dns: true },
];

export async function runSoak(opts: BenchOptions): Promise<SectionResult> {
  const seconds = soakSeconds(opts.smoke);
  const extra: Zone = {};
  const newHosts: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const block = BLOCKS[i % BLOCKS.length];
    const octets = block!.split('.').length;
    const host = `soak-${i}.to`;
    extra[host] = { A: [octets === 3 ? `${block}.${(i % 200) + 20}` : `${block}.${i % 250}.${(i % 200) + 20}`] };
    newHosts.push(host);
  }
  const known = FIXTURE_SITES.map((s) => s.host);
  const stack = await startLoopbackStack({ zone: fixtureZone(extra), timeoutMs: 1000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'takedown-soak-'));
  const { app, cache } = buildServerApp(
    loadConfig({ ...stack.env, TAKEDOWN_CACHE: path.join(dir, 'cache.sqlite'), TAKEDOWN_TIMEOUT_MS: '1000' }),
  );
  const served = await startServer(app.fetch, { host: '127.0.0.1', port: 0 });
  stack.rdap.setLatency(opts.latencyMs);
  stack.dns.setLatency(opts.latencyMs);

  let faultIndex = 0;
  const rotate = () => {
    stack.rdap.clearFaults();
    stack.dns.clearFaults();
    const f = FAULTS[faultIndex++ % FAULTS.length];
    if (f!.rdap) stack.rdap.addFault(f!.rdap);
    if (f!.dns) stack.dns.addFault({ name: /^soak-\d*[05]\.to$/, fault: 'servfail' });
  };
  rotate();
  const rotation = setInterval(rotate, FAULT_PERIOD_MS);

  global.gc?.();
  const rssStart = process.memoryUsage().rss;
  const latencies: number[] = [];
  let failures = 0;
  let n = 0;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  opts.log(`soak: ${seconds} s, ${CONCURRENCY} clients, faults rotating every ${FAULT_PERIOD_MS / 1000} s`);
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < deadline) {
          const i = n++;
          // Two in three requests repeat a known site (cached), one in three is a host never seen before.
          const host = i % 3 === 2 ? newHosts[i % newHosts.length] : known[i % known.length];
          const t0 = performance.now();
          try {
            const res = await fetch(
              `http://127.0.0.1:${served.port}/v1/lookup?url=${encodeURIComponent(`https://${host}/soak/${i}`)}`,
              {
                headers: CLIENT_HEADERS,
                signal: AbortSignal.timeout(30_000),
              },
            );
            await res.arrayBuffer();
            if (res.status !== 200) failures++;
          } catch {
            failures++;
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
  } finally {
    clearInterval(rotation);
  }
  const wallS = (Date.now() - started) / 1000;
  const rssEnd = process.memoryUsage().rss;
  await served.close();
  cache.close();
  await stack.close();
  rmSync(dir, { recursive: true, force: true });

  const perSecond = round(latencies.length / wallS, 1);
  const p50 = round(percentile(latencies, 50), 2);
  const p99 = round(percentile(latencies, 99), 2);
  const mb = (b: number) => round(b / 1024 / 1024, 1);
  opts.log(
    `soak: ${latencies.length} lookups in ${wallS.toFixed(1)} s, ${failures} failed, p99 ${p99} ms, RSS ${mb(rssStart)} → ${mb(rssEnd)} MB`,
  );
  return {
    keys: {
      soakPerSecond: perSecond,
      soakP50Ms: p50,
      soakP99Ms: p99,
      soakRssStartMB: mb(rssStart),
      soakRssEndMB: mb(rssEnd),
      soakFailures: failures,
    },
    rows: [
      {
        section: 'soak',
        figure: `${seconds} s of mixed lookups with rotating faults: lookups/s`,
        value: String(perSecond),
        comparison: `${latencies.length} lookups, ${failures} HTTP failures`,
        target: '—',
        verdict: 'n/a',
      },
      {
        section: 'soak',
        figure: 'latency p50 / p99',
        value: `${p50} ms / ${p99} ms`,
        comparison: `lookup deadline ${3 * 1000} ms`,
        target: '—',
        verdict: 'n/a',
      },
      {
        section: 'soak',
        figure: 'RSS start → end',
        value: `${mb(rssStart)} → ${mb(rssEnd)} MB`,
        comparison: 'same process as the server and the loopback servers',
        target: '—',
        verdict: 'n/a',
      },
    ],
    details: {
      seconds,
      wallS,
      concurrency: CONCURRENCY,
      faultPeriodMs: FAULT_PERIOD_MS,
      faults: FAULTS.map((f) => f.name),
      lookups: latencies.length,
      failures,
      rssStart,
      rssEnd,
    },
  };
}
