import { z } from 'zod';
import {
  ApiErrorSchema,
  BatchResponseSchema,
  LookupResultSchema,
  StepEventSchema,
  type BatchResponse,
  type LookupResult,
  type StepEvent,
} from '../contract';
import { AppError, type ErrorKind } from '../errors';
import type { BackendSettings } from '../model/settings';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from './headers';
import {
  RecheckRequestSchema,
  RecheckResultSchema,
  type RecheckRequest,
  type RecheckResult,
} from '../tracking/recheck';
import { firstIssue } from '../zod-issue';

export type FetchFn = typeof globalThis.fetch;

/** One line of the streamed lookup (NDJSON): a step finishing, then the result. */
const StreamLineSchema = z.discriminatedUnion('type', [
  StepEventSchema.extend({ type: z.literal('step') }),
  z.object({ type: z.literal('result'), result: LookupResultSchema }),
]);

const STATUS_KINDS: Record<number, ErrorKind> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'unauthorized',
  413: 'payload_too_large',
  429: 'rate_limited',
};

function endpoint(settings: BackendSettings, path: string): string {
  return new URL(path, settings.url.endsWith('/') ? settings.url : `${settings.url}/`).href;
}

export async function call(
  settings: BackendSettings,
  fetchFn: FetchFn,
  path: string,
  init: RequestInit = {},
  signal?: AbortSignal,
): Promise<Response> {
  const headers = new Headers(init.headers);
  // The custom header makes every call a preflighted CORS request, which the backend allows only for the extension.
  headers.set(CLIENT_HEADER, CLIENT_HEADER_VALUE);
  if (settings.token) headers.set('authorization', `Bearer ${settings.token}`);
  let res: Response;
  try {
    res = await fetchFn(endpoint(settings, path), { ...init, headers, signal });
  } catch (err) {
    if (signal?.aborted) throw new AppError('cancelled', 'Cancelled');
    throw new AppError(
      'unavailable',
      `The backend at ${settings.url} did not answer (${err instanceof Error ? err.message : String(err)})`,
      { url: settings.url },
    );
  }
  if (res.ok) return res;
  // The backend answers with the extension's own kinds (lib/errors.ts); the status only stands in for a body
  // that is not the API's error shape (a proxy's page, an older backend).
  const body = ApiErrorSchema.safeParse(await res.json().catch(() => null));
  const kind = body.success ? body.data.error.kind : (STATUS_KINDS[res.status] ?? 'unavailable');
  throw new AppError(kind, body.success ? body.data.error.message : `The backend answered HTTP ${res.status}`, {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
  });
}

export async function parsed<T>(res: Response, schema: z.ZodType<T>): Promise<T> {
  const result = schema.safeParse(await res.json().catch(() => undefined));
  if (!result.success)
    throw new AppError('invalid_response', 'The backend sent an answer this version of the extension cannot read');
  return result.data;
}

export async function checkBackend(settings: BackendSettings, fetchFn: FetchFn): Promise<{ ok: true }> {
  const res = await call(settings, fetchFn, 'healthz');
  await parsed(res, z.object({ ok: z.literal(true) }));
  return { ok: true };
}

/**
 * Asks the backend who is responsible for a URL. With onStep, the backend streams each step as it
 * finishes (NDJSON) so the report page can show real progress.
 */
export async function lookupUrl(
  settings: BackendSettings,
  fetchFn: FetchFn,
  input: { url: string; headers?: Record<string, string> },
  opts: { onStep?: (e: StepEvent) => void; signal?: AbortSignal } = {},
): Promise<LookupResult> {
  const res = await call(
    settings,
    fetchFn,
    `v1/lookup${opts.onStep ? '?stream=1' : ''}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) },
    opts.signal,
  );
  if (!opts.onStep || !res.headers.get('content-type')?.includes('ndjson') || !res.body)
    return parsed(res, LookupResultSchema);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += value ?? '';
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0 || (done && buffer.trim())) {
      const line = nl >= 0 ? buffer.slice(0, nl) : buffer;
      buffer = nl >= 0 ? buffer.slice(nl + 1) : '';
      if (!line.trim()) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        json = undefined;
      }
      const event = StreamLineSchema.safeParse(json);
      if (!event.success)
        throw new AppError('invalid_response', 'The backend sent a progress line this version cannot read');
      if (event.data.type === 'result') return event.data.result;
      opts.onStep({ step: event.data.step, status: event.data.status });
    }
    if (done) throw new AppError('invalid_response', 'The backend closed the stream before sending a result');
  }
}

/** A batch costs one rate-limit token per URL: when the backend says to wait a little, wait and go on. */
const MAX_BATCH_WAIT_S = 65;

export async function lookupBatch(
  settings: BackendSettings,
  fetchFn: FetchFn,
  urls: string[],
  signal?: AbortSignal,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void> = abortableSleep,
): Promise<BatchResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await call(
        settings,
        fetchFn,
        'v1/lookup/batch',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ urls }) },
        signal,
      );
      return await parsed(res, BatchResponseSchema);
    } catch (err) {
      const wait = err instanceof AppError && err.kind === 'rate_limited' ? Number(err.details.retryAfter) : NaN;
      if (!(wait > 0 && wait <= MAX_BATCH_WAIT_S) || attempt >= 3) throw err;
      await sleep(wait * 1000, signal);
    }
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AppError('cancelled', 'Cancelled'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new AppError('cancelled', 'Cancelled'));
    });
  });
}

/**
 * One-click pairing from the options page: a loopback backend hands its per-install token to the extension's own
 * origin; the caller stores it as the backend token.
 */
export async function pairWithBackend(settings: BackendSettings, fetchFn: FetchFn): Promise<{ token: string }> {
  const res = await call({ ...settings, token: '' }, fetchFn, 'v1/pair', { method: 'POST' });
  return parsed(res, z.object({ token: z.string().min(32).max(128) }));
}

/** Asks the backend whether a URL still serves the work (markers: text that shows it, e.g. work titles). */
export async function recheck(
  settings: BackendSettings,
  fetchFn: FetchFn,
  input: RecheckRequest,
  signal?: AbortSignal,
): Promise<RecheckResult> {
  const body = RecheckRequestSchema.safeParse(input);
  if (!body.success) {
    const issue = firstIssue(body.error);
    throw new AppError('invalid_input', `Re-check: ${issue.path} ${issue.message}`, { path: issue.path });
  }
  const res = await call(
    settings,
    fetchFn,
    'v1/recheck',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body.data) },
    signal,
  );
  return parsed(res, RecheckResultSchema);
}
