import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64, base64Body, filenameParams, mailbox, rfc5322Date, safeMimeType } from '../../../lib/notices/mime';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('mime primitives', () => {
  it('encodes the RFC 4648 §10 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [i, o] of vectors) expect(base64(bytes(i))).toBe(o);
  });

  it('matches Node Buffer across chunk boundaries (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (b) => {
        expect(base64(b)).toBe(Buffer.from(b).toString('base64'));
      }),
      { numRuns: 30 },
    );
    const large = Uint8Array.from({ length: 100_001 }, (_, i) => (i * 7919) & 255);
    expect(base64(large)).toBe(Buffer.from(large).toString('base64'));
  });

  it('wraps bodies at 76 characters', () => {
    const lines = base64Body(new Uint8Array(1000)).split('\r\n');
    expect(lines.slice(0, -1).every((l) => l.length === 76)).toBe(true);
  });

  it('writes RFC 5322 dates in UTC', () => {
    expect(rfc5322Date(new Date('2026-03-04T05:06:07Z'))).toBe('Wed, 04 Mar 2026 05:06:07 +0000');
  });

  it('keeps filename parameters on short header lines with no quotes or breaks from input', () => {
    const p = filenameParams('证据"\r\n'.repeat(500));
    for (const line of p.split('\r\n')) expect(line.length).toBeLessThan(998);
    expect(p.split('\r\n')[0]).toMatch(/^filename="[A-Za-z0-9._-]+";$/);
  });

  it('encodes display names with specials instead of quoting them', () => {
    expect(mailbox('a@b.example', 'Acme, Inc. <legal>')).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <a@b\.example>$/);
    expect(mailbox('a@b.example', 'Lotus Press')).toBe('Lotus Press <a@b.example>');
  });

  it('falls back to application/octet-stream for malformed types', () => {
    expect(safeMimeType('image/PNG')).toBe('image/png');
    expect(safeMimeType('text/html\r\nX: y')).toBe('application/octet-stream');
  });
});
