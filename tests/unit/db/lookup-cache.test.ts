import { describe, expect, it } from 'vitest';
import { DexieLookupCache } from '../../../lib/db/lookup-cache';
import { openDb, openDbAtVersion, SCHEMA_VERSION } from '../../../lib/db/schema';
import type { NetworkRecord } from '../../../lib/lookup';
import { freshDbName } from '../../helpers/fresh-db';

const net = (start: string, end: string, handle: string): NetworkRecord => ({
  startAddress: start,
  endAddress: end,
  cidr: null,
  handle,
  name: null,
  country: null,
  rir: null,
  originAsn: null,
  contacts: [],
});

const freshName = () => freshDbName('lookup-cache');

describe('DexieLookupCache (IndexedDB, schema v3)', () => {
  it('keeps domain and bootstrap entries for their TTL by the injected clock, and across a reopen', async () => {
    let t = 1_000_000;
    const name = freshName();
    const db = openDb(name);
    const cache = new DexieLookupCache(db, () => new Date(t));
    await cache.set('bootstrap', 'dns', { version: '1.0', services: [] }, 86_400_000);
    await cache.set('domain', 'google.com', { registrar: { name: 'MarkMonitor' }, contacts: [], notes: [] }, 1000);
    db.close();

    const again = new DexieLookupCache(openDb(name), () => new Date(t));
    expect(await again.get('domain', 'google.com')).toEqual({
      registrar: { name: 'MarkMonitor' },
      contacts: [],
      notes: [],
    });
    expect(await again.get('registrar', 'google.com')).toBeUndefined();
    t += 1001;
    expect(await again.get('domain', 'google.com')).toBeUndefined();
    expect(await again.get('bootstrap', 'dns')).toEqual({ version: '1.0', services: [] });
    t += 86_400_000;
    expect(await again.get('bootstrap', 'dns')).toBeUndefined();
  });

  it('a zero or negative TTL stores nothing', async () => {
    const cache = new DexieLookupCache(openDb(freshName()), () => new Date(0));
    await cache.set('domain', 'a.com', 1, 0);
    await cache.setNetwork(net('1.0.0.0', '1.0.0.255', 'X'), -5);
    expect(await cache.get('domain', 'a.com')).toBeUndefined();
    expect(await cache.getNetwork('1.0.0.1')).toBeUndefined();
  });

  it('finds a network by any address in its range, the most specific first, v4 and v6 apart', async () => {
    const cache = new DexieLookupCache(openDb(freshName()), () => new Date(0));
    await cache.setNetwork(net('13.64.0.0', '13.107.255.255', 'MSFT'), 10_000);
    await cache.setNetwork(net('13.64.5.0', '13.64.5.255', 'CUSTOMER'), 10_000);
    await cache.setNetwork(net('13.64.0.0', '13.64.255.255', 'MSFT-SUB'), 10_000);
    await cache.setNetwork(net('2606:4700::', '2606:4700:ffff:ffff:ffff:ffff:ffff:ffff', 'CF6'), 10_000);
    expect((await cache.getNetwork('13.100.1.1'))?.handle).toBe('MSFT');
    expect((await cache.getNetwork('13.64.5.9'))?.handle).toBe('CUSTOMER');
    expect((await cache.getNetwork('13.64.9.9'))?.handle).toBe('MSFT-SUB');
    expect((await cache.getNetwork('2606:4700::1'))?.handle).toBe('CF6');
    expect(await cache.getNetwork('13.108.0.0')).toBeUndefined();
    expect(await cache.getNetwork('12.255.255.255')).toBeUndefined();
    expect(await cache.getNetwork('::ffff:13.64.5.9')).toBeUndefined();
  });

  it('an expired network is not served, and a fresher copy of the same range replaces it', async () => {
    let t = 0;
    const cache = new DexieLookupCache(openDb(freshName()), () => new Date(t));
    await cache.setNetwork(net('130.59.0.0', '130.59.255.255', 'OLD'), 1000);
    t = 2000;
    expect(await cache.getNetwork('130.59.31.80')).toBeUndefined();
    await cache.setNetwork(net('130.59.0.0', '130.59.255.255', 'NEW'), 1000);
    expect((await cache.getNetwork('130.59.31.80'))?.handle).toBe('NEW');
    await cache.clear();
    expect(await cache.getNetwork('130.59.31.80')).toBeUndefined();
  });

  it('upgrading a v2 database to v3 keeps every record and adds the empty cache tables', async () => {
    const name = freshName();
    const v2 = openDbAtVersion(name, 2);
    await v2.open();
    await v2.settings.put({ key: 'backend', value: { url: 'http://127.0.0.1:8787', token: '' } });
    await v2.works.put({
      id: 'w1',
      title: 'Work',
      aliases: [],
      owner: 'Me',
      registration: '',
      originalUrl: '',
      officialDomains: [],
      keywords: [],
    });
    v2.close();
    const v3 = openDb(name);
    await v3.open();
    expect(v3.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    expect(await v3.settings.get('backend')).toEqual({
      key: 'backend',
      value: { url: 'http://127.0.0.1:8787', token: '' },
    });
    expect(await v3.works.count()).toBe(1);
    expect(await v3.lookupCache.count()).toBe(0);
    expect(await v3.lookupNetworks.count()).toBe(0);
  });
});
