/** What every benchmark section receives from bench/run.ts. */
export interface BenchOptions {
  /** Tiny counts, 1 ms latency: proves the benchmark still runs (CI); the figures mean little. */
  smoke: boolean;
  /** Latency injected per request by the loopback DNS and RDAP servers (ms). */
  latencyMs: number;
  /** Progress on stderr, so stdout stays the table. */
  log: (line: string) => void;
}
