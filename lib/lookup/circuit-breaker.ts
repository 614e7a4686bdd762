/**
 * A per-registry circuit breaker. After `threshold` failures in a row (timeouts, refused connections, 5xx) a
 * registry is skipped for `cooldownMs`: lookups report it at once instead of each waiting out its own timeouts
 * (one hanging RIR once held every new lookup for minutes). After the cooldown one probe goes through
 * (half-open); its success closes the circuit, its failure opens it again. A registry that asked us to come back
 * later (Retry-After) is held the same way until then.
 */
export type BreakerVerdict =
  { ok: true; probe: boolean } | { ok: false; reason: 'open' | 'rate_limited'; retryInMs: number };

interface State {
  failures: number;
  openUntil: number;
  /** A half-open probe is in flight: others keep failing fast until it settles. */
  probing: boolean;
  rateLimitedUntil: number;
}

export class CircuitBreaker {
  private readonly states = new Map<string, State>();

  constructor(
    private readonly now: () => number,
    private readonly threshold = 3,
    private readonly cooldownMs = 30_000,
  ) {}

  private state(key: string): State {
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = { failures: 0, openUntil: 0, probing: false, rateLimitedUntil: 0 }));
    return s;
  }

  allow(key: string): BreakerVerdict {
    const s = this.states.get(key);
    if (!s) return { ok: true, probe: false };
    const t = this.now();
    if (s.rateLimitedUntil > t) return { ok: false, reason: 'rate_limited', retryInMs: s.rateLimitedUntil - t };
    if (s.failures < this.threshold) return { ok: true, probe: false };
    if (s.openUntil > t || s.probing) return { ok: false, reason: 'open', retryInMs: Math.max(0, s.openUntil - t) };
    s.probing = true;
    return { ok: true, probe: true };
  }

  success(key: string): void {
    const s = this.states.get(key);
    if (!s) return;
    s.failures = 0;
    s.probing = false;
  }

  failure(key: string): void {
    const s = this.state(key);
    s.failures++;
    s.probing = false;
    if (s.failures >= this.threshold) s.openUntil = this.now() + this.cooldownMs;
  }

  /** A probe that ended without telling us anything (a 404, a bad answer) frees the slot for the next probe. */
  release(key: string): void {
    const s = this.states.get(key);
    if (s) s.probing = false;
  }

  rateLimited(key: string, untilMs: number): void {
    const s = this.state(key);
    s.rateLimitedUntil = Math.max(s.rateLimitedUntil, untilMs);
    s.probing = false;
  }
}
