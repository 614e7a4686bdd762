import { describe, expect, test } from 'vitest';
import { SqliteLookupCache } from '../../lib/server/cache';
import type { NetworkRecord } from '../../lib/lookup';

const net = (startAddress: string, endAddress: string, handle: string): NetworkRecord => ({
  startAddress,
  endAddress,
  cidr: null,
  handle,
  name: handle,
  country: null,
  rir: 'arin',
  originAsn: null,
  contacts: [],
});

function clock() {
  let t = Date.parse('2026-03-01T00:00:00Z');
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('SqliteLookupCache', () => {
  test('networks are found by range, most specific first, for IPv4 and IPv6', async () => {
    const c = new SqliteLookupCache('memory', clock().now);
    await c.setNetwork(net('13.64.0.0', '13.107.255.255', 'NET-13-64-0-0-1'), 60_000);
    await c.setNetwork(net('13.64.128.0', '13.64.255.255', 'INNER'), 60_000);
    await c.setNetwork(net('2606:4700::', '2606:4700:ffff:ffff:ffff:ffff:ffff:ffff', 'NET6-2606-4700-1'), 60_000);
    expect((await c.getNetwork('13.64.151.161'))?.handle).toBe('INNER');
    expect((await c.getNetwork('13.100.0.1'))?.handle).toBe('NET-13-64-0-0-1');
    expect(await c.getNetwork('13.108.0.0')).toBeUndefined();
    expect((await c.getNetwork('2606:4700::6810:84e5'))?.handle).toBe('NET6-2606-4700-1');
    // An IPv4 address never matches an IPv6 range with the same leading bytes.
    expect(await c.getNetwork('38.6.71.0')).toBeUndefined();
    expect(await c.getNetwork('not an ip')).toBeUndefined();
  });

  test('TTL expiry with an injected clock, for networks and keys', async () => {
    const k = clock();
    const c = new SqliteLookupCache('memory', k.now);
    await c.setNetwork(net('130.59.0.0', '130.59.255.255', 'SWITCH'), 1000);
    await c.set('domain', 'google.com', { a: 1 }, 1000);
    expect((await c.getNetwork('130.59.31.80'))?.handle).toBe('SWITCH');
    expect(await c.get('domain', 'google.com')).toEqual({ a: 1 });
    k.advance(1001);
    expect(await c.getNetwork('130.59.31.80')).toBeUndefined();
    expect(await c.get('domain', 'google.com')).toBeUndefined();
    await c.set('domain', 'x', 1, 0);
    expect(await c.get('domain', 'x')).toBeUndefined();
  });

  test('a file cache survives reopening', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/takedown-cache-`)}/sub/cache.sqlite`;
    const a = new SqliteLookupCache(file);
    await a.set('asn', '13335', { name: 'CLOUDFLARENET' }, 60_000);
    a.close();
    const b = new SqliteLookupCache(file);
    expect(await b.get('asn', '13335')).toEqual({ name: 'CLOUDFLARENET' });
    b.close();
  });
});

describe('a corrupt cache file', () => {
  test('is moved aside with a warning and rebuilt; the server can start', async () => {
    const { mkdtempSync, writeFileSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'takedown-cache-'));
    try {
      const file = path.join(dir, 'lookup-cache.sqlite');
      const junk = 'this is not a SQLite database, it was cut short by a crash '.repeat(100);
      writeFileSync(file, junk);
      const warnings: string[] = [];
      const cache = new SqliteLookupCache(
        file,
        () => new Date('2026-03-01T00:00:00Z'),
        (l) => warnings.push(l),
      );
      await cache.setNetwork(net('13.64.0.0', '13.107.255.255', 'NET-13-64-0-0-1'), 60_000);
      expect((await cache.getNetwork('13.64.9.9'))?.handle).toBe('NET-13-64-0-0-1');
      cache.close();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/could not be opened.*moved it to .*corrupt-/);
      const aside = readdirSync(dir).find((f) => f.includes('.corrupt-'));
      expect(aside).toBeDefined();
      expect(readFileSync(path.join(dir, aside!), 'utf8')).toBe(junk);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
