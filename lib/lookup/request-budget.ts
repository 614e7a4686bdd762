/**
 * Token buckets per registry host, so a bulk run never trips a registry's own limit and its multi-minute block
 * (LACNIC: 10 queries a minute, then about five minutes blocked; docs/rdap-quirks.md §5). A request takes a token; when the
 * bucket is empty it waits for the next one, or fails at once if that would take longer than the caller allows.
 */
export interface Budget {
  perMinute: number;
  /** Bucket size: how many requests may go at once after a quiet spell. Default: perMinute, at most 60. */
  burst?: number;
}

/**
 * Registries' published limits. Only LACNIC publishes one (docs/rdap-quirks.md §5); the others are conservative guesses well
 * above what one investigator's bulk run needs, and can be changed per deployment (LookupDeps.requestBudgets).
 */
export const DEFAULT_BUDGETS: Record<string, Budget> = {
  'rdap.lacnic.net': { perMinute: 10, burst: 10 },
  'rdap.arin.net': { perMinute: 600, burst: 60 },
  'rdap.db.ripe.net': { perMinute: 600, burst: 60 },
  'rdap.apnic.net': { perMinute: 600, burst: 60 },
  'rdap.afrinic.net': { perMinute: 300, burst: 30 },
  'rdap.registro.br': { perMinute: 120, burst: 20 },
};

export class RequestBudgets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly budgets: Record<string, Budget>,
    private readonly now: () => number,
  ) {}

  private budgetOf(host: string): Budget | undefined {
    return this.budgets[host.toLowerCase()];
  }

  /** Takes a token, returning 0; or returns how long until one is free (nothing taken). */
  tryTake(host: string): number {
    const b = this.budgetOf(host);
    if (!b) return 0;
    const capacity = Math.max(1, b.burst ?? Math.min(b.perMinute, 60));
    const perMs = b.perMinute / 60_000;
    const t = this.now();
    const bucket = this.buckets.get(host) ?? { tokens: capacity, at: t };
    bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, t - bucket.at) * perMs);
    bucket.at = t;
    this.buckets.set(host, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / perMs);
  }

  /**
   * Waits for a token. Returns false without waiting when the next token is further away than `maxWaitMs`.
   * Real timers, not the injected sleep: tests that skip Retry-After waits must not skip the budget.
   */
  async take(host: string, maxWaitMs: number): Promise<boolean> {
    const until = this.now() + maxWaitMs;
    for (;;) {
      const wait = this.tryTake(host);
      if (wait === 0) return true;
      if (this.now() + wait > until) return false;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
