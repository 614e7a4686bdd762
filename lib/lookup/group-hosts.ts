/**
 * A batch's first step, shared by the extension (browser-batch.ts) and the backend (lib/server/lookup-service.ts):
 * each URL normalised once, refused ones answered in place, the rest grouped by host so one lookup serves every URL
 * of a host. And its last step: the counts a batch answer reports.
 */
import type { BatchResponse } from '../contract';
import { normalizeTarget, type NormalizedTarget } from './normalize';

export type BatchItem = BatchResponse['items'][number];

export interface HostGroup {
  host: string;
  /** The first URL's target: the one the group's lookup runs for. */
  target: NormalizedTarget;
  /** Positions in the batch of every URL on this host. */
  indexes: number[];
}

export function groupByHost(urls: readonly string[]): { items: BatchItem[]; groups: HostGroup[] } {
  const items: BatchItem[] = urls.map((url) => ({ url, result: null, error: null }));
  const byHost = new Map<string, HostGroup>();
  items.forEach((item, i) => {
    const target = normalizeTarget(item.url);
    if (!target.ok) {
      item.error = target.error;
      return;
    }
    const group = byHost.get(target.hostname);
    if (group) group.indexes.push(i);
    else byHost.set(target.hostname, { host: target.hostname, target, indexes: [i] });
  });
  return { items, groups: [...byHost.values()] };
}

/** Distinct networks are counted by handle, else CIDR, else address; a URL without a result counts as failed. */
export function batchStats(items: readonly BatchItem[], hosts: number): BatchResponse['stats'] {
  const networks = new Set<string>();
  for (const item of items)
    for (const a of item.result?.addresses ?? [])
      if (a.network) networks.add(a.network.handle ?? a.network.cidr ?? a.ip);
  return {
    urls: items.length,
    hosts,
    networks: networks.size,
    failed: items.filter((i) => i.error !== null || i.result === null).length,
  };
}
