/** POST /v1/recheck {url, markers}: is the URL still serving the work? Zod at the edge, SSRF-guarded fetch behind. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../../errors';
import { RecheckRequestSchema } from '../../tracking/recheck';
import { apiError } from '../api-error';
import { fetchGuarded, type GuardedFetchOptions } from '../recheck/fetch-guarded';
import { resolveAll } from '../recheck/resolve-all';
import { firstIssue } from '../../zod-issue';

export type RecheckOptions = Partial<GuardedFetchOptions>;

const HTTP: Record<string, [ContentfulStatusCode, string]> = {
  invalid_input: [400, 'invalid-input'],
  private_target: [403, 'private-target'],
  not_found: [404, 'not-found'],
  timeout: [504, 'timeout'],
  unavailable: [502, 'unavailable'],
  invalid_response: [502, 'invalid-response'],
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
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return apiError(c, 400, 'invalid-input', 'Body is not valid JSON.');
      }
      const parsed = RecheckRequestSchema.safeParse(body);
      if (!parsed.success) {
        const issue = firstIssue(parsed.error);
        const path = issue.path || undefined;
        return apiError(c, 400, 'invalid-input', `${path ?? 'request'}: ${issue.message}`, path);
      }
      try {
        return c.json(await fetchGuarded(parsed.data.url, parsed.data.markers, deps));
      } catch (err) {
        const mapped = err instanceof AppError ? HTTP[err.kind] : undefined;
        if (err instanceof AppError && mapped) {
          const [status, kind] = mapped;
          return apiError(c, status, kind, err.message, 'url');
        }
        throw err;
      }
    },
  );
  return app;
}
