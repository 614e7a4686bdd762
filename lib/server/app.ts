import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { apiError } from './api-error';
import type { LookupService } from './lookup-service';
import { bearerToken } from './middleware/auth';
import { extensionCors } from './middleware/cors';
import { rateLimit } from './middleware/rate-limit';
import type { MailService } from './mail/mail-service';
import { lookupRoutes } from './routes/lookup';
import { recheckRoutes, type RecheckOptions } from './routes/recheck';
import { mailStatusRoutes, repliesRoutes } from './routes/replies';
import { sendRoutes } from './routes/send';

export interface AppDeps {
  now: () => Date;
  /** Mounts /v1/lookup when present (lookup-service.ts). */
  lookup?: LookupService;
  /** Bearer token for /v1/*; main.ts requires one whenever the bind address is not loopback. */
  token?: string;
  /** Extension origins allowed by CORS; other Origins get 403. */
  corsOrigins?: string[];
  /** Requests per minute per client (peer address; app.request() calls share one bucket). */
  rateLimitPerMinute?: number;
  /** /v1/recheck fetch limits and resolver; the default refuses loopback and private targets. */
  recheck?: RecheckOptions;
  /** SMTP/IMAP (lib/server/mail); /v1/send and /v1/replies answer 503 until configured. */
  mail?: MailService;
}

/** Builds the HTTP API from its dependencies; main.ts binds it, tests call app.request() without a socket. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true, time: deps.now().toISOString() }));
  app.use('/v1/*', extensionCors(deps.corsOrigins ?? []));
  // Rate limit before auth, keyed by peer address, so token guessing is throttled too.
  app.use(
    '/v1/*',
    rateLimit({
      perMinute: deps.rateLimitPerMinute ?? 600,
      now: deps.now,
      clientKey: (c) => {
        try {
          return getConnInfo(c).remote.address ?? 'unknown';
        } catch {
          return 'local';
        }
      },
    }),
  );
  app.use('/v1/*', bearerToken(deps.token));
  if (deps.lookup) app.route('/v1/lookup', lookupRoutes(deps.lookup));
  app.route('/v1/recheck', recheckRoutes({ now: deps.now, ...deps.recheck }));
  if (deps.mail) {
    app.route('/v1/send', sendRoutes({ mail: deps.mail, now: deps.now }));
    app.route('/v1/replies', repliesRoutes(deps.mail));
    app.route('/v1/mail/status', mailStatusRoutes(deps.mail));
  }
  app.notFound((c) => apiError(c, 404, 'not_found', 'No such endpoint.'));
  app.onError((err, c) => {
    console.error('[takedown] request failed:', err instanceof Error ? err.message : String(err));
    return apiError(c, 500, 'internal', 'Internal error.');
  });
  return app;
}
export type App = ReturnType<typeof createApp>;
