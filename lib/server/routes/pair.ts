/**
 * POST /v1/pair: the options page's one-click pairing. Answers the per-install token only to a request from an
 * allowed extension origin (browsers set Origin; pages cannot fake it, and the CORS layer has already refused
 * every other origin) on a loopback-bound backend. A publicly bound backend never hands out a token: there the
 * user types TAKEDOWN_TOKEN into the options instead. With TAKEDOWN_TOKEN set on loopback, the token itself is
 * needed to pair (pairing then adds nothing the user does not already have).
 */
import { Hono, type Context } from 'hono';
import { CLIENT_HEADER } from '../../backend/headers';
import { apiError } from '../api-error';

export function pairRoutes(opts: {
  installToken?: string;
  corsOrigins: string[];
  publicBind: boolean;
  requireToken: boolean;
  hasToken: (c: Context) => boolean;
}) {
  const app = new Hono();
  const origins = new Set(opts.corsOrigins);
  app.post('/', (c) => {
    if (opts.requireToken && !opts.hasToken(c))
      return apiError(c, 401, 'unauthorized', 'A valid bearer token is required (TAKEDOWN_TOKEN).');
    if (opts.publicBind || !opts.installToken) {
      return apiError(
        c,
        403,
        'unauthorized',
        'This backend is not bound to loopback: enter its TAKEDOWN_TOKEN in the options instead.',
      );
    }
    const origin = c.req.header('origin');
    if (!origin || !origins.has(origin) || !c.req.header(CLIENT_HEADER))
      return apiError(c, 403, 'unauthorized', 'Only the extension can pair with this backend.');
    c.header('cache-control', 'no-store');
    return c.json({ token: opts.installToken });
  });
  return app;
}
