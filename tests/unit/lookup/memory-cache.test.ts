import { describe, expect, it } from 'vitest';
import { MemoryLookupCache } from '../../../lib/lookup/memory-cache';
import type { NetworkRecord } from '../../../lib/lookup/types';

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

describe('MemoryLookupCache', () => {
  it('expires entries by the injected clock', async () => {
    let t = 1_000_000;
    const c = new MemoryLookupCache(() => new Date(t));
    await c.set('domain', 'a.com', { x: 1 }, 1000);
    expect(await c.get('domain', 'a.com')).toEqual({ x: 1 });
    expect(await c.get('registrar', 'a.com')).toBeUndefined();
    t += 1001;
    expect(await c.get('domain', 'a.com')).toBeUndefined();
  });

  it('finds a network by any IP in its range, the most specific first, v4 and v6', async () => {
    const c = new MemoryLookupCache(() => new Date(0));
    await c.setNetwork(net('13.64.0.0', '13.107.255.255', 'MSFT'), 10_000);
    await c.setNetwork(net('13.64.5.0', '13.64.5.255', 'CUSTOMER'), 10_000);
    await c.setNetwork(net('2606:4700::', '2606:4700:ffff:ffff:ffff:ffff:ffff:ffff', 'CF6'), 10_000);
    expect((await c.getNetwork('13.100.1.1'))?.handle).toBe('MSFT');
    expect((await c.getNetwork('13.64.5.9'))?.handle).toBe('CUSTOMER');
    expect((await c.getNetwork('2606:4700::1'))?.handle).toBe('CF6');
    expect(await c.getNetwork('13.108.0.0')).toBeUndefined();
    expect(await c.getNetwork('::ffff:13.64.5.9')).toBeUndefined();
  });
});
