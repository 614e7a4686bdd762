import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../lib/backend/headers';
import { ApiErrorSchema } from '../../lib/contract';

/** What the extension and the CLI send on every /v1 call (the backend refuses requests without it on loopback). */
export const CLIENT_HEADERS = { [CLIENT_HEADER]: CLIENT_HEADER_VALUE };

interface Requestable {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * Every JSON error the backend answers in a route test must be the API's error shape with a kind from
 * lib/errors.ts: a kind the extension cannot explain fails the test that provoked it.
 */
export async function assertErrorShape(res: Response): Promise<Response> {
  if (res.status < 400 || !(res.headers.get('content-type') ?? '').includes('json')) return res;
  const body: unknown = await res.clone().json();
  const parsed = ApiErrorSchema.safeParse(body);
  if (!parsed.success)
    throw new Error(`HTTP ${res.status} answered an error outside the vocabulary: ${JSON.stringify(body)}`);
  return res;
}

/** app.request with the client header added (headers given by the test win); error answers are checked. */
export async function clientRequest(app: Requestable, input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has(CLIENT_HEADER)) headers.set(CLIENT_HEADER, CLIENT_HEADER_VALUE);
  return assertErrorShape(await app.request(input, { ...init, headers }));
}
