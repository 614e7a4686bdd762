import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, neutraliseFormula, noticesToCsv } from '../../../lib/export/csv';
import { parseCsv } from '../../helpers/csv';
import { makeNotice, recipient, sentNotice } from '../tracking/make-notice';

describe('CSV export', () => {
  it('writes one row per notice with RFC 4180 quoting', () => {
    const a = sentNotice(
      { id: 'a', urls: ['https://x.example/a,b', 'https://x.example/"q"'], workTitles: ['Book, Vol. 1', 'Other'] },
      recipient('host', 'Host "Inc"', { providerId: 'hi' }),
    );
    const b = makeNotice({ id: 'b', pageTitle: 'line1\nline2' });
    const csv = noticesToCsv([a, b]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const col = (r: string[], name: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(name)];
    expect(col(rows[1]!, 'urls')).toBe('https://x.example/a,b\nhttps://x.example/"q"');
    expect(col(rows[1]!, 'works')).toBe('Book, Vol. 1; Other');
    expect(col(rows[1]!, 'recipient')).toBe('Host "Inc"');
    expect(col(rows[1]!, 'provider_id')).toBe('hi');
    expect(col(rows[1]!, 'url_count')).toBe('2');
    expect(col(rows[2]!, 'status')).toBe('draft');
    expect(col(rows[2]!, 'sent_at')).toBe('');
  });

  it('neutralises spreadsheet formulas from hostile pages', () => {
    for (const evil of ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseFormula(evil).startsWith("'")).toBe(true);
    }
    expect(neutraliseFormula('plain')).toBe('plain');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    const n = makeNotice({ id: 'c', host: '=cmd|calc', workTitles: ['@evil'] });
    const rows = parseCsv(noticesToCsv([n]));
    expect(rows[1]![CSV_COLUMNS.indexOf('host')]).toBe("'=cmd|calc");
    expect(rows[1]![CSV_COLUMNS.indexOf('works')]).toBe("'@evil");
  });
});
