import { clientRequest } from '../helpers/api-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiErrorSchema, BatchResponseSchema, LookupResultSchema, type LookupResult } from '../../lib/contract';
import { createApp } from '../../lib/server/app';
import { createLookupService, type LookupFn } from '../../lib/server/lookup-service';
import { createResolver } from '../../lib/server/resolver';
import { CHROME_EXTENSION_ORIGIN } from '../../lib/extension-id';
import type { LookupDeps } from '../../lib/lookup';
import { startLoopbackDns, type LoopbackDns } from '../helpers/loopback-dns';
import { FIXTURE_ZONE } from '../helpers/loopback-fixture-zone';

let dns: LoopbackDns;
beforeAll(async () => {
  dns = await startLoopbackDns({ zone: FIXTURE_ZONE });
});
afterAll(() => dns.close());

/** Stands in for the core: resolves A through the loopback DNS so tests can count what reached DNS. */
const resolvingLookup: LookupFn = async (target, deps) => {
  const hostname = target.hostname;
  const ips = await deps.resolve(hostname, 'A');
  return {
    input: target.url,
    hostname,
    registrableDomain: null,
    addresses: ips.map((ip) => ({ ip, asn: null, network: null })),
    cdn: null,
    recipients: [],
    errors: [],
  };
};

function setup(opts: { token?: string; rate?: number; lookup?: LookupFn } = {}) {
  let t = Date.parse('2026-03-01T00:00:00Z');
  const clock = { now: () => new Date(t), advance: (ms: number) => (t += ms) };
  const deps = {
    fetch: globalThis.fetch,
    resolve: createResolver({ servers: [dns.server], timeoutMs: 1000 }),
    now: clock.now,
  } as LookupDeps;
  const service = createLookupService({ lookup: opts.lookup ?? resolvingLookup, deps });
  const app = createApp({
    now: clock.now,
    lookup: service,
    token: opts.token,
    corsOrigins: [CHROME_EXTENSION_ORIGIN],
    rateLimitPerMinute: opts.rate ?? 1000,
  });
  return { app, clock };
}

const q = (url: string) => `/v1/lookup?url=${encodeURIComponent(url)}`;

