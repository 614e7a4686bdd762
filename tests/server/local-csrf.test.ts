import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lookupBatch, pairWithBackend } from '../../lib/backend/client';
import { ApiErrorSchema } from '../../lib/contract';
import { CHROME_EXTENSION_ORIGIN } from '../../lib/extension-id';
import { loadConfig } from '../../lib/server/config';
import { buildServerApp } from '../../lib/server/server-app';
import { CLIENT_HEADERS } from '../helpers/api-client';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';
import { requestUrl } from '../helpers/request-url';

let stack: LoopbackStack;
beforeAll(async () => {
  stack = await startLoopbackStack();
});
afterAll(() => stack?.close());

const TOKEN = 's3cret-token-for-tests-0123';
const q = (url: string) => `/v1/lookup?url=${encodeURIComponent(url)}`;
const appWith = (env: Record<string, string> = {}) => buildServerApp(loadConfig({ ...stack.env, ...env }));

describe('local CSRF: what a web page can send is refused, even on loopback', () => {
  test('a request without the client header or a token is 401 and reaches no DNS server', async () => {
    const { app } = appWith();
    const before = stack.dns.count();
    const res = await app.request(q('https://azure-host.to/'));
    expect(res.status).toBe(401);
    expect(ApiErrorSchema.parse(await res.json()).error.kind).toBe('unauthorized');
    const post = await app.request('/v1/lookup', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"url":"https://azure-host.to/"}',
    });
    expect(post.status).toBe(401);
    expect(stack.dns.count()).toBe(before);
    expect((await app.request(q('https://azure-host.to/'), { headers: CLIENT_HEADERS })).status).toBe(200);
  });

  test.each([
    [{ 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' }],
    [{ 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }],
    [{ 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'script' }],
  ])('browser-marked page loads are refused even with the header: %o', async (fetchMeta) => {
    const { app } = appWith();
    const res = await app.request(q('https://azure-host.to/'), { headers: { ...CLIENT_HEADERS, ...fetchMeta } });
    expect(res.status).toBe(403);
    expect(ApiErrorSchema.parse(await res.json()).error.kind).toBe('unauthorized');
  });

  test('DNS rebinding: a Host that is not a loopback name is refused unless the bind is public', async () => {
    const { app } = appWith();
    for (const host of ['evil.example', 'rebind.attacker.test', '127.0.0.1.nip.io']) {
      expect(
        (await app.request(`http://${host}:8787${q('https://azure-host.to/')}`, { headers: CLIENT_HEADERS })).status,
      ).toBe(403);
    }
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
      expect(
        (await app.request(`http://${host}:8787${q('https://azure-host.to/')}`, { headers: CLIENT_HEADERS })).status,
      ).toBe(200);
    }
    const open = appWith({ TAKEDOWN_HOST: '0.0.0.0', TAKEDOWN_TOKEN: TOKEN });
    const res = await open.app.request(`http://takedown.internal:8787${q('https://azure-host.to/')}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
  });

  test('with TAKEDOWN_TOKEN, the bearer token works on every /v1 route and the header alone does not', async () => {
    const { app } = appWith({ TAKEDOWN_TOKEN: TOKEN });
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    expect((await app.request(q('https://azure-host.to/'), { headers: CLIENT_HEADERS })).status).toBe(401);
    expect((await app.request(q('https://azure-host.to/'), { headers: auth })).status).toBe(200);
    expect(
      (await app.request('/v1/lookup', { method: 'POST', headers: auth, body: '{"url":"https://azure-host.to/"}' }))
        .status,
    ).toBe(200);
    expect(
      (
        await app.request('/v1/lookup/batch', {
          method: 'POST',
          headers: auth,
          body: '{"urls":["https://azure-host.to/"]}',
        })
      ).status,
    ).toBe(200);
    // Recheck of a loopback URL is refused for what it is (403 private_target), not for the credentials.
    const recheck = await app.request('/v1/recheck', {
      method: 'POST',
      headers: auth,
      body: '{"url":"http://127.0.0.1/x","markers":[]}',
    });
    expect(ApiErrorSchema.parse(await recheck.json()).error.kind).toBe('private_target');
  });

  test('one-click pairing: the extension origin gets the per-install token, which then works as a bearer', async () => {
    const { app, installToken } = appWith({ TAKEDOWN_REQUIRE_PAIRING: '1' });
    const viaApp = ((input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('origin', CHROME_EXTENSION_ORIGIN);
      return app.request(new URL(requestUrl(input)).pathname, { ...init, headers });
    }) as typeof fetch;
    const settings = { url: 'http://127.0.0.1:8787', token: '' };
    const { token } = await pairWithBackend(settings, viaApp);
    expect(token).toBe(installToken);
    // With TAKEDOWN_REQUIRE_PAIRING the header alone is not enough; the paired token is.
    expect((await app.request(q('https://azure-host.to/'), { headers: CLIENT_HEADERS })).status).toBe(401);
    const batch = await lookupBatch({ ...settings, token }, viaApp, ['https://azure-host.to/']);
    expect(batch.stats.failed).toBe(0);
    // Not to a web page (CORS refuses its origin), nor to a caller without an Origin.
    expect(
      (
        await app.request('/v1/pair', {
          method: 'POST',
          headers: { ...CLIENT_HEADERS, origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(403);
    const bare = await app.request('/v1/pair', { method: 'POST', headers: CLIENT_HEADERS });
    expect(bare.status).toBe(403);
    expect(JSON.stringify(await bare.json())).not.toContain(installToken!);
    // A publicly bound backend never hands out a token.
    const open = appWith({ TAKEDOWN_HOST: '0.0.0.0', TAKEDOWN_TOKEN: TOKEN });
    const refused = await open.app.request('/v1/pair', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, origin: CHROME_EXTENSION_ORIGIN },
    });
    expect(refused.status).toBe(403);
  });

  test('a batch is charged one rate-limit token per URL', async () => {
    const { app } = appWith({ TAKEDOWN_RATE_LIMIT: '10' });
    const batch = (n: number) =>
      app.request('/v1/lookup/batch', {
        method: 'POST',
        headers: { ...CLIENT_HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify({ urls: Array.from({ length: n }, (_, i) => `https://azure-host.to/${i}`) }),
      });
    const big = await batch(20);
    expect(big.status).toBe(429);
    expect(Number(big.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await batch(8)).status).toBe(200);
    // 9 of 10 tokens are spent: one more single request fits, the next does not.
    expect((await app.request(q('https://azure-host.to/'), { headers: CLIENT_HEADERS })).status).toBe(200);
    expect((await app.request(q('https://azure-host.to/'), { headers: CLIENT_HEADERS })).status).toBe(429);
  });
});

describe('recheck uses the configured resolvers', () => {
  test('TAKEDOWN_DNS_SERVERS answers the re-check guard (a name only the loopback DNS knows)', async () => {
    const local = await startLoopbackStack({ zone: { 'inward-recheck.test': { A: ['10.0.0.5'] } } });
    try {
      const { app } = buildServerApp(loadConfig(local.env));
      const res = await app.request('/v1/recheck', {
        method: 'POST',
        headers: { ...CLIENT_HEADERS, 'content-type': 'application/json' },
        body: '{"url":"http://inward-recheck.test/x","markers":[]}',
      });
      const body = ApiErrorSchema.parse(await res.json());
      // Resolved by the loopback DNS (the system resolver has never heard of the name), then refused as private.
      expect(res.status).toBe(403);
      expect(body.error).toMatchObject({ kind: 'private_target', message: expect.stringMatching(/private address/) });
    } finally {
      await local.close();
    }
  });
});
