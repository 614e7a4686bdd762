/**
 * Issue 17: the browser lookup mode's cold lookup, against the same critical-path bound as the backend's
 * (cold-lookup.ts). The lookup core runs with the browser's dependencies (lib/lookup/browser-deps.ts): DNS over
 * HTTPS (JSON API) through the loopback DoH server, RDAP over fetch, and the IndexedDB cache (fake-indexeddb in
 * Node). Every DNS query (behind the DoH server) and every RDAP request waits the injected latency.
 *
 * "bootstrap cached" (browserColdLookupRatio): a fresh database per run; bt-host.to is looked up first, which
 * loads the dns, ipv4 and ipv6 bootstrap files and nothing google.com needs. The bound is the bare chain of the
 * dependent requests, made with the same transports: DoH A (fetch) → registry RDAP → registrar RDAP.
 */
import 'fake-indexeddb/auto';
import { DexieLookupCache } from '../lib/db/lookup-cache';
import { openDb } from '../lib/db/schema';
import { createBrowserLookupDeps, lookup } from '../lib/lookup';
import { startLoopbackDoh } from '../tests/helpers/loopback-doh';
import { startLoopbackStack } from '../tests/helpers/loopback-stack';
import type { BenchOptions } from './options';
import { roundSpread, spread, timeAsync } from './stats';
import { fmtSpread, verdict, type SectionResult } from './table';

const SITE = 'https://www.google.com/watch/river-atlas';
const WARMUP_SITE = 'https://bt-host.to/';

export async function runBrowserColdLookup(opts: BenchOptions): Promise<SectionResult> {
  const runs = opts.smoke ? 2 : 9;
  const stack = await startLoopbackStack({ timeoutMs: 5000 });
  const doh = await startLoopbackDoh({ upstream: stack.dns });
  try {
    stack.dns.setLatency(opts.latencyMs);
    stack.rdap.setLatency(opts.latencyMs);
    const rdapBase = stack.rdap.bootstrapBase.replace(/bootstrap\/$/, '');
    const get = async (url: string, accept = 'application/json') => {
      const res = await fetch(url, { headers: { accept } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`bare chain: ${url} answered ${res.status}`);
    };
    const chain = async () => {
      await get(`${doh.jsonUrl}?name=www.google.com&type=A`, 'application/dns-json');
      await get(`${rdapBase}verisign-com/domain/google.com`);
      await get(`${rdapBase}markmonitor/domain/GOOGLE.COM`);
    };
    const times: number[] = [];
    const chains: number[] = [];
    for (let r = -1; r < runs; r++) {
      const db = openDb(`bench-browser-${process.pid}-${r + 1}`);
      const { deps, flush } = createBrowserLookupDeps({
        resolver: { url: doh.jsonUrl, format: 'json' },
        fetch,
        cache: new DexieLookupCache(db),
        bootstrapBase: stack.rdap.bootstrapBase,
        allowLoopbackHttp: true,
      });
      await lookup(WARMUP_SITE, deps);
      const t = await timeAsync(() => lookup(SITE, deps));
      if (t.value.errors.length)
        throw new Error(`browser cold lookup reported errors: ${JSON.stringify(t.value.errors)}`);
      const c = await timeAsync(chain);
      await flush();
      db.close();
      await db.delete();
      if (r < 0) continue;
      times.push(t.ms);
      chains.push(c.ms);
    }
    const ratio = roundSpread(spread(times.map((ms, i) => ms / chains[i]!)));
    const ms = roundSpread(spread(times), 1);
    const c3 = roundSpread(spread(chains), 1);
    opts.log(`browser cold lookup: ${ms.median} ms vs chain ${c3.median} ms (ratio ${ratio.median})`);
    return {
      keys: { browserColdLookupRatio: ratio.median, browserColdLookupMs: ms.median },
      rows: [
        {
          section: 'browser lookup',
          figure: `www.google.com in browser mode (DoH + RDAP over fetch + IndexedDB), bootstrap cached, ${opts.latencyMs} ms/request: lookup ÷ chain`,
          value: fmtSpread(ratio, 2),
          comparison: `lookup ${fmtSpread(ms, 0, ' ms')} vs bare chain of 3 trips ${fmtSpread(c3, 0, ' ms')}`,
          target: '≤ 1.2',
          verdict: verdict(ratio.median, { max: 1.2 }),
        },
      ],
      details: {
        site: SITE,
        latencyMs: opts.latencyMs,
        runs,
        ratio,
        lookupMs: ms,
        chainMs: c3,
        chain:
          'DoH GET /resolve?name=www.google.com&type=A → GET verisign-com/domain/google.com → GET markmonitor/domain/GOOGLE.COM',
      },
    };
  } finally {
    await doh.close();
    await stack.close();
  }
}
