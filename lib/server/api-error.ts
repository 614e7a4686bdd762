import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error response has the ApiErrorSchema shape (lib/contract.ts) and never a stack trace. */
export function apiError(c: Context, status: ContentfulStatusCode, kind: string, message: string, path?: string) {
  return c.json({ error: { kind, message, ...(path ? { path } : {}) } }, status);
}
