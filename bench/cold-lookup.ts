/**
 * Issue 8 §1, cold lookup: a full lookup of www.google.com (DNS, Team Cymru ASN, IP RDAP, Verisign domain RDAP,
 * MarkMonitor registrar RDAP) against the loopback DNS and RDAP servers, each answering after an injected
 * latency, compared with the critical path: the dependent round trips timed as a bare request chain in the
 * same run (node:dns then fetch, one after the other, no lookup code in between).
 *
 * Two variants, each on a fresh app (empty caches) per run:
 * - "bootstrap cached" (coldLookupRatio): the app first looks up bt-host.to, which loads the dns, ipv4 and ipv6
 *   bootstrap files and nothing google.com needs. Chain: DNS A → registry RDAP → registrar RDAP (3 trips).
 * - "first lookup": nothing cached. Chain: DNS A → dns.json → registry RDAP → registrar RDAP (4 trips).
 * The IP branch (DNS → ip RDAP, Cymru TXT) is shorter and must hide inside the chain.
 */
import { Resolver } from 'node:dns/promises';
import { startLoopbackStack } from '../tests/helpers/loopback-stack';
import type { BenchOptions } from './options';
import { round, roundSpread, spread, timeAsync } from './stats';
import { fmtSpread, verdict, type SectionResult } from './table';

const SITE = 'https://www.google.com/watch/river-atlas';
const WARMUP_SITE = 'https://bt-host.to/';

export async function runColdLookup(opts: BenchOptions): Promise<SectionResult> {
  const runs = opts.smoke ? 2 : 9;
  const stack = await startLoopbackStack({ timeoutMs: 5000 });
  try {
    stack.dns.setLatency(opts.latencyMs);
    stack.rdap.setLatency(opts.latencyMs);
    const rdapBase = stack.env.TAKEDOWN_RDAP_BOOTSTRAP!.replace(/bootstrap\/$/, '');
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([stack.dns.server]);
    const get = async (url: string) => {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`bare chain: ${url} answered ${res.status}`);
    };
    // The same requests the lookup's critical path makes, strictly one after the other.
    const chain = async (withBootstrap: boolean) => {
      await resolver.resolve4('www.google.com');
      if (withBootstrap) await get(`${rdapBase}bootstrap/dns.json`);
      await get(`${rdapBase}verisign-com/domain/google.com`);
      await get(`${rdapBase}markmonitor/domain/GOOGLE.COM`);
    };

    const warm: number[] = [];
    const first: number[] = [];
    const chain3: number[] = [];
    const chain4: number[] = [];
    const requests: Record<string, number> = {};
    // One untimed round of everything, so JIT compilation is not charged to the first run.
    for (let r = -1; r < runs; r++) {
      const a = stack.app();
      await a.service.lookup(WARMUP_SITE);
      stack.rdap.reset();
      stack.rdap.setLatency(opts.latencyMs);
      const t = await timeAsync(() => a.service.lookup(SITE));
      if (t.value.errors.length) throw new Error(`cold lookup reported errors: ${JSON.stringify(t.value.errors)}`);
      for (const q of stack.rdap.requests)
        requests[`${q.server}:${q.kind}`] = (requests[`${q.server}:${q.kind}`] ?? 0) + (r >= 0 ? 1 / runs : 0);
      const b = stack.app();
      const f = await timeAsync(() => b.service.lookup(SITE));
      const c3 = await timeAsync(() => chain(false));
      const c4 = await timeAsync(() => chain(true));
      a.cache.close();
      b.cache.close();
      if (r < 0) continue;
      warm.push(t.ms);
      first.push(f.ms);
      chain3.push(c3.ms);
      chain4.push(c4.ms);
    }
    const ratios = warm.map((ms, i) => ms / chain3[i]!);
    const firstRatios = first.map((ms, i) => ms / chain4[i]!);
    const ratio = roundSpread(spread(ratios));
    const firstRatio = roundSpread(spread(firstRatios));
    const warmMs = roundSpread(spread(warm), 1);
    const firstMs = roundSpread(spread(first), 1);
    const c3 = roundSpread(spread(chain3), 1);
    const c4 = roundSpread(spread(chain4), 1);
    opts.log(
      `cold lookup: ${warmMs.median} ms vs chain ${c3.median} ms (ratio ${ratio.median}); first lookup ${firstMs.median} ms vs ${c4.median} ms`,
    );
    return {
      keys: { coldLookupRatio: ratio.median, coldLookupMs: warmMs.median, coldLookupFirstRatio: firstRatio.median },
      rows: [
        {
          section: 'cold lookup',
          figure: `www.google.com, bootstrap cached, ${opts.latencyMs} ms/request: lookup ÷ chain`,
          value: fmtSpread(ratio, 2),
          comparison: `lookup ${fmtSpread(warmMs, 0, ' ms')} vs bare chain of 3 trips ${fmtSpread(c3, 0, ' ms')}`,
          target: '≤ 1.2',
          verdict: verdict(ratio.median, { max: 1.2 }),
        },
        {
          section: 'cold lookup',
          figure: 'same, nothing cached (first lookup)',
          value: fmtSpread(firstRatio, 2),
          comparison: `lookup ${fmtSpread(firstMs, 0, ' ms')} vs bare chain of 4 trips ${fmtSpread(c4, 0, ' ms')}`,
          target: '—',
          verdict: 'n/a',
        },
      ],
      details: {
        site: SITE,
        latencyMs: opts.latencyMs,
        runs,
        ratio,
        firstRatio,
        lookupMs: warmMs,
        firstLookupMs: firstMs,
        chain3Ms: c3,
        chain4Ms: c4,
        chain3: 'DNS A www.google.com → GET verisign-com/domain/google.com → GET markmonitor/domain/GOOGLE.COM',
        chain4:
          'DNS A → GET bootstrap/dns.json → GET verisign-com/domain/google.com → GET markmonitor/domain/GOOGLE.COM',
        rdapRequestsPerLookup: Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, round(v, 2)])),
      },
    };
  } finally {
    await stack.close();
  }
}
