import { clientRequest } from '../helpers/api-client';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../lib/server/app';
import type { RecheckOptions } from '../../lib/server/routes/recheck';
import { RecheckResultSchema } from '../../lib/tracking/recheck';

const PAGE = '<html><title>Free download</title><body>Read The Book online, chapter 1…</body></html>';
const BIG = Buffer.alloc(3 * 1024 * 1024, 'x');
let server: http.Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(`${req.headers.host} ${req.url}`);
    const url = req.url ?? '/';
    if (url === '/book') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (url === '/gone') return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    if (url === '/moved') return res.writeHead(301, { location: '/book' }).end();
    if (url === '/to-metadata')
      return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (url.startsWith('/loop')) return res.writeHead(302, { location: `/loop${Number(url.slice(5) || 0) + 1}` }).end();
    if (url === '/big') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(BIG);
    if (url === '/hang') return; // never answers
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const now = () => new Date('2026-03-02T09:00:00Z');
let resolveCalls = 0;
/** A public-looking name that only this test's resolver knows, mapped to the loopback server. */
const loopbackResolver = async (name: string) => {
  resolveCalls++;
  if (name === 'pirate.test') return ['127.0.0.1'];
  if (name === 'mixed.test') return ['93.184.216.34', '10.0.0.7'];
  return [];
};

function call(body: unknown, recheck: RecheckOptions) {
  const app = createApp({ now, recheck });
  return clientRequest(app, '/v1/recheck', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const testing = (extra: RecheckOptions = {}): RecheckOptions => ({
  resolve: loopbackResolver,
  allowLoopback: true,
  allowedPorts: [port],
  ...extra,
});
const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

describe('POST /v1/recheck', () => {
  it('fetches through the pinned address and reports the body hash and markers', async () => {
    resolveCalls = 0;
    const res = await call({ url: `http://pirate.test:${port}/book`, markers: ['the book', 'Other Work'] }, testing());
    expect(res.status).toBe(200);
    const body = RecheckResultSchema.parse(await res.json());
    expect(body).toMatchObject({
      status: 200,
      finalUrl: `http://pirate.test:${port}/book`,
      contentType: 'text/html; charset=utf-8',
      bytes: Buffer.byteLength(PAGE),
      truncated: false,
      sha256: sha(PAGE),
      matchedMarkers: ['the book'],
      stillServing: true,
      checkedAt: '2026-03-02T09:00:00.000Z',
    });
    // 'pirate.test' exists only in the injected resolver: the connection used the vetted IP.
    expect(resolveCalls).toBe(1);
    expect(hits.at(-1)).toBe(`pirate.test:${port} /book`);
  });

  it('says not serving when markers are missing or the page is gone', async () => {
    const miss = RecheckResultSchema.parse(
      await (await call({ url: `http://pirate.test:${port}/book`, markers: ['Unrelated'] }, testing())).json(),
    );
    expect(miss.stillServing).toBe(false);
    const gone = RecheckResultSchema.parse(
      await (await call({ url: `http://pirate.test:${port}/gone`, markers: [] }, testing())).json(),
    );
    expect(gone).toMatchObject({ status: 404, stillServing: false, sha256: sha('Not found') });
  });

  it('follows redirects with the same checks', async () => {
    const r = RecheckResultSchema.parse(
      await (await call({ url: `http://pirate.test:${port}/moved`, markers: ['the book'] }, testing())).json(),
    );
    expect(r).toMatchObject({
      status: 200,
      redirects: [`http://pirate.test:${port}/book`],
      finalUrl: `http://pirate.test:${port}/book`,
      stillServing: true,
    });
    const meta = await call({ url: `http://pirate.test:${port}/to-metadata` }, testing({ allowedPorts: [port, 80] }));
    expect(meta.status).toBe(403);
    expect(await meta.json()).toMatchObject({ error: { kind: 'private_target' } });
    const loop = await call({ url: `http://pirate.test:${port}/loop` }, testing());
    expect(loop.status).toBe(502);
    expect((await loop.json()).error.message).toMatch(/redirects/);
  });

  it('caps the body size and hashes what it read', async () => {
    const r = RecheckResultSchema.parse(
      await (await call({ url: `http://pirate.test:${port}/big` }, testing({ maxBytes: 1000 }))).json(),
    );
    expect(r).toMatchObject({ bytes: 1000, truncated: true, sha256: sha(BIG.subarray(0, 1000)) });
  });

  it('gives up after the time limit', async () => {
    const res = await call({ url: `http://pirate.test:${port}/hang` }, testing({ timeoutMs: 300 }));
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { kind: 'timeout' } });
  });

  it('refuses loopback and private targets by default', async () => {
    for (const url of [
      `http://pirate.test:${port}/book`,
      `http://127.0.0.1:${port}/book`,
      `http://[::1]:${port}/book`,
    ]) {
      const res = await call({ url }, { resolve: loopbackResolver, allowedPorts: [port] });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { kind: 'private_target', path: 'url' } });
    }
    const mixed = await call({ url: 'http://mixed.test/' }, testing({ allowedPorts: [80] }));
    expect(mixed.status).toBe(403);
    expect((await mixed.json()).error.message).toMatch(/private/);
    // The test-only switch admits loopback, never private ranges.
    const priv = await call({ url: 'http://10.1.2.3/' }, testing({ allowedPorts: [80] }));
    expect(priv.status).toBe(403);
  });

  it('refuses other ports, schemes and credentials, and bad bodies with the path', async () => {
    expect(
      (await call({ url: `http://pirate.test:${port}/book` }, { resolve: loopbackResolver, allowLoopback: true }))
        .status,
    ).toBe(403);
    for (const url of [
      'ftp://pirate.test/x',
      'file:///etc/passwd',
      `http://user:pw@pirate.test:${port}/book`,
      'not a url',
    ]) {
      const res = await call({ url }, testing());
      expect(res.status).toBe(400);
    }
    const nx = await call({ url: 'http://nowhere.test/' }, testing({ allowedPorts: [80] }));
    expect(nx.status).toBe(404);
    const bad = await call({ url: 'http://x.test/', markers: [42] }, testing());
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { kind: 'invalid_input', path: 'markers.0' } });
    expect((await call('{nope', testing())).status).toBe(400);
  });
});
