/**
 * Bulk lookups as BullMQ jobs, so a 100,000-URL batch belongs to the team, not to the instance that accepted it.
 * A job works through its URLs in chunks (each chunk one LookupService.batch, one lookup per host) and writes
 * each finished item to a Redis hash before reporting progress. When an instance dies, BullMQ sees the job's
 * lock lapse and another instance's worker takes it; it skips the items already in the hash, so the batch
 * resumes instead of restarting. Cancel is a flag the worker reads between chunks. On a graceful stop the
 * worker hands its job back to the queue after the current chunk (moveToDelayed) instead of holding the stop.
 */
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BatchResponse } from '../../contract';
import type { LookupService } from '../lookup-service';

export const BULK_QUEUE = 'takedown-bulk';
const CHUNK = 50;

interface BulkData {
  urls: string[];
  by: string;
}

export interface BulkStatus {
  id: string;
  state: string;
  total: number;
  done: number;
  cancelled: boolean;
  by: string;
}

export interface BulkQueueOptions {
  /** A connection with maxRetriesPerRequest: null, as BullMQ's blocking commands require. */
  connection: Redis;
  /** Plain commands (results, cancel flags). */
  redis: Redis;
  service: LookupService;
  lockMs: number;
  /** False: this instance only enqueues (tests run a producer without a worker). */
  work?: boolean;
}

export function createBulkQueue(opts: BulkQueueOptions) {
  const queue = new Queue<BulkData>(BULK_QUEUE, { connection: opts.connection });
  // Redis outages are reported by /healthz; the queue's reconnect errors would only flood the log.
  queue.on('error', () => {});
  const itemsKey = (id: string) => `takedown:bulk:${id}:items`;
  const cancelKey = (id: string) => `takedown:bulk:${id}:cancel`;
  let stopping = false;

  async function process(job: Job<BulkData>, token?: string) {
    const { urls } = job.data;
    const id = job.id!;
    for (let from = 0; from < urls.length; from += CHUNK) {
      if (await opts.redis.exists(cancelKey(id))) return { cancelled: true };
      if (stopping && token) {
        // Hand the job back for another instance (or this one after restart); finished items stay in the hash.
        await job.moveToDelayed(Date.now(), token);
        throw new DelayedError();
      }
      const indexes = urls.map((_, i) => i).slice(from, from + CHUNK);
      const have = await opts.redis.hmget(itemsKey(id), ...indexes.map(String));
      const todo = indexes.filter((_, k) => have[k] === null);
      if (todo.length) {
        const res = await opts.service.batch(todo.map((i) => urls[i]!));
        const fields: Record<string, string> = {};
        res.items.forEach((item, k) => (fields[String(todo[k])] = JSON.stringify(item)));
        await opts.redis.hset(itemsKey(id), fields);
      }
      await job.updateProgress(Math.min(urls.length, from + CHUNK) / urls.length);
    }
    return { cancelled: false };
  }

  // BullMQ leaves connections it is given open on close, so this one is ours to end.
  const workerConn = opts.work === false ? null : opts.connection.duplicate();
  workerConn?.on('error', () => {});
  const worker = !workerConn
    ? null
    : new Worker<BulkData>(BULK_QUEUE, process, {
        connection: workerConn,
        concurrency: 2,
        lockDuration: opts.lockMs,
        stalledInterval: opts.lockMs,
        // A job whose instance died is moved back to waiting, not failed, however often that happens.
        maxStalledCount: 1000,
      });
  // Once per distinct error, not once per reconnect attempt during an outage.
  let lastError = '';
  worker?.on('error', (err) => {
    if (err.message !== lastError) console.warn(`[takedown] bulk worker: ${err.message}`);
    lastError = err.message;
  });
  worker?.on('ready', () => (lastError = ''));

  return {
    queue,
    async add(urls: string[], by: string): Promise<string> {
      const job = await queue.add('bulk', { urls, by }, { removeOnComplete: false, attempts: 3 });
      return job.id!;
    },
    async status(id: string): Promise<BulkStatus | null> {
      const job = await queue.getJob(id);
      if (!job) return null;
      const [state, done, cancelled] = await Promise.all([
        job.getState(),
        opts.redis.hlen(itemsKey(id)),
        opts.redis.exists(cancelKey(id)),
      ]);
      return { id, state, total: job.data.urls.length, done, cancelled: cancelled === 1, by: job.data.by };
    },
    async items(id: string, offset: number, limit: number): Promise<BatchResponse['items'] | null> {
      const job = await queue.getJob(id);
      if (!job) return null;
      const idx = job.data.urls.map((_, i) => String(i)).slice(offset, offset + limit);
      if (!idx.length) return [];
      const raw = await opts.redis.hmget(itemsKey(id), ...idx);
      return raw.map((r, k) =>
        r
          ? (JSON.parse(r) as BatchResponse['items'][number])
          : { url: job.data.urls[offset + k]!, result: null, error: null },
      );
    },
    async cancel(id: string): Promise<boolean> {
      const job = await queue.getJob(id);
      if (!job) return false;
      await opts.redis.set(cancelKey(id), '1', 'EX', 7 * 24 * 3600);
      return true;
    },
    async counts() {
      return queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    },
    /** Graceful stop: the running chunk finishes, its job goes back to the queue, then the worker closes. */
    async close() {
      stopping = true;
      await worker?.close();
      await queue.close();
      workerConn?.disconnect();
    },
  };
}
export type BulkQueue = ReturnType<typeof createBulkQueue>;
