/**
 * Issue 8 §3, bulk: 1,000 URLs (5 paths on each of 200 hosts, one host per domain) spread over 50 address
 * blocks, sent as one POST /v1/lookup/batch to the real app against the loopback servers with latency.
 *
 * The bench zone: 200 domains (50 each under .com, .net, .fr and .no, which the bootstrap sends to four
 * registry servers; none has a record, so each costs exactly one domain RDAP query answered 404) and 50 /24
 * blocks inside eleven IPv4 fixture networks. RDAP answers per fixture network, so "distinct networks" are
 * the networks the loopback RDAP actually returned, counted from the batch's results (stats.networks).
 *
 * Requests: every non-bootstrap RDAP request the loopback saw (redirects included) against the bound
 * distinct networks + distinct domains. Wall: the batch against the bound at the configured concurrency:
 * DNS + bootstrap round trip, then ceil(requests / maxPerServer) waves of one RDAP request each, timed as bare
 * requests in the same run. On loopback every RDAP server shares one origin (127.0.0.1:port), so the
 * per-server limit caps all RDAP traffic at once; in production it applies per registry.
 */
import { Resolver } from 'node:dns/promises';
import { CLIENT_HEADERS } from '../tests/helpers/api-client';
import type { Zone } from '../tests/helpers/loopback-dns';
import { fixtureZone } from '../tests/helpers/loopback-fixture-zone';
import { startLoopbackStack } from '../tests/helpers/loopback-stack';
import type { BenchOptions } from './options';
import { roundSpread, spread, timeAsync } from './stats';
import { fmtSpread, verdict, type SectionResult } from './table';

/** /24 blocks per fixture network: [first three octets of the first block, how many consecutive blocks]. */
const BLOCKS: Array<[string, number, number]> = [
  ['104.16', 0, 8], // Cloudflare NET-104-16-0-0-1 (ARIN)
  ['13.64', 0, 8], // Microsoft (ARIN)
  ['74.125', 0, 6], // Google (ARIN)
  ['130.59', 0, 6], // SWITCH (RIPE, via an ARIN redirect: the 2019 bootstrap lists 130/8 at ARIN)
  ['210.107', 0, 5], // SK Broadband (APNIC/KRNIC)
  ['200.40', 0, 5], // ANTEL (LACNIC)
  ['203.119', 100, 4], // APNIC services
  ['192.198', 0, 3], // Radiolink (ARIN)
  ['200.3', 12, 3], // LACNIC's own space
  ['62.239', 237, 1], // BT (RIPE)
  ['1.1', 1, 1], // APNIC labs
];
const TLDS = ['com', 'net', 'fr', 'no'];

export interface BulkSpec {
  urls: string[];
  domains: number;
  blocks: number;
  zone: Zone;
}

/** `domains` hosts, each with `urls / domains` paths, host i on block i mod `blocks`. */
export function bulkSpec(urlCount: number, domains: number, blocks: number): BulkSpec {
  const all = BLOCKS.flatMap(([prefix, start, n]) => Array.from({ length: n }, (_, k) => `${prefix}.${start + k}`));
  if (blocks > all.length) throw new Error(`at most ${all.length} blocks`);
  const zone: Zone = {};
  const hosts: string[] = [];
  for (let i = 0; i < domains; i++) {
    const host = `www.bulk-${i}.${TLDS[i % TLDS.length]}`;
    zone[host] = { A: [`${all[i % blocks]}.${10 + Math.floor(i / blocks)}`] };
    hosts.push(host);
  }
  const urls = Array.from(
    { length: urlCount },
    (_, u) => `https://${hosts[u % domains]}/watch/${Math.floor(u / domains)}`,
  );
  return { urls, domains, blocks, zone };
}

