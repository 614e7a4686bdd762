import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../../lib/contract';
import { batchStats, groupByHost } from '../../../lib/lookup/group-hosts';

const result = (hostname: string, network: { handle: string | null; cidr: string | null } | null): LookupResult => ({
  input: `https://${hostname}/`,
  hostname,
  registrableDomain: hostname,
  addresses: [
    { ip: '203.0.113.9', asn: 64500, network: network && { ...network, name: null, country: null, rir: null } },
  ],
  cdn: null,
  recipients: [],
  errors: [],
});

describe('groupByHost (the browser batch and the backend batch share it)', () => {
  it('groups URLs by normalised host, in first-seen order, and answers refused input in place', () => {
    const urls = [
      'https://Pirate.to/a',
      'javascript:alert(1)',
      'https://mirror.example.org/b',
      'pirate.to/c',
      'http://localhost/d',
      'https://pirate.to./e',
    ];
    const { items, groups } = groupByHost(urls);
    expect(groups.map((g) => [g.host, g.indexes])).toEqual([
      ['pirate.to', [0, 3, 5]],
      ['mirror.example.org', [2]],
    ]);
    // The group's lookup runs for its first URL's normalised target.
    expect(groups[0]!.target).toMatchObject({ url: 'https://pirate.to/a', registrableDomain: 'pirate.to' });
    expect(items.map((i) => i.url)).toEqual(urls);
    expect(items[1]!.error?.kind).toBe('invalid_input');
    expect(items[4]!.error?.kind).toBe('private_target');
    expect(items.filter((i) => i.error === null)).toHaveLength(4);
  });

  it('counts URLs, hosts, distinct networks and failures for the answer', () => {
    const { items, groups } = groupByHost(['https://a.to/1', 'https://a.to/2', 'https://b.to/3', 'ftp://c.to/4']);
    items[0]!.result = result('a.to', { handle: 'NET-1', cidr: '203.0.113.0/24' });
    items[1]!.result = result('a.to', { handle: 'NET-1', cidr: '203.0.113.0/24' });
    items[2]!.result = result('b.to', { handle: null, cidr: '198.51.100.0/24' });
    expect(batchStats(items, groups.length)).toEqual({ urls: 4, hosts: 2, networks: 2, failed: 1 });
  });
});
