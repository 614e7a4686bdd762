import type { MiddlewareHandler } from 'hono';
import { apiError } from '../api-error';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Refuses what only a web page would send (issue 14 §4). A page can point <img>, <script>, a form or a
 * `no-cors` fetch at the local backend: browsers mark those with Sec-Fetch-Mode no-cors/navigate and a
 * Sec-Fetch-Dest other than "empty". DNS rebinding makes a page's own origin reach 127.0.0.1, but its requests
 * still name the page's host, so Host must be a loopback name unless the backend is deliberately bound publicly.
 * Clients that send no Sec-Fetch headers (the CLI, curl, scripts) are not affected by that part.
 */
export function localGuard(opts: { publicBind: boolean }): MiddlewareHandler {
  return async (c, next) => {
    if (!opts.publicBind) {
      const host = new URL(c.req.url).hostname.toLowerCase();
      if (!LOOPBACK_NAMES.has(host))
        return apiError(
          c,
          403,
          'unauthorized',
          `Host ${host.slice(0, 100)} is not this backend; use http://127.0.0.1.`,
        );
    }
    const mode = c.req.header('sec-fetch-mode')?.toLowerCase();
    const dest = c.req.header('sec-fetch-dest')?.toLowerCase();
    if (mode === 'no-cors' || mode === 'navigate' || (dest !== undefined && dest !== 'empty')) {
      return apiError(c, 403, 'unauthorized', 'Page loads, images, forms and no-cors requests cannot use this API.');
    }
    await next();
  };
}
