import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorKind } from '../errors';

/**
 * Every error response has the ApiErrorSchema shape (lib/contract.ts) and never a stack trace. The kind is one of
 * the extension's own kinds, so the client shows the matching `error_<kind>` sentence without renaming anything.
 */
export function apiError(c: Context, status: ContentfulStatusCode, kind: ErrorKind, message: string, path?: string) {
  return c.json({ error: { kind, message, ...(path ? { path } : {}) } }, status);
}
