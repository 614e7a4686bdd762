import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { CLIENT_HEADER } from '../../backend/headers';
import { apiError } from '../api-error';

const digest = (s: string) => createHash('sha256').update(s).digest();

export interface ApiAuthOptions {
  /** TAKEDOWN_TOKEN: required on every /v1 route when set (public binds always have one). */
  token?: string;
  /** The per-install token handed to the extension by pairing (install-token.ts). */
  installToken?: string;
  /** Accept the custom client header instead of a token (loopback without TAKEDOWN_TOKEN and without TAKEDOWN_REQUIRE_PAIRING). */
  allowClientHeader: boolean;
}

/**
 * Every /v1 request proves it is not a web page's simple request: a bearer token (TAKEDOWN_TOKEN or the
 * per-install token), or, on loopback, the X-Takedown-Client header, which no page can send cross-origin
 * without a preflight the CORS layer refuses. Comparing fixed-length digests keeps the compare constant-time.
 */
/** True when the request carries one of the given bearer tokens. */
export function bearerMatches(tokens: (string | undefined)[]): (c: Context) => boolean {
  const accepted = tokens.filter((t): t is string => !!t).map(digest);
  return (c) => {
    const m = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
    if (!m?.[1]) return false;
    const given = digest(m[1].trim());
    return accepted.some((t) => timingSafeEqual(given, t));
  };
}

export function apiAuth(opts: ApiAuthOptions): MiddlewareHandler {
  const hasToken = bearerMatches([opts.token, opts.installToken]);
  return async (c, next) => {
    if (hasToken(c)) return next();
    // A stale token from an earlier pairing does not lock the extension out where the header alone is enough.
    if (opts.allowClientHeader && !opts.token && c.req.header(CLIENT_HEADER)) return next();
    c.header('WWW-Authenticate', 'Bearer realm="takedown"');
    const how = opts.token
      ? 'A valid bearer token is required (TAKEDOWN_TOKEN).'
      : 'Pair the extension with this backend in its options (or send the X-Takedown-Client header from a script).';
    return apiError(c, 401, 'unauthorized', how);
  };
}
