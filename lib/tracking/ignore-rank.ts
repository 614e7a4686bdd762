import type { ProviderStats } from './stats';

/**
 * Orders providers so the ones that ignore notices come first: lowest removal rate, then the
 * most unanswered notices, then the most notices sent (a bigger sample is the surer signal).
 */
export function rankByIgnoring(stats: readonly ProviderStats[]): ProviderStats[] {
  return [...stats].sort(
    (a, b) => a.removalRate - b.removalRate || b.noResponse - a.noResponse || b.sent - a.sent || a.provider.localeCompare(b.provider),
  );
}
