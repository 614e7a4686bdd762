import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../lib/backend/headers';

/** What the extension and the CLI send on every /v1 call (the backend refuses requests without it on loopback). */
export const CLIENT_HEADERS = { [CLIENT_HEADER]: CLIENT_HEADER_VALUE };

interface Requestable {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** app.request with the client header added (headers given by the test win). */
export function clientRequest(app: Requestable, input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has(CLIENT_HEADER)) headers.set(CLIENT_HEADER, CLIENT_HEADER_VALUE);
  return Promise.resolve(app.request(input, { ...init, headers }));
}
