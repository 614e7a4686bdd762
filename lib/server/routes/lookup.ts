/**
 * /v1/lookup: GET ?url=, POST {url, headers}, POST /batch {urls}. Zod at the edge; bad input answers 400
 * before any DNS, RDAP or WHOIS query is made.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { BatchRequestSchema, LookupQuerySchema } from '../../contract';
import { apiError } from '../api-error';
import { InvalidTarget, type LookupService } from '../lookup-service';

export const SINGLE_BODY_LIMIT = 64 * 1024;
/** 1,000 URLs of up to 2,048 characters, plus JSON overhead. */
export const BATCH_BODY_LIMIT = 2_200_000;

const tooLarge = (c: Context) => apiError(c, 413, 'payload_too_large', 'Request body is too large.');

function invalid(c: Context, error: z.ZodError) {
  const issue = error.issues[0];
  const path = issue?.path.join('.') || undefined;
  return apiError(c, 400, 'invalid-input', `${path ?? 'request'}: ${issue?.message ?? 'invalid'}`, path);
}

async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false };
  }
}

export function lookupRoutes(service: LookupService) {
  const app = new Hono();

  const single = async (c: Context, input: unknown) => {
    const parsed = LookupQuerySchema.safeParse(input);
    if (!parsed.success) return invalid(c, parsed.error);
    try {
      return c.json(await service.lookup(parsed.data.url, parsed.data.headers));
    } catch (err) {
      if (err instanceof InvalidTarget) return apiError(c, 400, err.error.kind, err.error.message, 'url');
      throw err;
    }
  };

  app.get('/', (c) => single(c, { url: c.req.query('url') }));

  app.post('/', bodyLimit({ maxSize: SINGLE_BODY_LIMIT, onError: tooLarge }), async (c) => {
    const body = await readJson(c);
    return body.ok ? single(c, body.value) : apiError(c, 400, 'invalid-input', 'Body is not valid JSON.');
  });

  app.post('/batch', bodyLimit({ maxSize: BATCH_BODY_LIMIT, onError: tooLarge }), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return apiError(c, 400, 'invalid-input', 'Body is not valid JSON.');
    const parsed = BatchRequestSchema.safeParse(body.value);
    if (!parsed.success) return invalid(c, parsed.error);
    return c.json(await service.batch(parsed.data.urls));
  });

  return app;
}
