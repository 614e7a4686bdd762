import { describe, expect, it, vi } from 'vitest';
import { recheck } from '../../../lib/backend/client';
import type { RecheckResult } from '../../../lib/tracking/recheck';
import { requestUrl } from '../../helpers/request-url';

const settings = { url: 'http://127.0.0.1:8787', token: '' };
const result: RecheckResult = {
  url: 'https://pirate.example/book',
  finalUrl: 'https://pirate.example/book',
  status: 200,
  contentType: 'text/html',
  bytes: 120,
  truncated: false,
  sha256: 'b'.repeat(64),
  redirects: [],
  matchedMarkers: ['The Book'],
  stillServing: true,
  checkedAt: '2026-03-10T10:00:00.000Z',
};

describe('backend client: recheck', () => {
  it('posts the url and markers to /v1/recheck and validates the answer', async () => {
    const fetchFn = vi.fn(async (_u: string | URL | Request, _i?: RequestInit) => new Response(JSON.stringify(result)));
    expect(await recheck(settings, fetchFn as never, { url: result.url, markers: ['The Book'] })).toEqual(result);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(requestUrl(url)).toBe('http://127.0.0.1:8787/v1/recheck');
    expect(JSON.parse(init?.body as string)).toEqual({ url: result.url, markers: ['The Book'] });
  });

  it('says the backend is down, and refuses an answer it cannot read', async () => {
    await expect(
      recheck(settings, async () => Promise.reject(new TypeError('Failed to fetch')), { url: result.url }),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(
      recheck(settings, async () => new Response(JSON.stringify({ ...result, sha256: 'x' })), { url: result.url }),
    ).rejects.toMatchObject({ kind: 'invalid_response' });
    await expect(recheck(settings, async () => new Response('{}'), { url: '' })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
  });
});
