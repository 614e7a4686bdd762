import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiError } from '../api-error';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Bearer token check; comparing fixed-length digests keeps the compare constant-time whatever the input length. */
export function bearerToken(token: string | undefined): MiddlewareHandler {
  if (!token) return async (_c, next) => next();
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m?.[1] || !timingSafeEqual(digest(m[1].trim()), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="takedown"');
      return apiError(c, 401, 'unauthorized', 'A valid bearer token is required (TAKEDOWN_TOKEN).');
    }
    await next();
  };
}
