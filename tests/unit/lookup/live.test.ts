import { promises as dns } from 'node:dns';
import { describe, expect, test as liveTest } from 'vitest';
import { lookup } from '../../../lib/lookup/lookup';
import type { DnsType, LookupDeps } from '../../../lib/lookup/types';

// Real network: opt in with TAKEDOWN_LIVE=1 (never in CI).
const test = process.env.TAKEDOWN_LIVE === '1' ? liveTest : liveTest.skip;

async function resolve(name: string, type: DnsType): Promise<string[]> {
  try {
    if (type === 'A') return await dns.resolve4(name);
    if (type === 'AAAA') return await dns.resolve6(name);
    if (type === 'CNAME') return await dns.resolveCname(name);
    if (type === 'NS') return await dns.resolveNs(name);
    return (await dns.resolveTxt(name)).map((parts) => parts.join(''));
  } catch (e) {
    if ((e as { code?: string }).code === 'ENODATA' || (e as { code?: string }).code === 'ENOTFOUND') return [];
    throw e;
  }
}

describe('live lookup', () => {
  test('cloudflare.com is behind Cloudflare and registered at Cloudflare Registrar', async () => {
    const deps: LookupDeps = { fetch: globalThis.fetch, resolve, now: () => new Date() };
    const res = await lookup('https://www.cloudflare.com/', deps);
    expect(res.cdn?.name).toBe('Cloudflare');
    expect(res.recipients[0]!.role).toBe('cdn');
    expect(res.recipients.some((r) => r.role === 'registrar' && r.providerId === 'cloudflare-registrar')).toBe(true);
  }, 60_000);
});
