import { describe, expect, it, vi } from 'vitest';
import { createPublicOnlyFetch } from '../../lib/server/public-only-fetch';

const ok = () => new Response('{}', { status: 200 });

describe('RDAP fetch on the backend', () => {
  const zone: Record<string, string[]> = {
    'rdap.arin.net': ['199.71.0.160'],
    'rdap.evil.example': ['10.0.0.5'],
    'mixed.example': ['203.0.114.7', '127.0.0.1'],
  };
  const resolve = vi.fn(async (h: string) => zone[h] ?? []);

  it('fetches public hosts and refuses names that point into private space', async () => {
    const inner = vi.fn(async () => ok());
    const f = createPublicOnlyFetch(inner, resolve, { now: () => new Date(0) });
    expect((await f('https://rdap.arin.net/registry/ip/8.8.8.8')).status).toBe(200);
    await expect(f('https://rdap.evil.example/domain/x.com')).rejects.toMatchObject({ kind: 'private_target' });
    await expect(f('https://mixed.example/ip/1.2.3.4')).rejects.toMatchObject({ kind: 'private_target' });
    await expect(f('https://192.168.1.1/ip/1.2.3.4')).rejects.toMatchObject({ kind: 'private_target' });
    await expect(f('https://rdap.arin.net:8443/ip/1.2.3.4')).rejects.toMatchObject({ kind: 'private_target' });
    expect(inner).toHaveBeenCalledTimes(1);
  });

  it('asks DNS once per origin while the verdict is fresh', async () => {
    resolve.mockClear();
    let t = 0;
    const f = createPublicOnlyFetch((async () => ok()), resolve, { now: () => new Date(t), ttlMs: 1000 });
    await f('https://rdap.arin.net/a');
    await f('https://rdap.arin.net/b');
    expect(resolve).toHaveBeenCalledTimes(1);
    t = 2000;
    await f('https://rdap.arin.net/c');
    expect(resolve).toHaveBeenCalledTimes(2);
  });
});