describe('input validation at the edge', () => {
  test.each([
    ['not a url at all ::', 'invalid_input'],
    ['ftp://files.pirate-site.to/x', 'invalid_input'],
    [`https://pirate-site.to/${'a'.repeat(2100)}`, 'invalid_input'],
    [`https://${'a.'.repeat(130)}to/`, 'invalid_input'],
    ['http://127.0.0.1/admin', 'private_target'],
    ['http://10.0.0.5/', 'private_target'],
    ['http://[::1]:8787/', 'private_target'],
    ['http://169.254.169.254/latest/meta-data', 'private_target'],
    ['http://localhost/', 'private_target'],
  ])('%s → 400 %s, nothing sent to DNS', async (url, kind) => {
    const { app } = setup();
    const before = dns.count();
    const res = await clientRequest(app, q(url));
    expect(res.status).toBe(400);
    const body = ApiErrorSchema.parse(await res.json());
    expect(body.error.kind).toBe(kind);
    expect(dns.count()).toBe(before);
  });

  test('missing url, bad JSON and bad POST bodies are 400 with ApiError bodies', async () => {
    const { app } = setup();
    expect((await clientRequest(app, '/v1/lookup')).status).toBe(400);
    const post = (path: string, body: string) =>
      clientRequest(app, path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    for (const res of [
      await post('/v1/lookup', '{'),
      await post('/v1/lookup', '{"url": 5}'),
      await post('/v1/lookup/batch', '{"urls": []}'),
      await post('/v1/lookup/batch', JSON.stringify({ urls: Array(1001).fill('a.to') })),
    ]) {
      expect(res.status).toBe(400);
      ApiErrorSchema.parse(await res.json());
    }
  });

  test('a public target is resolved (the DNS counter does see real queries)', async () => {
    const { app } = setup();
    const res = await clientRequest(app, q('https://azure-host.to/movie'));
    expect(res.status).toBe(200);
    const body = LookupResultSchema.parse(await res.json());
    expect(body.addresses.map((a) => a.ip)).toEqual(['13.64.151.161']);
    expect(dns.count('azure-host.to', 'A')).toBeGreaterThan(0);
  });

  test('batch: invalid items get error items, not a 400; one lookup per distinct host', async () => {
    let calls = 0;
    const { app } = setup({ lookup: async (input, deps) => (calls++, resolvingLookup(input, deps)) });
    const urls = [
      'https://ripe-host.to/a',
      'https://ripe-host.to/b',
      'http://10.0.0.5/',
      'ftp://x.to/',
      'https://azure-host.to/',
    ];
    const res = await clientRequest(app, '/v1/lookup/batch', {
      method: 'POST',
      body: JSON.stringify({ urls }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    const body = BatchResponseSchema.parse(await res.json());
    expect(body.items.map((i) => i.url)).toEqual(urls);
    expect(body.items.map((i) => i.error?.kind ?? null)).toEqual([null, null, 'private_target', 'invalid_input', null]);
    expect(body.items[1]!.result?.input).toBe('https://ripe-host.to/b');
    expect(body.stats).toMatchObject({ urls: 5, hosts: 2, failed: 2 });
    expect(calls).toBe(2);
  });

  test('oversized bodies → 413', async () => {
    const { app } = setup();
    const big = JSON.stringify({
      urls: Array(1000).fill(`https://pirate-site.to/${'x'.repeat(2040)}`),
      pad: 'y'.repeat(300_000),
    });
    const res = await clientRequest(app, '/v1/lookup/batch', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
    });
    expect(res.status).toBe(413);
    const single = await clientRequest(app, '/v1/lookup', {
      method: 'POST',
      body: JSON.stringify({ url: 'https://a.to', headers: { x: 'y'.repeat(70_000) } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(single.status).toBe(413);
  });
});

describe('token, CORS, rate limit, errors', () => {
  test('bearer token required and checked when configured; /healthz stays open', async () => {
    const { app } = setup({ token: 's3cret-token-for-tests-0123' });
    expect((await clientRequest(app, q('https://azure-host.to/'))).status).toBe(401);
    expect(
      (await clientRequest(app, q('https://azure-host.to/'), { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    expect(
      (
        await clientRequest(app, q('https://azure-host.to/'), {
          headers: { authorization: 'Bearer s3cret-token-for-tests-0123' },
        })
      ).status,
    ).toBe(200);
    expect((await clientRequest(app, '/healthz')).status).toBe(200);
  });

  test('CORS: the extension origin is echoed (never *), preflight answered, other origins refused', async () => {
    const { app } = setup({ token: 's3cret-token-for-tests-0123' });
    const pre = await clientRequest(app, '/v1/lookup', {
      method: 'OPTIONS',
      headers: {
        origin: CHROME_EXTENSION_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(CHROME_EXTENSION_ORIGIN);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const ok = await clientRequest(app, q('https://azure-host.to/'), {
      headers: { origin: CHROME_EXTENSION_ORIGIN, authorization: 'Bearer s3cret-token-for-tests-0123' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(CHROME_EXTENSION_ORIGIN);
    for (const origin of ['https://evil.example', 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'null']) {
      const res = await clientRequest(app, q('https://azure-host.to/'), {
        headers: { origin, authorization: 'Bearer s3cret-token-for-tests-0123' },
      });
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  test('rate limit: 429 with Retry-After when the bucket is empty, refilled by the injected clock', async () => {
    const { app, clock } = setup({ rate: 3 });
    for (let i = 0; i < 3; i++) expect((await clientRequest(app, q('https://azure-host.to/'))).status).toBe(200);
    const limited = await clientRequest(app, q('https://azure-host.to/'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    ApiErrorSchema.parse(await limited.json());
    clock.advance(20_000);
    expect((await clientRequest(app, q('https://azure-host.to/'))).status).toBe(200);
  });

  test('an unexpected failure is a 500 without a stack trace; unknown paths are JSON 404s', async () => {
    const { app } = setup({
      lookup: async () => {
        throw new Error('boom at /secret/path.ts:12');
      },
    });
    const res = await clientRequest(app, q('https://azure-host.to/'));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/boom|secret|\bat\s/);
    expect(ApiErrorSchema.parse(JSON.parse(text)).error.kind).toBe('internal');
    expect((await clientRequest(app, '/v1/nope')).status).toBe(404);
  });
});

describe('service caching', () => {
  test('identical in-flight lookups are coalesced and the result is cached per host', async () => {
    let calls = 0;
    const slow: LookupFn = async (input, deps) => {
      calls++;
      await new Promise((r) => setTimeout(r, 30));
      return resolvingLookup(input, deps);
    };
    const { app } = setup({ lookup: slow });
    const results = await Promise.all(['a', 'b', 'c'].map((p) => clientRequest(app, q(`https://ripe-host.to/${p}`))));
    const bodies = (await Promise.all(results.map((r) => r.json()))) as LookupResult[];
    expect(bodies.map((b) => b.input)).toEqual([
      'https://ripe-host.to/a',
      'https://ripe-host.to/b',
      'https://ripe-host.to/c',
    ]);
    await clientRequest(app, q('https://RIPE-host.to/d'));
    expect(calls).toBe(1);
  });
});
