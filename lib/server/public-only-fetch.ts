import { vet } from './recheck/fetch-guarded';

/**
 * The backend's RDAP fetch: a registry's `related` link or a redirect may name any host, so each
 * hop's host is resolved first and refused when any of its addresses is not public. The backend
 * never becomes a way into the network it runs in. Verdicts are kept briefly, since a lookup talks
 * to the same few registries again and again.
 */
export function createPublicOnlyFetch(
  inner: typeof fetch,
  resolve: (hostname: string) => Promise<string[]>,
  opts: { now: () => Date; ttlMs?: number },
): typeof fetch {
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const verdicts = new Map<string, { expires: number; error: Error | null }>();
  return async (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const origin = new URL(raw).origin;
    const now = opts.now().getTime();
    let verdict = verdicts.get(origin);
    if (!verdict || verdict.expires <= now) {
      verdict = { expires: now + ttl, error: null };
      try {
        await vet(raw, { resolve, allowedPorts: [443, 80] });
      } catch (err) {
        verdict.error = err instanceof Error ? err : new Error(String(err));
      }
      verdicts.set(origin, verdict);
    }
    if (verdict.error) throw verdict.error;
    return inner(input, init);
  };
}
