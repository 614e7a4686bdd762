import type { ProviderStats } from './stats';

/**
 * Orders providers so the ones that ignore notices come first: lowest removal rate, then the
 * most unanswered notices, then the most notices sent (a bigger sample is the surer signal).
 */
export function rankByIgnoring(stats: readonly ProviderStats[]): ProviderStats[] {
  // Providers with nothing decided yet are not "ignoring" anyone: they go last.
  return [...stats].sort(
    (a, b) =>
      Number(a.decided === 0) - Number(b.decided === 0) ||
      a.removalRate - b.removalRate ||
      b.noResponse - a.noResponse ||
      b.sent - a.sent ||
      a.provider.localeCompare(b.provider),
  );
}
