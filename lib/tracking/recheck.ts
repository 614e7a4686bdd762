import { z } from 'zod';

/** POST /v1/recheck: is the URL still serving the work? Shared by the backend and the extension. */
export const RecheckRequestSchema = z.object({
  url: z.string().min(1).max(2048),
  /** Text that shows the work is still there (work titles, aliases); matched case-insensitively. */
  markers: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
});
export type RecheckRequest = z.input<typeof RecheckRequestSchema>;

export const RecheckResultSchema = z.object({
  url: z.string(),
  finalUrl: z.string(),
  status: z.number().int(),
  contentType: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  /** The body was longer than the size cap; sha256 covers the bytes read. */
  truncated: z.boolean(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  redirects: z.array(z.string()),
  matchedMarkers: z.array(z.string()),
  /** 2xx and, when markers were given, at least one found in the body. */
  stillServing: z.boolean(),
  checkedAt: z.iso.datetime({ offset: true }),
});
export type RecheckResult = z.infer<typeof RecheckResultSchema>;

/** Event details for recordEvent(id, 'recheck', …): the body hash goes into the hash chain. */
export function recheckEventDetails(r: RecheckResult): Record<string, unknown> {
  return {
    url: r.url,
    finalUrl: r.finalUrl,
    status: r.status,
    bodySha256: r.sha256,
    bytes: r.bytes,
    truncated: r.truncated,
    stillServing: r.stillServing,
    matchedMarkers: r.matchedMarkers,
    checkedAt: r.checkedAt,
  };
}
