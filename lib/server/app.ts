import { Hono, type MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { apiError } from './api-error';
import type { LookupService } from './lookup-service';
import { apiAuth, bearerMatches } from './middleware/auth';
import { extensionCors } from './middleware/cors';
import { localGuard } from './middleware/local-guard';
import { createRateLimiter } from './middleware/rate-limit';
import type { MailService } from './mail/mail-service';
import { lookupRoutes } from './routes/lookup';
import { pairRoutes } from './routes/pair';
import { recheckRoutes, type RecheckOptions } from './routes/recheck';
import { mailStatusRoutes, repliesRoutes } from './routes/replies';
import { sendRoutes } from './routes/send';
import { timestampRoutes } from './routes/timestamp';
import type { TimestampService } from './tsa/service';
import type { BucketStore } from './middleware/rate-limit';
import type { RoleGuard } from './team/role-guard';

/** What team mode (lib/server/team/team-server.ts) plugs into the app; absent in the single-user default. */
export interface TeamMount {
  /** Replaces the token/header check on /v1/* with team tokens. */
  auth: MiddlewareHandler;
  /** Mounted at /v1/team. */
  routes: Hono<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Hono's Env generic differs per sub-app
  /** The role check (and its audit entry) for shared routes that act for the team, such as /v1/send. */
  role: RoleGuard;
  /** Audits what a request to such a route came to (audit.ts auditResult). */
  audited: (action: string) => MiddlewareHandler;
  /** Rate-limit buckets shared by every instance. */
  buckets: BucketStore;
  /** Database, Redis and queue state for /healthz. */
  health: () => Promise<Record<string, unknown>>;
}

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
  /** The per-install token POST /v1/pair hands to the extension (install-token.ts); also accepted as a bearer. */
  installToken?: string;
  /** Bound to a non-loopback address (main.ts): any Host is accepted (a token is then always required). */
  publicBind?: boolean;
  /** TAKEDOWN_REQUIRE_PAIRING: on loopback too, only a token (pairing or TAKEDOWN_TOKEN) is accepted. */
  requirePairing?: boolean;
  /** SMTP/IMAP (lib/server/mail); /v1/send and /v1/replies answer 503 until configured. */
  mail?: MailService;
  /** RFC 3161 TSA (TAKEDOWN_TSA_URL); without it /v1/timestamp answers 503 and /healthz says tsa: null. */
  timestamp?: TimestampService;
  /** Team mode: team tokens and roles, /v1/team, shared rate limits. */
  team?: TeamMount;
}

/** Builds the HTTP API from its dependencies; main.ts binds it, tests call app.request() without a socket. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  const cors = extensionCors(deps.corsOrigins ?? []);
  // The extension's "Automatic" lookup mode probes /healthz from its own origin: a store build holds no host access,
  // so without CORS here Firefox (and any build without <all_urls>) would never see the backend answer.
  app.use('/healthz', cors);
  const tsa = deps.timestamp ? { url: deps.timestamp.url } : null;
  const team = deps.team;
  app.get('/healthz', async (c) =>
    c.json({ ok: true, time: deps.now().toISOString(), tsa, ...(team ? { team: await team.health() } : {}) }),
  );
  app.use('/v1/*', cors);
  app.use('/v1/*', localGuard({ publicBind: deps.publicBind ?? false }));
  // Rate limit before auth, keyed by peer address, so token guessing is throttled too.
  const limiter = createRateLimiter({
    perMinute: deps.rateLimitPerMinute ?? 600,
    now: deps.now,
    store: team?.buckets,
    clientKey: (c) => {
      try {
        return getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        return 'local';
      }
    },
  });
  app.use('/v1/*', limiter.middleware);
  if (team) {
    // Before the token check: a team member has no token yet when trying to pair, and needs to hear why pairing
    // cannot work here rather than "send your team token".
    app.all('/v1/pair', (c) =>
      apiError(
        c,
        403,
        'unauthorized',
        'This is a team server: pairing is off. Paste the personal token a team admin gave you (cli team add-user) into the options.',
      ),
    );
    app.use('/v1/*', team.auth);
    app.route('/v1/team', team.routes);
  } else {
    // Pairing is how the extension gets a token, so it sits before the token check (it makes its own checks).
    app.route(
      '/v1/pair',
      pairRoutes({
        installToken: deps.installToken,
        corsOrigins: deps.corsOrigins ?? [],
        publicBind: deps.publicBind ?? false,
        requireToken: !!deps.token,
        hasToken: bearerMatches([deps.token]),
      }),
    );
    app.use(
      '/v1/*',
      apiAuth({ token: deps.token, installToken: deps.installToken, allowClientHeader: !deps.requirePairing }),
    );
  }
  if (deps.lookup) app.route('/v1/lookup', lookupRoutes(deps.lookup, { charge: limiter.charge }));
  app.route('/v1/recheck', recheckRoutes({ now: deps.now, ...deps.recheck }));
  app.route('/v1/timestamp', timestampRoutes(deps.timestamp));
  if (deps.mail) {
    // A team's mail goes out under the team's name: viewers read, analysts send.
    if (team) app.use('/v1/send/*', team.role('analyst', 'mail.send') as MiddlewareHandler, team.audited('mail.send'));
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
