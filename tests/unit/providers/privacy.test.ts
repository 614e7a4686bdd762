import { describe, expect, it } from 'vitest';
import { RecipientSchema } from '../../../lib/model/recipient';
import { draftNotice } from '../../../lib/notices/draft';
import { MEASURE_TEXT } from '../../../lib/notices/measures';
import { PROVIDERS } from '../../../lib/providers/directory';
import { privacyAdvice, withholdSenderDetails } from '../../../lib/providers/privacy';
import { completeCase, NOW } from '../notices/fixtures';

const r = (x: object) => RecipientSchema.parse(x);

describe('privacy per recipient', () => {
  it('warns that Google and Cloudflare publish notices to Lumen', () => {
    const cf = privacyAdvice(r({ role: 'cdn', name: 'Cloudflare', providerId: 'cloudflare' }));
    expect(cf.publishesTo).toBe('lumen');
    expect(cf.warning?.en).toContain('Lumen');
    expect(cf.warning?.zh).toContain('Lumen数据库');
    const google = privacyAdvice(r({ role: 'search', name: 'Google' }));
    expect(google.publishesTo).toBe('lumen');
    expect(google.warning?.en).toMatch(/^Google sends copies/);
    expect(privacyAdvice(r({ role: 'host', name: 'Google Cloud', providerId: 'google-cloud' })).publishesTo).toBe(
      'lumen',
    );
  });

  it('does not warn for providers that do not publish', () => {
    const h = privacyAdvice(r({ role: 'host', name: 'Hetzner Online GmbH', providerId: 'hetzner' }));
    expect(h).toEqual({ publishesTo: null, warning: null, withholdByDefault: false });
  });

  it('the directory marks exactly the providers that publish', () => {
    expect(
      PROVIDERS.filter((p) => p.publishesNotices)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['cloudflare', 'google-cloud']);
  });

  it('"do not forward my details" is on by default for CDNs, off elsewhere, and the user may change it', () => {
    const cdn = r({ role: 'cdn', name: 'Fastly', providerId: 'fastly' });
    const host = r({ role: 'host', name: 'Hoster' });
    expect(withholdSenderDetails(cdn, null)).toBe(true);
    expect(withholdSenderDetails(cdn, undefined)).toBe(true);
    expect(withholdSenderDetails(cdn, false)).toBe(false);
    expect(withholdSenderDetails(host, null)).toBe(false);
    expect(withholdSenderDetails(host, true)).toBe(true);
    expect(withholdSenderDetails(null, null)).toBe(false);
  });

  it('the CDN letter then asks the CDN not to forward the sender details', () => {
    const cdn = r({
      role: 'cdn',
      name: 'Cloudflare',
      providerId: 'cloudflare',
      emails: [],
      formUrl: 'https://abuse.cloudflare.com/',
    });
    const d = draftNotice(
      completeCase({ recipient: cdn, regime: 'us-dmca', withholdSenderDetails: withholdSenderDetails(cdn, null) }),
      { now: NOW },
    );
    expect(d.measures).toContain('withhold_sender_details');
    expect(d.text).toContain(MEASURE_TEXT.en.withhold_sender_details);
  });
});
