/** Summaries for benchmark samples: medians with their spread, and percentiles for latency samples. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** Nearest-rank percentile (p in 0..100) of an unsorted sample; 0 for an empty one. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = sorted(xs);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank] ?? Number.NaN;
}

/** Median (the lower of the two middle values for an even count, so it is always a measured value), min, max. */
export function spread(xs: number[]): Spread {
  const s = sorted(xs);
  return { median: s[Math.floor((s.length - 1) / 2)] ?? 0, min: s[0] ?? 0, max: s[s.length - 1] ?? 0, n: s.length };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function roundSpread(s: Spread, digits = 3): Spread {
  return { median: round(s.median, digits), min: round(s.min, digits), max: round(s.max, digits), n: s.n };
}

/** Wall time of an async function, in ms. */
export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/**
 * Per-call time of a synchronous function in µs: `batches` batches of `perBatch` calls each (after one warm-up
 * batch), so timer resolution does not dominate short calls. Returns the spread over batches.
 */
export function microsPerCall(fn: () => unknown, batches: number, perBatch: number): Spread {
  const per: number[] = [];
  for (let b = -1; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    if (b >= 0) per.push(((performance.now() - start) * 1000) / perBatch);
  }
  return spread(per);
}
