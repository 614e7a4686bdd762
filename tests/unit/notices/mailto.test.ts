import { describe, expect, it } from 'vitest';
import { mailtoFor, MAILTO_MAX } from '../../../lib/notices/mailto';

describe('mailtoFor', () => {
  it('builds a mailto URL with an encoded subject and CRLF line breaks', () => {
    const r = mailtoFor({ subject: 'DMCA – 长河 & more?', text: 'line 1\nline 2' }, ['abuse@host.example']);
    expect(r).toEqual({
      url: 'mailto:abuse@host.example?subject=DMCA%20%E2%80%93%20%E9%95%BF%E6%B2%B3%20%26%20more%3F&body=line%201%0D%0Aline%202',
    });
  });

  it('falls back to copying the text when the URL would pass about 2,000 characters', () => {
    const text = 'https://pirate.example/x\n'.repeat(100);
    const r = mailtoFor({ subject: 's', text }, ['abuse@host.example']);
    expect(r).toEqual({ tooLong: true, subject: 's', text });
    const fits = mailtoFor({ subject: 's', text: 'a'.repeat(MAILTO_MAX - 60) }, ['abuse@host.example']);
    expect('url' in fits && fits.url.length).toBeLessThanOrEqual(MAILTO_MAX);
  });

  it('drops addresses that would smuggle in headers or recipients', () => {
    const r = mailtoFor({ subject: 's', text: 't' }, [
      'abuse@host.example?bcc=spy@evil.example',
      'ok@host.example',
      'a@b.example\r\nBcc: x',
    ]);
    expect(r).toEqual({ url: 'mailto:ok@host.example?subject=s&body=t' });
  });
});
