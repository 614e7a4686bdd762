import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTarget } from '../../../lib/lookup/normalize';
import { isPublicIp, parseIp } from '../../../lib/net/ip';

const ok = (s: string) => {
  const r = normalizeTarget(s);
  if (!r.ok) throw new Error(`expected ok for ${s}: ${r.error.message}`);
  return r;
};
const err = (s: string) => {
  const r = normalizeTarget(s);
  if (r.ok) throw new Error(`expected an error for ${s}`);
  return r.error;
};

describe('normalizeTarget', () => {
  it('bare hostnames get http, credentials and ports are stripped, case and trailing dot normalised', () => {
    expect(ok('Example.COM./path?q=1')).toMatchObject({
      url: 'http://example.com/path?q=1',
      hostname: 'example.com',
      registrableDomain: 'example.com',
    });
    expect(ok('https://user:pw@www.Pirate.co.uk:8443/x#y')).toMatchObject({
      url: 'https://www.pirate.co.uk/x#y',
      hostname: 'www.pirate.co.uk',
      registrableDomain: 'pirate.co.uk',
    });
    expect(ok('example.com:8080/a').url).toBe('http://example.com/a');
    expect(ok('//cdn.example.net/file').hostname).toBe('cdn.example.net');
  });

  it('IDN becomes punycode', () => {
    expect(ok('https://例え.jp/').hostname).toBe('xn--r8jz45g.jp');
    expect(ok('bücher.de').registrableDomain).toBe('xn--bcher-kva.de');
  });

  it('IPv4 and IPv6 literals, bracketed or bare, with null registrable domain', () => {
    expect(ok('http://1.1.1.1:8080/x')).toMatchObject({
      hostname: '1.1.1.1',
      ip: '1.1.1.1',
      registrableDomain: null,
      url: 'http://1.1.1.1/x',
    });
    expect(ok('[2606:4700:4700:0:0:0:0:1111]')).toMatchObject({
      ip: '2606:4700:4700::1111',
      url: 'http://[2606:4700:4700::1111]/',
    });
    expect(ok('2001:4860:4860::8888').ip).toBe('2001:4860:4860::8888');
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'chrome://settings',
    'data:text/html,hi',
    'ftp://example.com/',
    'mailto:a@b.com',
  ])('refuses the scheme of %s', (s) => {
    expect(err(s)).toMatchObject({ step: 'input', kind: 'invalid_input' });
  });

  it.each([
    '',
    '   ',
    'http://',
    'http://exa mple.com',
    'a'.repeat(2049),
    `${'a'.repeat(60)}.`.repeat(5) + 'com',
    `${'a'.repeat(64)}.com`,
    'http://1.2.3.999/',
  ])('refuses malformed input %#', (s) => {
    expect(err(s).kind).toBe('invalid_input');
  });

  it.each([
    'http://127.0.0.1/',
    'http://10.0.0.8',
    '192.168.1.1',
    'http://[::1]/',
    '[fe80::1]',
    '100.64.1.1',
    '169.254.169.254',
    '224.0.0.1',
    'http://0x7f.1/',
    'http://2130706433/',
    '[::ffff:10.0.0.1]',
  ])('refuses the non-public address %s', (s) => {
    expect(err(s).kind).toBe('private_target');
  });

  it.each(['localhost', 'http://intranet/', 'printer.local', 'db.internal', 'app.localhost', 'router.home.arpa'])(
    'refuses the local-only name %s',
    (s) => {
      expect(err(s).kind).toBe('private_target');
    },
  );

  it('property: never throws, and never returns a private target, for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl(), fc.domain()), (s) => {
        const r = normalizeTarget(s);
        if (r.ok) {
          expect(r.url.startsWith('http://') || r.url.startsWith('https://')).toBe(true);
          if (r.ip) expect(isPublicIp(r.ip)).toBe(true);
          expect(r.hostname.length).toBeLessThanOrEqual(253);
          expect(r.hostname).not.toMatch(/\.$|^localhost$|\.local$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: generated IPs are accepted exactly when public', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended()), (ip) => {
        const r = normalizeTarget(ip.includes(':') ? `http://[${ip}]/` : `http://${ip}/`);
        const parsed = r.ok ? parseIp(r.hostname) : null;
        if (r.ok) expect(parsed && isPublicIp(r.hostname)).toBe(true);
        else expect(['private_target', 'invalid_input']).toContain(r.error.kind);
        if (!r.ok && r.error.kind === 'invalid_input') expect(parseIp(ip)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('property: generated hostnames normalise to lower case without a trailing dot', () => {
    fc.assert(
      fc.property(fc.domain(), (d) => {
        const r = normalizeTarget(`https://${d.toUpperCase()}./p`);
        if (r.ok) {
          expect(r.hostname).toBe(r.hostname.toLowerCase());
          expect(r.hostname.endsWith('.')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
