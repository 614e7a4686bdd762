/**
 * POST /v1/timestamp {sha256}: an RFC 3161 token from the configured TSA, verified before it is returned.
 * Mounted under /v1, so the token, CORS and rate limit of the lookups apply.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { TimestampRequestSchema } from '../../contract';
import { AppError } from '../../errors';
import { TimestampError } from '../../evidence/rfc3161/verify';
import { apiError } from '../api-error';
import { jsonBody } from '../json-body';
import { timestampAnswer, type TimestampService } from '../tsa/service';

export function timestampRoutes(service: TimestampService | undefined) {
  const app = new Hono();
  const tooLarge = bodyLimit({
    maxSize: 4096,
    onError: (c) => apiError(c, 413, 'payload_too_large', 'Request body is too large.'),
  });
  app.post('/', tooLarge, jsonBody(TimestampRequestSchema), async (c) => {
    const { sha256 } = c.req.valid('json');
    if (!service) {
      return apiError(
        c,
        503,
        'unavailable',
        'No time-stamping authority is configured on this backend (TAKEDOWN_TSA_URL).',
      );
    }
    try {
      const answer = await timestampAnswer(service, sha256.toLowerCase());
      return c.json(answer);
    } catch (err) {
      // 502: the backend is fine, the TSA behind it failed or sent a token we refuse; the reason says which.
      if (err instanceof TimestampError)
        return apiError(c, 502, 'invalid_response', `Token refused (${err.reason}): ${err.message}`);
      if (err instanceof AppError)
        return apiError(c, 502, err.kind === 'timeout' ? 'timeout' : 'unavailable', err.message);
      throw err;
    }
  });
  return app;
}
