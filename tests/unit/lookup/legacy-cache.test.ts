import { describe, expect, it } from 'vitest';
import { upgradingCache } from '../../../lib/lookup/legacy-notes';
import { MemoryLookupCache } from '../../../lib/lookup/memory-cache';
import type { NetworkRecord } from '../../../lib/lookup/types';

const now = () => new Date('2026-03-02T09:00:00Z');

describe('lookup cache entries stored before notes had codes', () => {
  it('come out of the core cache with legacy notes, words kept', async () => {
    const inner = new MemoryLookupCache(now);
    const old = {
      startAddress: '203.0.113.0',
      endAddress: '203.0.113.255',
      cidr: '203.0.113.0/24',
      handle: 'NET-1',
      name: 'EXAMPLE-NET',
      country: 'NL',
      rir: 'ripe',
      originAsn: 64500,
      contacts: [
        {
          handle: 'AB-1',
          name: 'Abuse',
          roles: ['abuse'],
          emails: ['abuse@example.net'],
          phones: [],
          formUrl: null,
          scope: 'network',
          isAbuseRole: true,
          depth: 1,
          notes: ['Listed under Example BV (registrant).'],
        },
      ],
      notes: ['The registry filtered personal e-mail addresses out of this answer.'],
    } as unknown as NetworkRecord;
    await inner.setNetwork(old, 60_000);
    await inner.set('domain', 'pirate.to', { registrar: null, contacts: [], notes: ['Old domain note.'] }, 60_000);

    const cache = upgradingCache(inner);
    const n = await cache.getNetwork('203.0.113.7');
    expect(n?.notes).toEqual([
      { code: 'legacy', params: { text: 'The registry filtered personal e-mail addresses out of this answer.' } },
    ]);
    expect(n?.contacts[0]?.notes).toEqual([
      { code: 'legacy', params: { text: 'Listed under Example BV (registrant).' } },
    ]);
    expect(await cache.get('domain', 'pirate.to')).toEqual({
      registrar: null,
      contacts: [],
      notes: [{ code: 'legacy', params: { text: 'Old domain note.' } }],
    });
  });
});
