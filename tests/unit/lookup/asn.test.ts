import { describe, expect, it } from 'vitest';
import { cymruOrigin, cymruOriginName, lookupAutnum, parseCymruTxt } from '../../../lib/lookup/asn';
import type { LookupDeps } from '../../../lib/lookup/types';
import { createFakeFetch, fakeResolver, FIXED_NOW, recordingSleep } from '../../helpers/fake-rdap-fetch';

describe('origin ASN', () => {
  it('Team Cymru query names: reversed IPv4, nibble-reversed IPv6 under origin6', () => {
    expect(cymruOriginName('104.16.1.2')).toBe('2.1.16.104.origin.asn.cymru.com');
    expect(cymruOriginName('2606:4700::1111')).toBe(
      '1.1.1.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.7.4.6.0.6.2.origin6.asn.cymru.com',
    );
    expect(cymruOriginName('not an ip')).toBeNull();
  });

  it('parses the TXT payload, including multi-origin prefixes and quotes', () => {
    expect(parseCymruTxt('13335 | 104.16.0.0/13 | US | arin | 2014-03-28')).toEqual({
      asns: [13335],
      prefix: '104.16.0.0/13',
      country: 'US',
      registry: 'arin',
      allocated: '2014-03-28',
    });
    expect(parseCymruTxt('"23028 23029 | 1.2.3.0/24 | | ripencc |"')!.asns).toEqual([23028, 23029]);
    expect(parseCymruTxt('garbage')).toBeNull();
    expect(parseCymruTxt('NA | x')).toBeNull();
  });

  it('picks the most specific of several TXT answers; resolver failure is an asn error', async () => {
    const name = cymruOriginName('13.64.1.1')!;
    const r = fakeResolver({
      [`${name} TXT`]: ['8075 | 13.64.0.0/11 | US | arin | 2015', '8068 | 13.64.1.0/24 | US | arin | 2015'],
    });
    const deps: LookupDeps = { fetch: createFakeFetch().fetch, resolve: r.resolve, now: () => FIXED_NOW };
    expect((await cymruOrigin(deps, '13.64.1.1'))!.asns).toEqual([8068]);
    await cymruOrigin(deps, '13.64.1.1');
    expect(r.queries).toHaveLength(1);
    const failing: LookupDeps = {
      fetch: createFakeFetch().fetch,
      resolve: fakeResolver({ [`${name} TXT`]: 'throw' }).resolve,
      now: () => FIXED_NOW,
    };
    await expect(cymruOrigin(failing, '13.64.1.1')).rejects.toMatchObject({ step: 'asn', kind: 'unavailable' });
  });

  it('autnum RDAP gives the AS name and the abuse POC nested under the org (AS16509)', async () => {
    const f = createFakeFetch({
      'https://rdap.arin.net/registry/autnum/16509': { fixture: 'arin-autnum-AS16509-amazon.json' },
    });
    const deps: LookupDeps = {
      fetch: f.fetch,
      resolve: fakeResolver({}).resolve,
      now: () => FIXED_NOW,
      ...recordingSleep(),
    };
    const info = await lookupAutnum(deps, 16509);
    expect(info).toMatchObject({ asn: 16509, name: 'AMAZON-02', orgName: 'Amazon.com, Inc.' });
    expect(info.contacts[0]!.emails).toEqual(['abuse@amazonaws.com']);
  });
});
