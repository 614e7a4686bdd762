/** POST /v1/recheck {url, markers}: is the URL still serving the work? Zod at the edge, SSRF-guarded fetch behind. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorKind } from '../../errors';
import { RecheckRequestSchema } from '../../tracking/recheck';
import { apiError } from '../api-error';
import { jsonBody } from '../json-body';
import { fetchGuarded, type GuardedFetchOptions } from '../recheck/fetch-guarded';
import { resolveAll } from '../recheck/resolve-all';

export type RecheckOptions = Partial<GuardedFetchOptions>;

/** The fetch's failures as HTTP statuses; the kind itself goes out unchanged. */
const STATUS: Partial<Record<ErrorKind, ContentfulStatusCode>> = {
  invalid_input: 400,
  private_target: 403,
  not_found: 404,
  timeout: 504,
  unavailable: 502,
  invalid_response: 502,
};

export function recheckRoutes(opts: RecheckOptions = {}) {
  const app = new Hono();
  const deps: GuardedFetchOptions = { ...opts, resolve: opts.resolve ?? resolveAll };
  app.post(
    '/',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => apiError(c, 413, 'payload_too_large', 'Request body is too large.'),
    }),
    jsonBody(RecheckRequestSchema),
    async (c) => {
      const { url, markers } = c.req.valid('json');
      try {
        return c.json(await fetchGuarded(url, markers, deps));
      } catch (err) {
        const status = err instanceof AppError ? STATUS[err.kind] : undefined;
        if (err instanceof AppError && status) return apiError(c, status, err.kind, err.message, 'url');
        throw err;
      }
    },
  );
  return app;
}
