import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorSchema, TimestampResponseSchema } from '../../lib/contract';
import { base64ToBytes } from '../../lib/export/base64';
import { CHROME_EXTENSION_ORIGIN } from '../../lib/extension-id';
import { createApp } from '../../lib/server/app';
import { createTimestampService } from '../../lib/server/tsa/service';
import { openssl, startLoopbackTsa, type LoopbackTsa } from '../helpers/loopback-tsa';

let tsa: LoopbackTsa;
beforeAll(async () => {
  tsa = await startLoopbackTsa();
}, 60_000);
afterAll(() => tsa?.close());
beforeEach(() => tsa.setMode('ok'));

const TOKEN = 'a-long-enough-test-token';
const now = () => new Date();
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function app(configured = true) {
  const timestamp = configured
    ? createTimestampService({ url: tsa.url, caFile: tsa.files.root, backoffMs: 5 })
    : undefined;
  return createApp({ now, token: TOKEN, corsOrigins: [CHROME_EXTENSION_ORIGIN], rateLimitPerMinute: 1000, timestamp });
}

const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('POST /v1/timestamp', () => {
  it('returns a verified token that openssl accepts for the data, with the chain for the package', async () => {
    const data = '{"captureId":"c1","artefacts":[]}';
    const res = await app().request('/v1/timestamp', post({ sha256: sha(data).toUpperCase() }));
    expect(res.status).toBe(200);
    const body = TimestampResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ policy: '1.3.6.1.4.1.99999.1.1', tsaUrl: tsa.url, chained: true });
    expect(body.tsa).toContain('Loopback TSA');
    expect(body.certificates).toHaveLength(2);
    const file = path.join(tsa.dir, 'route-data.json');
    const tsr = path.join(tsa.dir, 'route.tsr');
    const chain = path.join(tsa.dir, 'route-chain.pem');
    await writeFile(file, data);
    await writeFile(tsr, base64ToBytes(body.token));
    await writeFile(chain, body.certificates.join(''));
    expect(await openssl(['ts', '-verify', '-data', file, '-in', tsr, '-CAfile', chain], tsa.dir)).toContain(
      'Verification: OK',
    );
  });

  it('sits behind the bearer token and CORS like the lookups', async () => {
    const noAuth = await app().request('/v1/timestamp', post({ sha256: sha('x') }, {}));
    expect(noAuth.status).toBe(401);
    const evil = await app().request(
      '/v1/timestamp',
      post({ sha256: sha('x') }, { origin: 'https://evil.example', authorization: `Bearer ${TOKEN}` }),
    );
    expect(evil.status).toBe(403);
  });

  it.each([
    [{ sha256: 'abc' }, 400],
    [{}, 400],
    ['not json', 400],
  ])('refuses bad input %j with %i before asking the TSA', async (body, status) => {
    const before = tsa.requests();
    const res = await app().request('/v1/timestamp', post(body));
    expect(res.status).toBe(status);
    expect(ApiErrorSchema.parse(await res.json()).error.kind).toBe('invalid_input');
    expect(tsa.requests()).toBe(before);
  });

  it('answers 503 when no TSA is configured, and /healthz says so', async () => {
    const res = await app(false).request('/v1/timestamp', post({ sha256: sha('x') }));
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toMatch(/TAKEDOWN_TSA_URL/);
    expect(await (await app(false).request('/healthz')).json()).toMatchObject({ ok: true, tsa: null });
    expect(await (await app().request('/healthz')).json()).toMatchObject({ ok: true, tsa: { url: tsa.url } });
  });

  it('passes the reason on when the TSA fails or its token is refused', async () => {
    tsa.setMode('wrong-nonce');
    const refused = await app().request('/v1/timestamp', post({ sha256: sha('y') }));
    expect(refused.status).toBe(502);
    expect((await refused.json()).error).toMatchObject({
      kind: 'invalid_response',
      message: expect.stringMatching(/wrong-nonce/),
    });
    tsa.setMode('503');
    const down = await app().request('/v1/timestamp', post({ sha256: sha('y') }));
    expect(down.status).toBe(502);
    expect((await down.json()).error).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/after 3 tries/),
    });
  });

  it('refuses to start with a CA file that holds no certificate', async () => {
    const bad = path.join(tsa.dir, 'empty.pem');
    await writeFile(bad, 'nothing here');
    expect(() => createTimestampService({ url: tsa.url, caFile: bad })).toThrow(/holds no PEM certificate/);
    expect(await readFile(tsa.files.root, 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});
