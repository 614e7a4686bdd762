import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import net from 'node:net';
import { SqliteLookupCache } from '../../lib/server/cache';
import { createSafeLookup, defaultReasonOf } from '../../lib/server/safe-lookup';
import { createWhois } from '../../lib/server/whois43';
import { ianaBlockKey } from '../../lib/whois/servers';
import { parseWhoisRoute } from '../../lib/server/config';
import { startLoopbackWhois, type LoopbackWhois } from '../helpers/loopback-whois';

let whois: LoopbackWhois;
beforeAll(async () => {
  whois = await startLoopbackWhois();
});
afterAll(() => whois.close());
beforeEach(() => {
  whois.clearFaults();
  whois.queries.length = 0;
});

const client = (extra: Parameters<typeof createWhois>[0] = {}) =>
  createWhois({ route: parseWhoisRoute(whois.env), timeoutMs: 1500, connectTimeoutMs: 500, ...extra });

describe('port-43 WHOIS client', () => {
  test('.cn goes straight to CNNIC (built-in table): registrar, no abuse e-mail', async () => {
    const r = await client()('pirate-books.cn', 'domain');
    expect(r).toMatchObject({ server: 'whois.cnnic.cn', registrar: '阿里云计算有限公司（万网）', abuseEmails: [] });
    expect(whois.count('whois.iana.org')).toBe(0);
  });

  test('thin .com registry → one registrar hop, answers merged', async () => {
    const r = await client()('THEMARQUETRY.COM', 'domain');
    expect(r).toMatchObject({
      server: 'whois.registrar.eu',
      registrantOrg: 'The Marquetry Workshop',
      abuseEmails: ['abuse@registrar.eu'],
      country: 'NL',
    });
    expect(whois.count('whois.verisign-grs.com', 'themarquetry.com')).toBe(1);
    expect(whois.count('whois.registrar.eu', 'themarquetry.com')).toBe(1);
  });

  test('IP: IANA referral (cached per client) → AFRINIC abuse comment', async () => {
    const w = client();
    const r = await w('196.11.240.215', 'ip');
    expect(r).toMatchObject({ server: 'whois.afrinic.net', abuseEmails: ['abuse@mtnbusiness.co.za'], country: 'ZA' });
    await w('196.11.240.215', 'ip');
    expect(whois.count('whois.iana.org')).toBe(1);
    expect(whois.count('whois.afrinic.net')).toBe(2);
  });

  test('unknown TLD asks IANA; no referral → null; "No match" → null', async () => {
    expect(await client()('pirates.zz', 'domain')).toBeNull();
    expect(await client()('unknown-books.cn', 'domain')).toBeNull();
  });

  test('private and malformed queries are refused without a connection', async () => {
    await expect(client()('10.0.0.5', 'ip')).rejects.toMatchObject({ step: 'whois', kind: 'private_target' });
    await expect(client()('a b\r\nc', 'domain')).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(whois.queries).toHaveLength(0);
  });

  test('never-ending stream is cut at the size cap and still parsed', async () => {
    whois.addFault({ server: 'whois.cnnic.cn', fault: 'endless' });
    const r = await client({ maxBytes: 64 * 1024 })('pirate-books.cn', 'domain');
    expect(r === null || r.raw!.length <= 64 * 1024).toBe(true);
  });

  test('oversized reply: fields before the cap survive', async () => {
    whois.addFault({ server: 'whois.cnnic.cn', fault: 'oversized', bytes: 2 * 1024 * 1024 });
    const r = await client()('pirate-books.cn', 'domain');
    expect(r?.registrar).toBe('阿里云计算有限公司（万网）');
    expect(r!.raw!.length).toBeLessThanOrEqual(256 * 1024);
  });

  test('silent and slow servers → timeout; reset → unavailable', async () => {
    whois.addFault({ server: 'whois.cnnic.cn', fault: 'silent', times: 1 });
    await expect(client({ timeoutMs: 300 })('pirate-books.cn', 'domain')).rejects.toMatchObject({
      step: 'whois',
      kind: 'timeout',
    });
    whois.addFault({ server: 'whois.cnnic.cn', fault: 'slow', delayMs: 100, times: 1 });
    await expect(client({ timeoutMs: 300 })('pirate-books.cn', 'domain')).rejects.toMatchObject({ kind: 'timeout' });
    whois.addFault({ server: 'whois.cnnic.cn', fault: 'reset', times: 1 });
    await expect(client()('pirate-books.cn', 'domain')).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('WHOIS without a route (production path)', () => {
  // The loopback WHOIS server stands in for whois.cnnic.cn: the resolver says the name is at 127.0.0.1, and only
  // that address is treated as public here. Everything else is the production code: safe lookup, vetting, pinning.
  const reasonOf = (a: string) => (a === '127.0.0.1' ? null : defaultReasonOf(a));
  const lookupAt = (address: string) => createSafeLookup({ resolve: async () => [{ address, family: 4 }], reasonOf });

  test('connects through the safe lookup with Node 20 happy eyeballs ({ all: true })', async () => {
    expect(net.getDefaultAutoSelectFamily()).toBe(true);
    const w = createWhois({
      port: whois.ports['whois.cnnic.cn'],
      lookup: lookupAt('127.0.0.1'),
      timeoutMs: 1500,
      connectTimeoutMs: 500,
    });
    const r = await w('pirate-books.cn', 'domain');
    expect(r).toMatchObject({ server: 'whois.cnnic.cn', registrar: '阿里云计算有限公司（万网）' });
  });

  test('a server name that resolves inward is refused before any byte is sent', async () => {
    const w = createWhois({
      port: whois.ports['whois.cnnic.cn'],
      lookup: lookupAt('10.0.0.8'),
      timeoutMs: 1500,
      connectTimeoutMs: 500,
    });
    await expect(w('pirate-books.cn', 'domain')).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/private address; refused/),
    });
    expect(whois.count('whois.cnnic.cn')).toBe(0);
  });

  test('the safe lookup answers in the shape asked: one address, or all of them', async () => {
    const lookup = createSafeLookup({
      resolve: async () => [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
      reasonOf: () => null,
    });
    const ask = (options: object) =>
      new Promise<unknown[]>((resolve) =>
        (lookup as unknown as (h: string, o: object, cb: (...a: unknown[]) => void) => void)(
          'x.test',
          options,
          (...a) => resolve(a),
        ),
      );
    expect(await ask({ all: true })).toEqual([
      null,
      [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
    ]);
    expect(await ask({})).toEqual([null, '127.0.0.1', 4]);
    expect(await ask({ family: 6 })).toEqual([null, '::1', 6]);
  });
});

describe('WHOIS caching', () => {
  test('one query per domain, shared in flight and kept in the persistent cache', async () => {
    const cache = new SqliteLookupCache('memory');
    const w = client({ cache });
    await Promise.all(Array.from({ length: 20 }, () => w('pirate-books.cn', 'domain')));
    expect(whois.count('whois.cnnic.cn', 'pirate-books.cn')).toBe(1);
    // A new client (a restarted server) on the same cache asks nothing.
    await client({ cache })('pirate-books.cn', 'domain');
    expect(whois.count('whois.cnnic.cn', 'pirate-books.cn')).toBe(1);
    cache.close();
  });

  test('IANA referrals are kept per /8, not per address', async () => {
    const w = client();
    await w('196.11.240.215', 'ip');
    await w('196.200.1.1', 'ip');
    expect(whois.count('whois.iana.org')).toBe(1);
    expect(whois.queries.find((q) => q.server === 'whois.iana.org')?.query).toBe('196.0.0.0');
    expect(ianaBlockKey('2001:db9:1::5')).toBe('2001:db9::');
  });
});
