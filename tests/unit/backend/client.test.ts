import { describe, expect, it, vi } from 'vitest';
import { checkBackend, lookupUrl } from '../../../lib/backend/client';
import type { LookupResult } from '../../../lib/contract';
import { requestUrl } from '../../helpers/request-url';

const settings = { url: 'http://127.0.0.1:8787', token: 's3cret' };
const result: LookupResult = { input: 'https://a.test/', hostname: 'a.test', registrableDomain: 'a.test', addresses: [], cdn: null, recipients: [], errors: [] };

describe('backend client', () => {
  it('sends the bearer token and validates the answer', async () => {
    const fetchFn = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } }));
    expect(await lookupUrl(settings, fetchFn as never, { url: 'https://a.test/' })).toEqual(result);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(requestUrl(url)).toBe('http://127.0.0.1:8787/v1/lookup');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer s3cret');
  });

  it('reads streamed progress lines, then the result', async () => {
    const lines = [{ type: 'step', step: 'dns', status: 'done' }, { type: 'step', step: 'rdap-ip', status: 'error', detail: 'timeout' }, { type: 'result', result }];
    const body = new ReadableStream({
      start(c) {
        const text = lines.map((l) => JSON.stringify(l)).join('\n');
        c.enqueue(new TextEncoder().encode(text.slice(0, 30)));
        c.enqueue(new TextEncoder().encode(text.slice(30)));
        c.close();
      },
    });
    const steps: string[] = [];
    const got = await lookupUrl(settings, (async () => new Response(body, { headers: { 'content-type': 'application/x-ndjson' } })), { url: 'https://a.test/' }, { onStep: (e) => steps.push(`${e.step}:${e.status}`) });
    expect(steps).toEqual(['dns:done', 'rdap-ip:error']);
    expect(got).toEqual(result);
  });

  it('turns failures into kinds the UI can explain', async () => {
    await expect(checkBackend(settings, (async () => Promise.reject(new TypeError('Failed to fetch'))))).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(lookupUrl(settings, (async () => new Response(JSON.stringify({ error: { kind: 'private_target', message: 'loopback' } }), { status: 400 })), { url: 'http://127.0.0.1/' })).rejects.toMatchObject({ kind: 'private_target', message: 'loopback' });
    await expect(lookupUrl(settings, (async () => new Response('nope', { status: 401 })), { url: 'https://a.test/' })).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(lookupUrl(settings, (async () => new Response('{"input":1}')), { url: 'https://a.test/' })).rejects.toMatchObject({ kind: 'invalid_response' });
  });
});
