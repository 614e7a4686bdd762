/**
 * Batch lookup for a bulk report: one representative URL per distinct host (the backend dedupes
 * by host and by network), sent in chunks so the progress bar moves and cancel is quick. Every
 * finished host is handed to `onChunk` to be stored before the next request, so a resumed batch
 * (tab closed, backend restarted) asks only for hosts that have no stored outcome.
 */
import { z } from 'zod';
import { LookupErrorSchema, type BatchResponse } from '../contract';
import { AppError } from '../errors';
import { RecipientSchema } from '../model/recipient';

export const CHUNK_HOSTS = 100;

/** What the bulk page keeps of one host's lookup: enough to group and to explain a failure. */
export const HostOutcomeSchema = z.object({
  host: z.string().max(253),
  /** False when the lookup produced no result at all; a partial result is ok with errors. */
  ok: z.boolean(),
  recipients: z.array(RecipientSchema).max(50).default([]),
  cdn: z.string().max(200).nullable().default(null),
  errors: z.array(LookupErrorSchema).max(50).default([]),
});
export type HostOutcome = z.infer<typeof HostOutcomeSchema>;

export interface BulkUrl {
  url: string;
  host: string;
}

export type Outcomes = Readonly<Record<string, HostOutcome | undefined>>;

/** Hosts still to look up, each with its first URL; failed hosts are asked again only on request. */
export function pendingHosts(
  urls: readonly BulkUrl[],
  outcomes: Outcomes,
  opts: { retryFailed?: boolean } = {},
): BulkUrl[] {
  const seen = new Set<string>();
  const out: BulkUrl[] = [];
  for (const u of urls) {
    if (seen.has(u.host)) continue;
    seen.add(u.host);
    const o = outcomes[u.host];
    if (!o || (opts.retryFailed && (!o.ok || o.recipients.length === 0))) out.push(u);
  }
  return out;
}

export function chunk<T>(items: readonly T[], size = CHUNK_HOSTS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function outcomeOf(host: string, item: BatchResponse['items'][number] | undefined): HostOutcome {
  if (!item)
    return {
      host,
      ok: false,
      recipients: [],
      cdn: null,
      errors: [{ step: 'input', kind: 'invalid_response', message: 'The backend answered without this URL.' }],
    };
  if (!item.result) return { host, ok: false, recipients: [], cdn: null, errors: item.error ? [item.error] : [] };
  return {
    host,
    ok: true,
    recipients: item.result.recipients.slice(0, 50),
    cdn: item.result.cdn?.name ?? null,
    errors: item.result.errors.slice(0, 50),
  };
}

export interface Progress {
  totalUrls: number;
  doneUrls: number;
  failedUrls: number;
  totalHosts: number;
  doneHosts: number;
}

export function progressOf(urls: readonly BulkUrl[], outcomes: Outcomes): Progress {
  const hosts = new Set<string>();
  const done = new Set<string>();
  let doneUrls = 0;
  let failedUrls = 0;
  for (const u of urls) {
    hosts.add(u.host);
    const o = outcomes[u.host];
    if (!o) continue;
    done.add(u.host);
    doneUrls++;
    if (!o.ok || o.recipients.length === 0) failedUrls++;
  }
  return { totalUrls: urls.length, doneUrls, failedUrls, totalHosts: hosts.size, doneHosts: done.size };
}

export type RunEnd = { status: 'done' } | { status: 'cancelled' } | { status: 'interrupted'; error: unknown };

/**
 * Looks up the pending hosts chunk by chunk. A request that fails as a whole (backend down,
 * restarted, rate limited) stops the run as `interrupted`; what finished before it is kept.
 */
export async function runLookups(opts: {
  pending: readonly BulkUrl[];
  lookup: (urls: string[], signal: AbortSignal) => Promise<BatchResponse>;
  onChunk: (outcomes: HostOutcome[]) => Promise<void>;
  signal: AbortSignal;
  chunkSize?: number;
}): Promise<RunEnd> {
  for (const part of chunk(opts.pending, opts.chunkSize)) {
    if (opts.signal.aborted) return { status: 'cancelled' };
    let res: BatchResponse;
    try {
      res = await opts.lookup(
        part.map((p) => p.url),
        opts.signal,
      );
    } catch (error) {
      if (opts.signal.aborted || (error instanceof AppError && error.kind === 'cancelled'))
        return { status: 'cancelled' };
      return { status: 'interrupted', error };
    }
    await opts.onChunk(
      part.map((p, i) =>
        outcomeOf(p.host, res.items[i]?.url === p.url ? res.items[i] : res.items.find((it) => it.url === p.url)),
      ),
    );
  }
  return opts.signal.aborted ? { status: 'cancelled' } : { status: 'done' };
}
