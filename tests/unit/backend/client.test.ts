import { describe, expect, it, vi } from 'vitest';
import { checkBackend, lookupBatch, lookupUrl, pairWithBackend } from '../../../lib/backend/client';
import type { LookupResult } from '../../../lib/contract';
import { requestUrl } from '../../helpers/request-url';

const settings = { url: 'http://127.0.0.1:8787', token: 's3cret' };
const result: LookupResult = {
  input: 'https://a.test/',
  hostname: 'a.test',
  registrableDomain: 'a.test',
  addresses: [],
  cdn: null,
  recipients: [],
  errors: [],
};

describe('backend client', () => {
  it('sends the bearer token and validates the answer', async () => {
    const fetchFn = vi.fn(
      async (_url: string | URL | Request, _init?: RequestInit) =>
        new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } }),
    );
    expect(await lookupUrl(settings, fetchFn as never, { url: 'https://a.test/' })).toEqual(result);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(requestUrl(url)).toBe('http://127.0.0.1:8787/v1/lookup');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer s3cret');
  });

  it('reads streamed progress lines, then the result', async () => {
    const lines = [
      { type: 'step', step: 'dns', status: 'done' },
      { type: 'step', step: 'rdap-ip', status: 'error', detail: 'timeout' },
      { type: 'result', result },
    ];
    const body = new ReadableStream({
      start(c) {
        const text = lines.map((l) => JSON.stringify(l)).join('\n');
        c.enqueue(new TextEncoder().encode(text.slice(0, 30)));
        c.enqueue(new TextEncoder().encode(text.slice(30)));
        c.close();
      },
    });
    const steps: string[] = [];
    const got = await lookupUrl(
      settings,
      async () => new Response(body, { headers: { 'content-type': 'application/x-ndjson' } }),
      { url: 'https://a.test/' },
      { onStep: (e) => steps.push(`${e.step}:${e.status}`) },
    );
    expect(steps).toEqual(['dns:done', 'rdap-ip:error']);
    expect(got).toEqual(result);
  });

  it('turns failures into kinds the UI can explain', async () => {
    await expect(
      checkBackend(settings, async () => Promise.reject(new TypeError('Failed to fetch'))),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    // What the real backend answers, kind for kind, is checked against the real app in tests/server/error-kinds.
    // Here: a body outside the API's error shape (an older backend's spelling, a proxy's page) falls back to the status.
    await expect(
      lookupUrl(
        settings,
        async () =>
          new Response(JSON.stringify({ error: { kind: 'private-target', message: 'loopback' } }), { status: 400 }),
        { url: 'http://127.0.0.1/' },
      ),
    ).rejects.toMatchObject({ kind: 'invalid_input', message: 'The backend answered HTTP 400' });
    await expect(
      lookupUrl(settings, async () => new Response('<html>too big</html>', { status: 413 }), {
        url: 'https://a.test/',
      }),
    ).rejects.toMatchObject({ kind: 'payload_too_large' });
    await expect(
      lookupUrl(settings, async () => new Response('nope', { status: 401 }), { url: 'https://a.test/' }),
    ).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(
      lookupUrl(settings, async () => new Response('{"input":1}'), { url: 'https://a.test/' }),
    ).rejects.toMatchObject({ kind: 'invalid_response' });
  });
});

describe('backend client: CSRF header, pairing, batch budget', () => {
  it('sends the X-Takedown-Client header on every call, with or without a token', async () => {
    const fetchFn = vi.fn(
      async (_url: string | URL | Request, _init?: RequestInit) =>
        new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } }),
    );
    await lookupUrl({ url: 'http://127.0.0.1:8787', token: '' }, fetchFn, { url: 'https://a.test/' });
    expect(new Headers(fetchFn.mock.calls[0]![1]?.headers).get('x-takedown-client')).toBe('extension');
    expect(new Headers(fetchFn.mock.calls[0]![1]?.headers).get('authorization')).toBeNull();
  });

  it('pairs with POST /v1/pair and returns the token', async () => {
    const token = 'a'.repeat(43);
    const fetchFn = vi.fn(
      async (_url: string | URL | Request, _init?: RequestInit) =>
        new Response(JSON.stringify({ token }), { headers: { 'content-type': 'application/json' } }),
    );
    expect(await pairWithBackend({ url: 'http://127.0.0.1:8787', token: 'old' }, fetchFn as never)).toEqual({ token });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(requestUrl(url)).toBe('http://127.0.0.1:8787/v1/pair');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('authorization')).toBeNull();
  });

  it('a batch told to wait a few seconds (429 Retry-After) waits and goes on', async () => {
    const batch = { items: [], stats: { urls: 0, hosts: 0, networks: 0, failed: 0 } };
    const answers = [
      new Response(JSON.stringify({ error: { kind: 'rate_limited', message: 'wait' } }), {
        status: 429,
        headers: { 'retry-after': '3' },
      }),
      new Response(JSON.stringify(batch), { headers: { 'content-type': 'application/json' } }),
    ];
    const waits: number[] = [];
    const got = await lookupBatch(
      settings,
      async () => answers.shift()!,
      [],
      undefined,
      async (ms) => void waits.push(ms),
    );
    expect(got).toEqual(batch);
    expect(waits).toEqual([3000]);
  });
});
