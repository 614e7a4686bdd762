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
import { invalidInput, jsonBody } from '../json-body';
import { normalizeTarget } from '../../lookup';
import { InvalidTarget, type LookupService } from '../lookup-service';

export const SINGLE_BODY_LIMIT = 64 * 1024;
/** 1,000 URLs of up to 2,048 characters, plus JSON overhead. */
export const BATCH_BODY_LIMIT = 2_200_000;

type LookupQuery = z.infer<typeof LookupQuerySchema>;

const tooLarge = (c: Context) => apiError(c, 413, 'payload_too_large', 'Request body is too large.');

export interface LookupRouteOptions {
  /** Charges extra rate-limit tokens to the caller; a batch costs one per URL. Returns a 429 to send, or null. */
  charge?: (c: Context, n: number) => Promise<Response | null>;
}

export function lookupRoutes(service: LookupService, opts: LookupRouteOptions = {}) {
  const app = new Hono();

  const single = async (c: Context, query: LookupQuery) => {
    if (c.req.query('stream') === '1') return streamed(c, query.url, query.headers);
    try {
      return c.json(await service.lookup(query.url, query.headers));
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

  app.get('/', (c) => {
    const parsed = LookupQuerySchema.safeParse({ url: c.req.query('url') });
    return parsed.success ? single(c, parsed.data) : invalidInput(c, parsed.error);
  });

  app.post('/', bodyLimit({ maxSize: SINGLE_BODY_LIMIT, onError: tooLarge }), jsonBody(LookupQuerySchema), (c) =>
    single(c, c.req.valid('json')),
  );

  app.post(
    '/batch',
    bodyLimit({ maxSize: BATCH_BODY_LIMIT, onError: tooLarge }),
    jsonBody(BatchRequestSchema),
    async (c) => {
      const { urls } = c.req.valid('json');
      // One token per URL (the request itself paid one): a batch is not a way around the per-client limit.
      const refused = await opts.charge?.(c, urls.length - 1);
      if (refused) return refused;
      return c.json(await service.batch(urls));
    },
  );

  return app;
}
