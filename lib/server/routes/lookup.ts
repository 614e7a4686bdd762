/**
 * /v1/lookup: GET ?url=, POST {url, headers}, POST /batch {urls}. Zod at the edge; bad input answers 400
 * before any DNS, RDAP or WHOIS query is made.
 */
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { BatchRequestSchema, LookupQuerySchema } from '../../contract';
import { apiError } from '../api-error';
import { normalizeTarget } from '../../lookup';
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

export interface LookupRouteOptions {
  /** Charges extra rate-limit tokens to the caller; a batch costs one per URL. Returns a 429 to send, or null. */
  charge?: (c: Context, n: number) => Promise<Response | null>;
}

export function lookupRoutes(service: LookupService, opts: LookupRouteOptions = {}) {
  const app = new Hono();

  const single = async (c: Context, input: unknown) => {
    const parsed = LookupQuerySchema.safeParse(input);
    if (!parsed.success) return invalid(c, parsed.error);
    if (c.req.query('stream') === '1') return streamed(c, parsed.data.url, parsed.data.headers);
    try {
      return c.json(await service.lookup(parsed.data.url, parsed.data.headers));
    } catch (err) {
      if (err instanceof InvalidTarget) return apiError(c, 400, err.error.kind, err.error.message, 'url');
      throw err;
    }
  };

  /**
   * NDJSON: one {type:'step'} line as each stage starts or ends, then {type:'result'}. Bad input is
   * refused with a plain 400 before the stream opens.
   */
  const streamed = async (c: Context, url: string, headers?: Record<string, string>) => {
    const target = normalizeTarget(url);
    if (!target.ok) return apiError(c, 400, target.error.kind, target.error.message, 'url');
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    c.header('cache-control', 'no-store');
    return stream(c, async (out) => {
      const line = (value: unknown) => out.write(`${JSON.stringify(value)}\n`);
      const pending: Promise<unknown>[] = [];
      // The target checked above is the one looked up: the input is normalised once per request.
      const result = await service.lookupTarget(
        url,
        target,
        headers,
        (e) => void pending.push(line({ type: 'step', ...e })),
      );
      await Promise.all(pending);
      await line({ type: 'result', result });
    });
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
    // One token per URL (the request itself paid one): a batch is not a way around the per-client limit.
    const refused = await opts.charge?.(c, parsed.data.urls.length - 1);
    if (refused) return refused;
    return c.json(await service.batch(parsed.data.urls));
  });

  return app;
}
