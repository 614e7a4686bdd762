import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains, formatIp, nonPublicReason, parseCidr, parseIp } from '../../../lib/net/ip';

describe('ip', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12::1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    // IPv6 special ranges that used to count as public (issue 14 §7).
    ['2002:c0a8:101::1', 'reserved'],
    ['2002:0808:0808::1', 'reserved'],
    ['::ffff:0:10.0.0.1', 'private'],
    ['::ffff:0:8.8.8.8', 'reserved'],
    ['64:ff9b:1::a00:1', 'private'],
    ['fec0::1', 'private'],
    ['2001:0:4136:e378::1', 'reserved'],
    ['2001:2::1', 'reserved'],
    ['3fff::1', 'documentation'],
  ])('%s is %s', (addr, reason) => {
    expect(nonPublicReason(parseIp(addr)!)).toBe(reason);
  });

  it.each([
    '1.1.1.1',
    '104.16.0.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '2001:200::1',
    '2a00:1450::1',
  ])('%s is public', (addr) => {
    expect(nonPublicReason(parseIp(addr)!)).toBeNull();
  });

  it('rejects malformed literals', () => {
    for (const bad of ['1.2.3', '1.2.3.256', '1::2::3', '12345::', 'g::1', '1.2.3.4.5', '', ':::'])
      expect(parseIp(bad)).toBeNull();
  });

  it('reads zero-padded IPv4 as decimal', () => {
    expect(formatIp(parseIp('008.008.008.000')!)).toBe('8.8.8.0');
  });

  it('formats IPv6 in RFC 5952 form and round-trips', () => {
    expect(formatIp(parseIp('2001:0db8:0000:0000:0000:0000:0000:0001')!)).toBe('2001:db8::1');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const text = formatIp({ version: 6, bytes });
        expect(parseIp(text)!.bytes).toEqual(bytes);
      }),
    );
  });

  it('tests CIDR containment', () => {
    const net = parseCidr('104.16.0.0/13')!;
    expect(cidrContains(net, parseIp('104.23.255.255')!)).toBe(true);
    expect(cidrContains(net, parseIp('104.24.0.0')!)).toBe(false);
    expect(cidrContains(parseCidr('2606:4700::/32')!, parseIp('2606:4700:4700::1111')!)).toBe(true);
    expect(parseCidr('1.2.3.4/33')).toBeNull();
  });
});