export async function runBulk(opts: BenchOptions): Promise<SectionResult> {
  const runs = opts.smoke ? 1 : 3;
  const spec = opts.smoke ? bulkSpec(100, 20, 10) : bulkSpec(1000, 200, 50);
  const stack = await startLoopbackStack({ zone: fixtureZone(spec.zone), timeoutMs: 10_000 });
  try {
    const rdapBase = stack.env.TAKEDOWN_RDAP_BOOTSTRAP!.replace(/bootstrap\/$/, '');
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([stack.dns.server]);
    const get = async (url: string) => {
      const res = await fetch(url);
      await res.arrayBuffer();
    };
    const walls: number[] = [];
    const bounds: number[] = [];
    const ratios: number[] = [];
    const requestCounts: number[] = [];
    const networkCounts: number[] = [];
    let breakdown: Record<string, number> = {};
    let config = { concurrency: 32, maxPerServer: 4 };
    let failed = 0;
    for (let r = -1; r < runs; r++) {
      stack.rdap.reset();
      stack.rdap.setLatency(opts.latencyMs);
      stack.dns.reset();
      stack.dns.setLatency(opts.latencyMs);
      const { app, deps, cache } = stack.app();
      config = { concurrency: 32, maxPerServer: deps.maxPerServer ?? 4 };
      const t = await timeAsync(async () => {
        const res = await app.request('/v1/lookup/batch', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...CLIENT_HEADERS },
          body: JSON.stringify({ urls: spec.urls }),
        });
        if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${await res.text()}`);
        return (await res.json()) as { stats: { urls: number; hosts: number; networks: number; failed: number } };
      });
      cache.close();
      const rdapRequests = stack.rdap.requests.filter((q) => q.kind !== 'bootstrap');
      // Bare requests at the same latency: one DNS query, one bootstrap file, one RDAP query (medians of 5).
      const dnsMs = spread(
        await Promise.all(
          [0, 1, 2, 3, 4].map(async () => (await timeAsync(() => resolver.resolve4('www.bulk-0.com'))).ms),
        ),
      ).median;
      const bareReq = async (p: string) => {
        const xs: number[] = [];
        for (let i = 0; i < 5; i++) xs.push((await timeAsync(() => get(`${rdapBase}${p}`))).ms);
        return spread(xs).median;
      };
      const bootMs = await bareReq('bootstrap/ipv4.json');
      const reqMs = await bareReq('verisign-com/domain/bulk-0.com');
      if (r < 0) continue;
      const requests = rdapRequests.length;
      const networks = t.value.stats.networks;
      // The registry lookups all go through one origin on loopback: `maxPerServer` at a time, each wave ≥ one request.
      const rdapBound = dnsMs + bootMs + Math.ceil(requests / config.maxPerServer) * reqMs;
      const gateBound = Math.ceil(t.value.stats.hosts / config.concurrency) * (dnsMs + 2 * reqMs);
      const bound = Math.max(rdapBound, gateBound);
      walls.push(t.ms);
      bounds.push(bound);
      ratios.push(t.ms / bound);
      requestCounts.push(requests);
      networkCounts.push(networks);
      failed = t.value.stats.failed;
      breakdown = {};
      for (const q of rdapRequests)
        breakdown[`${q.server} ${q.kind} ${q.status}`] = (breakdown[`${q.server} ${q.kind} ${q.status}`] ?? 0) + 1;
    }
    const requests = spread(requestCounts).median;
    const networks = spread(networkCounts).median;
    const requestBound = networks + spec.domains;
    const redirects = Object.entries(breakdown)
      .filter(([k]) => / 30\d$/.test(k))
      .reduce((n, [, v]) => n + v, 0);
    const ratio = roundSpread(spread(ratios));
    const wall = roundSpread(spread(walls), 0);
    const bound = roundSpread(spread(bounds), 0);
    opts.log(
      `bulk: ${requests} RDAP requests vs ${requestBound} (${networks} networks + ${spec.domains} domains); wall ${wall.median} ms vs bound ${bound.median} ms`,
    );
    const label = `${spec.urls.length} URLs, ${spec.domains} domains, ${spec.blocks} /24 blocks`;
    return {
      keys: {
        bulkRequests: requests,
        bulkRequestBound: requestBound,
        bulkWallRatio: ratio.median,
        bulkWallMs: wall.median,
        bulkNetworks: networks,
      },
      rows: [
        {
          section: 'bulk',
          figure: `${label}: RDAP requests`,
          value: fmtSpread(roundSpread(spread(requestCounts), 0), 0),
          comparison: `${networks} networks (as RDAP returned them) + ${spec.domains} domains = ${requestBound}; of the requests, ${redirects} were registry redirects`,
          target: '= bound',
          verdict: requests <= requestBound ? 'ok' : 'over',
        },
        {
          section: 'bulk',
          figure: `${label}: wall ÷ bound (${opts.latencyMs} ms/request)`,
          value: fmtSpread(ratio, 2),
          comparison: `wall ${fmtSpread(wall, 0, ' ms')} vs ${fmtSpread(bound, 0, ' ms')} at ${config.maxPerServer} RDAP requests in flight`,
          target: '≤ 1.5',
          verdict: verdict(ratio.median, { max: 1.5 }),
        },
      ],
      details: {
        runs,
        urls: spec.urls.length,
        domains: spec.domains,
        addressBlocks: spec.blocks,
        networksReturned: networks,
        networksNote:
          'distinct networks = the distinct RDAP network objects the loopback returned for the batch (stats.networks), not the 50 /24 blocks the hosts were spread over',
        requests: roundSpread(spread(requestCounts), 0),
        requestBound,
        redirects,
        requestBreakdown: breakdown,
        failedItems: failed,
        wallMs: wall,
        boundMs: bound,
        ratio,
        config,
        boundFormula:
          'max(DNS + bootstrap + ceil(requests / maxPerServer) × one RDAP request, ceil(hosts / concurrency) × (DNS + 2 RDAP requests)), each timed as a bare request in the same run',
        perRequestNote: `latency ${opts.latencyMs} ms per DNS query and RDAP request`,
      },
    };
  } finally {
    await stack.close();
  }
}
