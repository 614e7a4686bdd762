/**
 * A batch lookup inside the extension, with the backend batch's answer shape and request economy: one lookup per
 * distinct host, one RDAP request per network and per domain. The backend gets the network economy from a
 * range-coalescing fetch; here the addresses are known first (DNS answers land in the core's cache, so the lookups
 * ask no second time), and one "leader" host per /16 or /32 runs before the others in its block. The others then
 * find their network in the range cache. Domains, registrars and bootstrap files are shared by the core's
 * cache and by the RDAP client's coalescing of identical URLs.
 */
import type { BatchResponse, LookupError, LookupResult } from '../contract';
import { isPublicIp, parseIp } from '../net/ip';
import { resolveHost } from './dns';
import { lookup } from './lookup';
import { normalizeTarget } from './normalize';
import { Semaphore } from './semaphore';
import type { LookupDeps } from './types';

export interface BrowserBatchOptions {
  /** Hosts looked up at once; a browser keeps ~6 connections per origin, so more buys little. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Hosts finished so far, of all distinct hosts. */
  onProgress?: (done: number, total: number) => void;
}

/** The /16 (IPv4) or /32 (IPv6) block of an address: the unit a leader host clears for its neighbours. */
export function blockOf(ip: string): string {
  const p = parseIp(ip);
  if (!p) return ip;
  return p.version === 4
    ? `${p.bytes[0]}.${p.bytes[1]}`
    : Array.from(p.bytes.slice(0, 4), (b) => b.toString(16)).join(':');
}

export async function browserBatch(
  urls: string[],
  deps: LookupDeps,
  opts: BrowserBatchOptions = {},
): Promise<BatchResponse> {
  const items: BatchResponse['items'] = urls.map((url) => ({ url, result: null, error: null }));
  const byHost = new Map<string, { url: string; domain: string | null; indexes: number[] }>();
  items.forEach((item, i) => {
    const target = normalizeTarget(item.url);
    if (!target.ok) {
      item.error = target.error;
      return;
    }
    const group = byHost.get(target.hostname);
    if (group) group.indexes.push(i);
    else byHost.set(target.hostname, { url: target.url, domain: target.registrableDomain, indexes: [i] });
  });
  const gate = new Semaphore(Math.max(1, opts.concurrency ?? 8));
  const hosts = [...byHost.entries()];
  let done = 0;
  const aborted = () => opts.signal?.aborted === true;

  // 1. Addresses first (cached by the core for the lookups that follow).
  const blocks = new Map<string, string>();
  await Promise.all(
    hosts.map(([host, g]) =>
      gate.run(async () => {
        if (aborted() || parseIp(host)) return;
        const dns = await resolveHost(deps, host, g.domain);
        const first = dns.addresses.find(isPublicIp);
        if (first) blocks.set(host, blockOf(first));
      }),
    ),
  );

  // 2. One leader per block, then everyone else.
  const leaders = new Set<string>();
  const seenBlocks = new Set<string>();
  for (const [host] of hosts) {
    const b = blocks.get(host);
    if (b && !seenBlocks.has(b)) {
      seenBlocks.add(b);
      leaders.add(host);
    }
  }
  const run = (host: string, g: { url: string; indexes: number[] }) =>
    gate.run(async () => {
      if (aborted()) return;
      let result: LookupResult | null = null;
      let error: LookupError | null = null;
      try {
        result = await lookup(g.url, deps);
      } catch (err) {
        error = { step: 'input', kind: 'unavailable', message: err instanceof Error ? err.message : 'lookup failed' };
      }
      for (const i of g.indexes) {
        const item = items[i];
        if (!item) continue;
        item.result = result ? { ...result, input: item.url } : null;
        item.error = error;
      }
      opts.onProgress?.(++done, hosts.length);
    });
  await Promise.all(hosts.filter(([h]) => leaders.has(h)).map(([h, g]) => run(h, g)));
  await Promise.all(hosts.filter(([h]) => !leaders.has(h)).map(([h, g]) => run(h, g)));
  if (aborted()) throw new DOMException('The batch was cancelled.', 'AbortError');

  const networks = new Set<string>();
  for (const item of items)
    for (const a of item.result?.addresses ?? [])
      if (a.network) networks.add(a.network.handle ?? a.network.cidr ?? a.ip);
  return {
    items,
    stats: {
      urls: urls.length,
      hosts: byHost.size,
      networks: networks.size,
      failed: items.filter((i) => i.error !== null || i.result === null).length,
    },
  };
}
