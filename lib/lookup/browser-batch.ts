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
import { batchStats, groupByHost, type HostGroup } from './group-hosts';
import { lookupTarget } from './lookup';
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
  const { items, groups } = groupByHost(urls);
  const gate = new Semaphore(Math.max(1, opts.concurrency ?? 8));
  let done = 0;
  const aborted = () => opts.signal?.aborted === true;

  // 1. Addresses first (cached by the core for the lookups that follow).
  const blocks = new Map<string, string>();
  await Promise.all(
    groups.map((g) =>
      gate.run(async () => {
        if (aborted() || g.target.ip) return;
        const dns = await resolveHost(deps, g.host, g.target.registrableDomain);
        const first = dns.addresses.find(isPublicIp);
        if (first) blocks.set(g.host, blockOf(first));
      }),
    ),
  );

  // 2. One leader per block, then everyone else.
  const leaders = new Set<string>();
  const seenBlocks = new Set<string>();
  for (const { host } of groups) {
    const b = blocks.get(host);
    if (b && !seenBlocks.has(b)) {
      seenBlocks.add(b);
      leaders.add(host);
    }
  }
  const run = (g: HostGroup) =>
    gate.run(async () => {
      if (aborted()) return;
      let result: LookupResult | null = null;
      let error: LookupError | null = null;
      try {
        result = await lookupTarget(g.target, deps);
      } catch (err) {
        error = { step: 'input', kind: 'unavailable', message: err instanceof Error ? err.message : 'lookup failed' };
      }
      for (const i of g.indexes) {
        const item = items[i];
        if (!item) continue;
        item.result = result ? { ...result, input: item.url } : null;
        item.error = error;
      }
      opts.onProgress?.(++done, groups.length);
    });
  await Promise.all(groups.filter((g) => leaders.has(g.host)).map(run));
  await Promise.all(groups.filter((g) => !leaders.has(g.host)).map(run));
  if (aborted()) throw new DOMException('The batch was cancelled.', 'AbortError');

  return { items, stats: batchStats(items, groups.length) };
}
