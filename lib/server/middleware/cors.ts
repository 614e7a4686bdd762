import type { MiddlewareHandler } from 'hono';
import { apiError } from '../api-error';

/**
 * CORS for the extension's own origins only, never "*". A request carrying any other Origin is refused
 * outright, so a web page cannot make the backend run lookups on the user's behalf.
 */
export function extensionCors(allowed: string[]): MiddlewareHandler {
  const set = new Set(allowed);
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    if (!set.has(origin)) return apiError(c, 403, 'forbidden_origin', `Origin ${origin.slice(0, 200)} is not allowed.`);
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Takedown-Client');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    await next();
  };
}
