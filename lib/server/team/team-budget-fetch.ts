/**
 * Registry request budgets held team-wide. The core keeps a token bucket per registry host in each process
 * (lib/lookup/request-budget.ts), which lets N instances send N times a registry's limit (LACNIC blocks a source
 * for minutes after 10 queries a minute). This fetch wrapper takes each RDAP request's token from one Redis bucket
 * per host first: it waits when the next token is near, and otherwise answers a local 429 with Retry-After, which the
 * core already treats as the registry's own (fail now, hold the registry until then) without sending anything.
 */
import type { Budget } from '../../lookup';
import type { BucketStore } from '../middleware/rate-limit';

export interface TeamBudgetOptions {
  store: BucketStore;
  budgets: Record<string, Budget>;
  now: () => number;
  /** Longest wait for a token before answering 429 (the lookup's own deadline would pass first). */
  maxWaitMs: number;
}

export function teamBudgetFetch(inner: typeof fetch, opts: TeamBudgetOptions): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const budget = opts.budgets[url.hostname.toLowerCase()];
    if (!budget) return inner(input, init);
    const capacity = Math.max(1, budget.burst ?? Math.min(budget.perMinute, 60));
    const perMs = budget.perMinute / 60_000;
    const until = opts.now() + opts.maxWaitMs;
    for (;;) {
      const got = await opts.store.take(`registry:${url.hostname.toLowerCase()}`, 1, capacity, perMs, opts.now());
      if (got.ok) return inner(input, init);
      const wait = Math.ceil((1 - got.tokens) / perMs);
      if (opts.now() + wait > until)
        return new Response('Team request budget for this registry is spent.', {
          status: 429,
          headers: { 'retry-after': String(Math.ceil(wait / 1000)), 'content-type': 'text/plain' },
        });
      await new Promise((r) => setTimeout(r, wait));
    }
  };
}
