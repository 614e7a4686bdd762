/**
 * The HTTP load client for the cached-lookup benchmark, in a worker thread so its work does not run on the
 * server's event loop: keep-alive node:http, `concurrency` requests in flight, one latency per request.
 * The worker's code is plain CommonJS evaluated from a string, so it needs no TypeScript loader.
 */
import { Worker } from 'node:worker_threads';

export interface LoadResult {
  /** Per request, ms, in request order. */
  latencies: number[];
  wallMs: number;
}

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, paths, concurrency, headers } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
function get(path) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // The header every /v1 client sends (the backend refuses loopback requests without it).
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers: { 'x-takedown-client': 'extension', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(path + ' answered ' + res.statusCode))));
    });
    req.on('error', reject);
  });
}
(async () => {
  const latencies = new Array(paths.length);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < paths.length) {
      const i = next++;
      latencies[i] = await get(paths[i]);
    }
  }));
  const wallMs = performance.now() - t0;
  agent.destroy();
  parentPort.postMessage({ latencies, wallMs });
})().catch((e) => parentPort.postMessage({ error: String((e && e.stack) || e) }));
`;

/** Sends GET `paths` to 127.0.0.1:`port` from a worker thread, `concurrency` at a time (`headers`: e.g. a team token). */
export function load(
  port: number,
  paths: string[],
  concurrency: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { port, paths, concurrency, headers } });
    worker.once('message', (m: LoadResult & { error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}
