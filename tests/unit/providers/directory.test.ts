import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROVIDERS } from '../../../lib/providers/directory';
import { matchProvider, noticeLanguage } from '../../../lib/providers/match';
import { ProviderEntrySchema } from '../../../lib/providers/schema';

describe('provider directory', () => {
  it('every entry is valid and ids are unique', () => {
    const parsed = z.array(ProviderEntrySchema).safeParse(PROVIDERS);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(new Set(PROVIDERS.map((p) => p.id)).size).toBe(PROVIDERS.length);
    for (const p of PROVIDERS) for (const s of p.namePatterns) expect(() => new RegExp(s, 'i')).not.toThrow();
  });

  it('holds every provider of the seed table (docs/providers.md §1)', () => {
    const ids = PROVIDERS.map((p) => p.id);
    for (const id of [
      'alibaba-cloud-cn',
      'alibaba-cloud-intl',
      'tencent-cloud',
      'huawei-cloud',
      'baidu-cloud',
      'aws',
      'aws-cloudfront',
      'google-cloud',
      'azure',
      'cloudflare',
      'fastly',
      'akamai-cdn',
      'linode',
      'digitalocean',
      'vultr',
      'ovhcloud',
      'hetzner',
      'contabo',
      'leaseweb',
      'scaleway',
      'ionos',
      'godaddy',
      'namecheap',
      'hostinger',
      'ddos-guard',
      'm247',
      'markmonitor',
      'cloudflare-registrar',
      'reg-ru',
      'registrar-eu',
    ])
      expect(ids).toContain(id);
  });

  it('keeps [unverified] marks and C grades visible', () => {
    const tencent = PROVIDERS.find((p) => p.id === 'tencent-cloud')!;
    expect(tencent.confidence).toBe('C');
    expect(tencent.unverified.length).toBeGreaterThan(0);
    expect(PROVIDERS.find((p) => p.id === 'ddos-guard')!.unverified.join(' ')).toMatch(/abuse@ddos-guard\.net/);
  });

  it('matches by ASN, and AS63949 is Linode hosting, not the Akamai CDN', () => {
    expect(matchProvider({ role: 'host', asn: 24940 })!.entry.id).toBe('hetzner');
    expect(matchProvider({ role: 'host', asn: 63949 })!.entry.id).toBe('linode');
    expect(matchProvider({ role: 'host', asn: 16509 })!.entry.id).toBe('aws');
  });

  it('picks the Alibaba entity by country', () => {
    expect(matchProvider({ role: 'host', asn: 37963, country: 'CN' })!.entry.id).toBe('alibaba-cloud-cn');
    expect(matchProvider({ role: 'host', asn: 45102, country: 'SG' })!.entry.id).toBe('alibaba-cloud-intl');
  });

  it('matches by org / network name when the ASN is unknown', () => {
    const m = matchProvider({ role: 'host', names: [null, 'CHOOPA', 'The Constant Company, LLC'] })!;
    expect(m).toMatchObject({ by: 'name' });
    expect(m.entry.id).toBe('vultr');
    expect(matchProvider({ role: 'host', names: ['Some Unknown Hosting Ltd'] })).toBeNull();
  });

  it('registrars match by IANA id first, and Cloudflare the CDN is not Cloudflare the registrar', () => {
    expect(matchProvider({ role: 'registrar', ianaId: '292' })!.entry.id).toBe('markmonitor');
    expect(matchProvider({ role: 'registrar', names: ['Cloudflare, Inc.'] })!.entry.id).toBe('cloudflare-registrar');
    expect(matchProvider({ role: 'cdn', names: ['Cloudflare, Inc.'] })!.entry.id).toBe('cloudflare');
  });

  it('notice language: Chinese for mainland providers, English otherwise (product writes en and zh)', () => {
    expect(noticeLanguage(PROVIDERS.find((p) => p.id === 'huawei-cloud')!)).toBe('zh');
    expect(noticeLanguage(PROVIDERS.find((p) => p.id === 'hetzner')!)).toBe('en');
  });
});

describe('host vs upstream', () => {
  it('a block holder RDAP names outranks the routing ASN for the host; CDN-first entries are never hosts', () => {
    expect(matchProvider({ role: 'host', asn: 16509, names: ['Radio Link Internet'], asnFallback: false })).toBeNull();
    expect(matchProvider({ role: 'upstream', asn: 16509 })!.entry.id).toBe('aws');
    expect(matchProvider({ role: 'host', names: ['Akamai Technologies, Inc.'] })!.entry.id).toBe('linode');
    expect(matchProvider({ role: 'host', names: ['Cloudflare, Inc.'] })).toBeNull();
  });
});
