import { describe, expect, test } from 'vitest';
import { csvUrlColumn, formatOfFile, parseBulkInput } from '../../../lib/bulk/parse';

describe('parseBulkInput', () => {
  test('normalises, drops fragments, keeps queries, and rejects duplicates naming the first line', () => {
    const r = parseBulkInput(
      [
        'https://Pirate-Site.to/a?x=1#top',
        '',
        'pirate-site.to/b',
        'https://pirate-site.to/a?x=1',
        'https://pirate-site.to/a?x=2',
      ].join('\n'),
    );
    expect(r.valid).toEqual([
      { line: 1, url: 'https://pirate-site.to/a?x=1', host: 'pirate-site.to' },
      { line: 3, url: 'http://pirate-site.to/b', host: 'pirate-site.to' },
      { line: 5, url: 'https://pirate-site.to/a?x=2', host: 'pirate-site.to' },
    ]);
    expect(r.blank).toBe(1);
    expect(r.rejected).toEqual([{ line: 4, input: 'https://pirate-site.to/a?x=1', reason: 'duplicate', detail: '1' }]);
    expect(r.hosts).toEqual([{ host: 'pirate-site.to', count: 3 }]);
  });

  test('each rejected line says why', () => {
    const long = `https://pirate-site.to/${'a'.repeat(5000)}`;
    const r = parseBulkInput(
      [
        'javascript:alert(1)',
        'ftp://files.to/x',
        'http://10.0.0.1/x',
        'http://localhost/',
        'not a url',
        'http://1.2.3.999/',
        long,
        'example.com:8080/ok',
      ].join('\r\n'),
    );
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [1, 'unsupported_scheme'],
      [2, 'unsupported_scheme'],
      [3, 'private_target'],
      [4, 'private_target'],
      [5, 'not_a_url'],
      [6, 'not_a_url'],
      [7, 'too_long'],
    ]);
    expect(r.rejected[6]!.input.length).toBeLessThanOrEqual(121);
    expect(r.rejected[2]!.detail).toMatch(/private|not a public/i);
    expect(r.valid).toEqual([{ line: 8, url: 'http://example.com/ok', host: 'example.com' }]);
  });

  test('reads a CSV with a url column, quoted fields, a BOM and multi-line quoted cells', () => {
    const csv =
      '\uFEFFtitle,url,notes\r\n"Starsea, ep 1",https://ripe-host.to/1,x\r\n"multi\nline","https://azure-host.to/2","a ""quote"""\r\n,,\r\nfoo,javascript:void(0),\r\n';
    const r = parseBulkInput(csv);
    expect(r.valid.map((v) => [v.line, v.url])).toEqual([
      [2, 'https://ripe-host.to/1'],
      [3, 'https://azure-host.to/2'],
    ]);
    expect(r.rejected).toEqual([
      { line: 6, input: 'javascript:void(0)', reason: 'unsupported_scheme', detail: 'javascript:' },
    ]);
    expect(r.blank).toBe(1);
  });

  test('a CSV without a url header uses the first column and keeps the first row', () => {
    expect(csvUrlColumn('https://a.to/1,x\nhttps://b.to/2,y\n').map((c) => c.value)).toEqual([
      'https://a.to/1',
      'https://b.to/2',
    ]);
    expect(parseBulkInput('https://a.to/1,x\nhttps://b.to/2,y\n', 'csv').valid).toHaveLength(2);
  });

  test('file formats from names', () => {
    expect(formatOfFile('urls.CSV')).toBe('csv');
    expect(formatOfFile('urls.txt')).toBe('text');
    expect(formatOfFile('urls')).toBe('auto');
  });

  test('10,000 hostile lines: blanks, duplicates, javascript:, private addresses and 5 KB lines', () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const k = i % 7;
      lines.push(
        k === 0
          ? ''
          : k === 1
            ? `https://mirror${i % 300}.to/f/${i}`
            : k === 2
              ? `https://mirror${(i - 1) % 300}.to/f/${i - 1}`
              : k === 3
                ? 'javascript:alert(document.cookie)'
                : k === 4
                  ? `http://192.168.${i % 250}.1/`
                  : k === 5
                    ? `https://x.to/${'y'.repeat(5000)}`
                    : `  dup.to/same  `,
      );
    }
    const per = (k: number) => Array.from({ length: 10_000 }, (_, i) => i % 7).filter((x) => x === k).length;
    const r = parseBulkInput(lines.join('\n'));
    expect(r.valid.length + r.rejected.length + r.blank).toBe(10_000);
    const count = (reason: string) => r.rejected.filter((x) => x.reason === reason).length;
    expect(r.blank).toBe(per(0));
    expect(count('unsupported_scheme')).toBe(per(3));
    expect(count('private_target')).toBe(per(4));
    expect(count('too_long')).toBe(per(5));
    // k=2 repeats the k=1 line before it; every "dup.to/same" after the first is a duplicate.
    expect(count('duplicate')).toBe(per(2) + per(6) - 1);
    expect(r.valid.length).toBe(per(1) + 1);
    expect(r.hosts.find((h) => h.host === 'dup.to')).toEqual({ host: 'dup.to', count: 1 });
    expect(r.hosts.reduce((a, h) => a + h.count, 0)).toBe(r.valid.length);
  });
});
