/**
 * Team mode's check on every /v1 request: a bearer token of a user of this team, not revoked. It replaces the
 * single-user checks (install token, X-Takedown-Client header), which are per-instance state a team has no use
 * for. While PostgreSQL is unreachable, a token this instance verified in the last ten minutes is still accepted
 * so lookups keep working (a revocation made during the outage applies when the database is back).
 */
import type { MiddlewareHandler } from 'hono';
import type pg from 'pg';
import { apiError } from '../api-error';
import type { TeamEnv } from './routes';
import { tokenDigest, userForToken, type TeamUser } from './users';

const STALE_OK_MS = 10 * 60_000;

export function teamAuth(db: pg.Pool, now: () => Date): MiddlewareHandler<TeamEnv> {
  const recent = new Map<string, { user: TeamUser; at: number }>();
  return async (c, next) => {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!m?.[1]) {
      c.header('WWW-Authenticate', 'Bearer realm="takedown-team"');
      return apiError(
        c,
        401,
        'unauthorized',
        'This is a team server: send your team token (ask a team admin for one).',
      );
    }
    const key = tokenDigest(m[1]).toString('hex');
    let user: TeamUser | null;
    try {
      user = await userForToken(db, m[1]);
      if (user) recent.set(key, { user, at: now().getTime() });
      else recent.delete(key);
      if (recent.size > 10_000) recent.delete(recent.keys().next().value as string);
    } catch {
      const hit = recent.get(key);
      if (!hit || now().getTime() - hit.at > STALE_OK_MS)
        return apiError(c, 503, 'unavailable', 'The team database is not reachable; try again in a minute.');
      user = hit.user;
    }
    if (!user) {
      c.header('WWW-Authenticate', 'Bearer realm="takedown-team"');
      return apiError(
        c,
        401,
        'unauthorized',
        'This token is not valid on this team server (unknown or revoked); ask a team admin for a new one.',
      );
    }
    c.set('teamUser', user);
    return next();
  };
}
