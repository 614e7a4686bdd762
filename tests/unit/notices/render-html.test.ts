import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftNotice } from '../../../lib/notices/draft';
import { completeCase, NOW } from './fixtures';

// Hostile text: markup, quotes, CR/LF, bidi overrides and long runs.
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='x",
    '\u202e<b>\r\n</b>',
    '&lt;already&gt;',
    '</style><svg/onload=1>',
  ),
  fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '\r', '\n', '\u200f', 'a'), maxLength: 40 }),
);

function caseWith(s: string) {
  return completeCase({
    regime: 'us-dmca',
    letterhead: { company: s, address: s, email: s, phone: s, signatory: s, signatoryTitle: s },
    works: [{ title: s, owner: s, registration: s, originalUrl: s }],
    infringingUrls: [s, `https://pirate.example/${s}`],
    explanation: s,
    recipient: { name: s, role: 'host', kind: 'shared', emails: [s] },
  });
}

const count = (html: string, ch: string) => html.split(ch).length - 1;

describe('renderHtml', () => {
  it('never lets a tag, attribute quote or entity from input through (property)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const html = draftNotice(caseWith(s), { now: NOW }).html;
        // The same case with every markup character neutralised has the same structure, so any
        // extra '<', '>' or '"' could only have come from unescaped input.
        const neutral = draftNotice(caseWith(s.replace(/[<>"'&]/g, 'x')), { now: NOW }).html;
        expect(count(html, '<')).toBe(count(neutral, '<'));
        expect(count(html, '>')).toBe(count(neutral, '>'));
        expect(count(html, '"')).toBe(count(neutral, '"'));
        expect(html).not.toMatch(/<(script|svg|img|b)[\s>/]/i);
      }),
      { numRuns: 150 },
    );
  });

  it('escapes a known payload and keeps the text readable', () => {
    const html = draftNotice(caseWith('<b>"Tom & Jerry"</b>'), { now: NOW }).html;
    expect(html).toContain('&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });

  it('is a printable letter: print stylesheet, letterhead, subject, numbered URLs and signature', () => {
    const html = draftNotice(completeCase({ regime: 'us-dmca' }), { now: NOW }).html;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@page');
    expect(html).toContain('<header class="letterhead">');
    expect(html).toContain('<h1>DMCA notice of copyright infringement – The River Atlas – pirate.example</h1>');
    expect(html).toContain('<li>https://pirate.example/read/river-atlas</li>');
    expect(html).toContain('/s/ Mei Chen');
  });

  it('shows the logo only when it is a base64 data:image URL', () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    const withLogo = draftNotice(completeCase({ letterhead: { ...completeCase().letterhead, logo } }), {
      now: NOW,
    }).html;
    expect(withLogo).toContain(`<img src="${logo}" alt="">`);
    const noLogo = draftNotice(completeCase(), { now: NOW }).html;
    expect(noLogo).not.toContain('<img');
    // A remote or script URL never reaches the schema-validated case, and the renderer re-checks.
    expect(() =>
      draftNotice(completeCase({ letterhead: { ...completeCase().letterhead, logo: 'https://evil.example/x.png' } }), {
        now: NOW,
      }),
    ).toThrow();
  });
});
