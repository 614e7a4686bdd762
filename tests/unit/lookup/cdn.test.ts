import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CDN_RANGES } from '../../../lib/lookup/cdn-data/ranges';
import { cdnRangeFor, detectCdn } from '../../../lib/lookup/cdn';
import { CDN_FIXTURES } from '../../helpers/fixtures';

const misp = (n: string) =>
  (JSON.parse(readFileSync(path.join(CDN_FIXTURES, `misp-warninglist-${n}.json`), 'utf8')) as { list: string[] }).list;

describe('CDN data', () => {
  it('the shipped ranges match the fixture files they were generated from', () => {
    expect(CDN_RANGES.cloudflare.ranges.split(' ')).toEqual(misp('cloudflare'));
    expect(CDN_RANGES.fastly.ranges.split(' ')).toEqual(misp('fastly'));
    expect(CDN_RANGES.bunny.ranges.split(' ')).toEqual(misp('bunny-net'));
    const aws = JSON.parse(readFileSync(path.join(CDN_FIXTURES, 'aws-ip-ranges-cloudfront.json'), 'utf8'));
    const cf = [
      ...aws.prefixes.map((p: { ip_prefix: string }) => p.ip_prefix),
      ...aws.ipv6_prefixes.map((p: { ipv6_prefix: string }) => p.ipv6_prefix),
    ];
    expect(CDN_RANGES.cloudfront.ranges.split(' ')).toEqual(cf);
  });
});

describe('detectCdn', () => {
  it('Cloudflare: an IP in the official v4 or v6 list is definitive', () => {
    const m = detectCdn({ ips: ['104.16.1.1'] })!;
    expect(m).toMatchObject({ name: 'Cloudflare', providerId: 'cloudflare', confidence: 'definitive' });
    expect(m.evidence[0]).toMatch(/^ip-in:cloudflare 104\.16\.0\.0\/13/);
    expect(detectCdn({ ips: ['2606:4700:4700::1111'] })!.evidence[0]).toMatch(/2606:4700::\/32/);
  });

  it('Fastly and CloudFront ranges', () => {
    const fastly = misp('fastly')[0]!.split('/')[0]!;
    expect(detectCdn({ ips: [fastly] })).toMatchObject({ providerId: 'fastly', confidence: 'definitive' });
    expect(detectCdn({ ips: ['120.52.22.100'] })).toMatchObject({
      providerId: 'aws-cloudfront',
      confidence: 'definitive',
    });
  });

  it('Bunny single addresses match as /32; neighbours do not', () => {
    expect(cdnRangeFor('102.219.126.20')).toMatchObject({ set: 'bunny', cidr: '102.219.126.20/32' });
    expect(cdnRangeFor('102.219.126.21')).toBeNull();
  });

  it('Akamai BGP-derived list is not definitive', () => {
    const ip = misp('akamai')[0]!.split('/')[0]!;
    const m = detectCdn({ ips: [ip] })!;
    expect(m.providerId).toBe('akamai-cdn');
    expect(m.confidence).toBe('strong');
    expect(m.evidence[0]).toMatch(/non-official/);
  });

  it('an address outside every list with no other signal is not a CDN', () => {
    expect(detectCdn({ ips: ['8.8.8.8'], asns: [15169] })).toBeNull();
  });

  it('CNAME suffixes: cloudfront.net, Akamai edgekey.net, Alibaba kunlun*, Fastly', () => {
    expect(detectCdn({ cnames: ['d111111abcdef8.cloudfront.net.'] })).toMatchObject({
      providerId: 'aws-cloudfront',
      confidence: 'strong',
    });
    expect(detectCdn({ cnames: ['www.example.com.edgekey.net'] })!.providerId).toBe('akamai-cdn');
    expect(detectCdn({ cnames: ['x.w.kunlungr.com'] })!.providerId).toBe('alibaba-cloud-cn');
    expect(detectCdn({ cnames: ['dualstack.n.sni.global.fastly.net'] })!.providerId).toBe('fastly');
  });

  it('traps: amazonaws.com and a bare S3 name are hosting, not CDN; AS16509 alone is not CloudFront; AS63949 is Linode', () => {
    expect(detectCdn({ cnames: ['bucket.s3.amazonaws.com'] })).toBeNull();
    expect(detectCdn({ asns: [16509] })).toBeNull();
    expect(detectCdn({ asns: [63949] })).toBeNull();
    expect(detectCdn({ cnames: ['foo.huaweicloud.com'] })).toBeNull();
  });

  it('headers: cf-ray / server: cloudflare, x-amz-cf-id, x-served-by for Fastly (case-insensitive)', () => {
    const cf = detectCdn({ headers: { 'CF-RAY': '8a1b2c3d4e5f-FRA', Server: 'cloudflare' } })!;
    expect(cf).toMatchObject({ providerId: 'cloudflare', confidence: 'strong' });
    expect(cf.evidence).toEqual(['header:cf-ray', 'header:server: cloudflare']);
    expect(detectCdn({ headers: { 'x-amz-cf-id': 'abc==' } })).toMatchObject({
      providerId: 'aws-cloudfront',
      confidence: 'weak',
    });
    expect(detectCdn({ headers: { 'x-served-by': 'cache-fra-etou8220034-FRA' } })!.providerId).toBe('fastly');
    expect(detectCdn({ headers: { server: 'nginx', 'x-cache': 'HIT' } })).toBeNull();
  });

  it('nameservers are supporting evidence only', () => {
    expect(detectCdn({ nameservers: ['ada.ns.cloudflare.com'] })).toBeNull();
    const m = detectCdn({ ips: ['104.16.1.1'], nameservers: ['ada.ns.cloudflare.com.'] })!;
    expect(m.evidence).toContain('ns:ada.ns.cloudflare.com');
  });
});
