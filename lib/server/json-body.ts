/**
 * The one place a route reads a JSON body: unreadable JSON and schema failures both answer 400 invalid_input, with
 * the dotted path of the first problem so the caller knows which field to fix.
 */
import type { Context, Env, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { firstIssue } from '../zod-issue';
import { apiError } from './api-error';

/** 400 invalid_input naming the first field Zod rejected; also for query strings, which are not bodies. */
export function invalidInput(c: Context, error: z.ZodError) {
  const { path, message } = firstIssue(error);
  return apiError(c, 400, 'invalid_input', `${path || 'request'}: ${message}`, path || undefined);
}

/** Reads and validates the body: the parsed value, or the 400 response to send. */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; value: z.output<S> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: apiError(c, 400, 'invalid_input', 'Body is not valid JSON.') };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: invalidInput(c, parsed.error) };
}

/**
 * Route middleware: `app.post('/', jsonBody(Schema), (c) => c.req.valid('json'))`. Unlike hono/validator it reads
 * the body whatever the Content-Type says (clients such as curl often send none) and answers in the API's own shape.
 */
export function jsonBody<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<Env, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    const body = await readJsonBody(c, schema);
    if (!body.ok) return body.response;
    c.req.addValidatedData('json', body.value as object);
    await next();
  };
}
