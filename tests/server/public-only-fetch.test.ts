import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPublicOnlyFetch } from '../../lib/server/public-only-fetch';
import { defaultReasonOf, type ResolvedAddress } from '../../lib/server/safe-lookup';

let server: http.Server;
let port = 0;
const seen: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.headers.host} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/rdap+json' });
    res.end('{"objectClassName":"ip network"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

// The loopback server stands in for a public registry: only 127.0.0.1 is treated as public here.
const reasonOf = (a: string) => (a === '127.0.0.1' ? null : defaultReasonOf(a));
const v4 = (...xs: string[]): ResolvedAddress[] => xs.map((address) => ({ address, family: 4 }));

describe('RDAP fetch on the backend', () => {
  it('connects to the vetted address and refuses names that point into private space', async () => {
    const zone: Record<string, ResolvedAddress[]> = {
      'rdap.registry.test': v4('127.0.0.1'),
      'rdap.evil.test': v4('10.0.0.5'),
      'mixed.test': v4('127.0.0.1', '192.168.1.9'),
    };
    const f = createPublicOnlyFetch({ resolve: async (h) => zone[h] ?? [], reasonOf, allowedPorts: [port] });
    const res = await f(`http://rdap.registry.test:${port}/ip/8.8.8.8`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ objectClassName: 'ip network' });
    expect(seen).toContain(`rdap.registry.test:${port} /ip/8.8.8.8`);
    await expect(f(`http://rdap.evil.test:${port}/domain/x.com`)).rejects.toMatchObject({ kind: 'private_target' });
    await expect(f(`http://mixed.test:${port}/ip/1.2.3.4`)).rejects.toMatchObject({ kind: 'private_target' });
    await expect(f(`http://192.168.1.1:${port}/ip/1.2.3.4`)).rejects.toMatchObject({ kind: 'private_target' });
    await expect(f(`http://rdap.registry.test:8443/ip/1.2.3.4`)).rejects.toMatchObject({ kind: 'private_target' });
  });

  it('pins the connection: a rebinding second DNS answer is never used while the vetted one is fresh', async () => {
    const answers = [v4('127.0.0.1'), v4('10.1.2.3')];
    const resolve = vi.fn(async () => answers.shift() ?? v4('10.1.2.3'));
    let t = 0;
    const f = createPublicOnlyFetch({ resolve, reasonOf, allowedPorts: [port], now: () => t, ttlMs: 1000 });
    expect((await f(`http://rebind.test:${port}/a`)).status).toBe(200);
    expect((await f(`http://rebind.test:${port}/b`)).status).toBe(200);
    expect(resolve).toHaveBeenCalledTimes(1);
    t = 2000;
    await expect(f(`http://rebind.test:${port}/c`)).rejects.toMatchObject({ kind: 'private_target' });
  });

  it('never keeps a DNS failure: the next query resolves again and succeeds', async () => {
    let calls = 0;
    const resolve = async () => {
      if (calls++ === 0) throw Object.assign(new Error('queryA ESERVFAIL'), { code: 'ESERVFAIL' });
      return v4('127.0.0.1');
    };
    const f = createPublicOnlyFetch({ resolve, reasonOf, allowedPorts: [port] });
    await expect(f(`http://flaky.test:${port}/ip/1.1.1.1`)).rejects.toMatchObject({ kind: 'unavailable' });
    expect((await f(`http://flaky.test:${port}/ip/1.1.1.1`)).status).toBe(200);
  });
});
