/** The Redis lookup cache against a real redis-server: range lookups, nesting, expiry, and Redis going away. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NetworkRecord } from '../../../lib/lookup';
import { RedisLookupCache } from '../../../lib/server/team/redis-cache';
import { REDIS_BIN, startRedis, type TestRedis } from '../../helpers/redis';

let server: TestRedis;
let redis: Redis;

beforeAll(async () => {
  if (!REDIS_BIN) return;
  server = await startRedis();
  redis = new Redis(server.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
  redis.on('error', () => {});
  await redis.connect();
}, 30_000);
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const net = (startAddress: string, endAddress: string, handle: string): NetworkRecord => ({
  startAddress,
  endAddress,
  cidr: null,
  handle,
  name: handle,
  country: null,
  rir: 'ripe',
  originAsn: null,
  contacts: [],
});

describe.skipIf(!REDIS_BIN)('RedisLookupCache', () => {
  test('an address gets the most specific cached network that contains it', async () => {
    const cache = new RedisLookupCache(redis, 'test1:');
    await cache.setNetwork(net('130.59.0.0', '130.59.255.255', 'SWITCH-16'), 60_000);
    await cache.setNetwork(net('130.59.10.0', '130.59.10.255', 'SWITCH-24'), 60_000);
    await cache.setNetwork(net('130.59.20.0', '130.59.20.127', 'OTHER-25'), 60_000);
    expect((await cache.getNetwork('130.59.10.7'))?.handle).toBe('SWITCH-24');
    expect((await cache.getNetwork('130.59.10.0'))?.handle).toBe('SWITCH-24');
    // Above the /24 and between the later, narrower block: the enclosing /16.
    expect((await cache.getNetwork('130.59.11.1'))?.handle).toBe('SWITCH-16');
    expect((await cache.getNetwork('130.59.20.200'))?.handle).toBe('SWITCH-16');
    expect(await cache.getNetwork('130.60.0.1')).toBeUndefined();
    await cache.setNetwork(net('2001:620::', '2001:620:ffff:ffff:ffff:ffff:ffff:ffff', 'SWITCH-V6'), 60_000);
    expect((await cache.getNetwork('2001:620:0:1::5'))?.handle).toBe('SWITCH-V6');
    expect(await cache.getNetwork('130.59.10.7')).toMatchObject({ handle: 'SWITCH-24' });
  });

  test('entries expire with their TTL, networks included', async () => {
    const cache = new RedisLookupCache(redis, 'test2:');
    await cache.set('domain', 'example.com', { registrar: 'X' }, 150);
    await cache.setNetwork(net('10.1.0.0', '10.1.255.255', 'SHORT'), 150);
    await cache.setNetwork(net('10.0.0.0', '10.255.255.255', 'LONG'), 60_000);
    expect(await cache.get('domain', 'example.com')).toEqual({ registrar: 'X' });
    expect((await cache.getNetwork('10.1.2.3'))?.handle).toBe('SHORT');
    await new Promise((r) => setTimeout(r, 300));
    expect(await cache.get('domain', 'example.com')).toBeUndefined();
    expect((await cache.getNetwork('10.1.2.3'))?.handle).toBe('LONG');
  });

  test('with Redis unreachable every read is a miss and every write is dropped, with one warning', async () => {
    const gone = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
    });
    gone.on('error', () => {});
    const warnings: string[] = [];
    const cache = new RedisLookupCache(gone, 'x:', (l) => warnings.push(l));
    await expect(cache.get('domain', 'a')).resolves.toBeUndefined();
    await expect(cache.set('domain', 'a', 1, 1000)).resolves.toBeUndefined();
    await expect(cache.getNetwork('1.2.3.4')).resolves.toBeUndefined();
    await expect(cache.setNetwork(net('1.0.0.0', '1.255.255.255', 'N'), 1000)).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
    gone.disconnect();
  });
});
