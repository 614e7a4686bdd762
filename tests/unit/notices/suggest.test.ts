import { describe, expect, it } from 'vitest';
import { serviceKindOf } from '../../../lib/model/recipient';
import { measureFor } from '../../../lib/notices/measures';
import { suggestRegime } from '../../../lib/notices/suggest';

const r = (country: string | null, extra: { name?: string; language?: string; providerId?: string } = {}) => ({
  name: 'P',
  country,
  ...extra,
});

describe('suggestRegime', () => {
  it('follows the provider country', () => {
    expect(suggestRegime(r('CN')).regime).toBe('cn');
    expect(suggestRegime(r('CN')).lang).toBe('zh');
    expect(suggestRegime(r('US', { name: 'Cloudflare, Inc.' }))).toMatchObject({ regime: 'us-dmca', lang: 'en' });
    expect(suggestRegime(r('de')).regime).toBe('eu-dsa');
    expect(suggestRegime(r('FR')).regime).toBe('eu-dsa');
    expect(suggestRegime(r('GB')).regime).toBe('uk');
    expect(suggestRegime(r('CA')).regime).toBe('ca-notice');
    expect(suggestRegime(r('JP'))).toMatchObject({ regime: 'jp', lang: 'en' });
    expect(suggestRegime(r('kr')).regime).toBe('kr');
    expect(suggestRegime(r('AU')).regime).toBe('au');
    expect(suggestRegime(r('IN')).regime).toBe('in');
    expect(suggestRegime(r('NZ')).regime).toBe('generic');
    expect(suggestRegime(r('RU')).regime).toBe('generic');
    expect(suggestRegime(r(null)).regime).toBe('generic');
  });

  it('writes bilingually to a Chinese provider international desk', () => {
    expect(suggestRegime(r('CN', { language: 'en' }))).toMatchObject({ regime: 'cn', lang: 'zh-en' });
    expect(suggestRegime(r('SG', { name: 'Alibaba Cloud (Singapore) Private Limited' }))).toMatchObject({
      regime: 'generic',
      lang: 'zh-en',
    });
    expect(suggestRegime(r('US', { providerId: 'tencent-cloud' }))).toMatchObject({ regime: 'us-dmca', lang: 'zh-en' });
  });
});

describe('measureFor', () => {
  it('derives the kind from the role when the kind is unknown', () => {
    expect(serviceKindOf({ role: 'cdn' })).toBe('cdn');
    expect(serviceKindOf({ role: 'registry', kind: 'unknown' })).toBe('registrar');
    expect(serviceKindOf({ role: 'upstream' })).toBe('network');
    expect(serviceKindOf({ role: 'host', kind: 'storage' })).toBe('storage');
  });

  it('asks a CDN to purge only when the origin copy is gone, and can withhold the sender details', () => {
    expect(measureFor({ role: 'cdn' })).toEqual(['forward_to_origin', 'disclose_host']);
    expect(measureFor({ role: 'cdn' }, { originRemoved: true, withholdSenderDetails: true })).toEqual([
      'forward_to_origin',
      'disclose_host',
      'purge_cache',
      'withhold_sender_details',
    ]);
    expect(measureFor({ role: 'upstream' })).toEqual(['forward_downstream', 'confirm_action']);
    expect(measureFor({ role: 'host' })).toEqual(['remove_or_disable', 'forward_to_customer', 'confirm_action']);
  });

  it('asks a cloud host to remove or disable access outside China, to forward (转通知) in China, and only to forward in Canada', () => {
    const cloud = { role: 'host' as const, kind: 'cloud' as const };
    expect(measureFor(cloud, { regime: 'us-dmca' })).toEqual([
      'remove_via_customer',
      'suspend_service',
      'repeat_infringer',
      'preserve_data',
      'confirm_action',
    ]);
    expect(measureFor(cloud, { regime: 'eu-dsa' })).toEqual([
      'remove_via_customer',
      'suspend_service',
      'preserve_data',
      'confirm_action',
    ]);
    expect(measureFor(cloud, { regime: 'cn' })).toEqual([
      'forward_to_customer',
      'necessary_measures',
      'preserve_data',
      'confirm_action',
    ]);
    expect(measureFor(cloud, { regime: 'ca-notice' })).toEqual([
      'forward_notice',
      'retain_records',
      'confirm_forwarding',
    ]);
    expect(measureFor({ role: 'search' }, { regime: 'ca-notice' })).toEqual(['delist']);
  });
});
