import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { draftNotice } from '../../../lib/notices/draft';
import { encodeHeaderValue } from '../../../lib/notices/mime';
import { renderEml } from '../../../lib/notices/render-eml';
import { completeCase, NOW } from './fixtures';

const ALLOWED_HEADERS = new Set(['date', 'from', 'to', 'cc', 'message-id', 'subject', 'mime-version', 'content-type']);
const opts = { from: 'rights@lotuspress.example', to: ['abuse@host.example'], now: NOW };

/** Every line break is CRLF, and every header line is a known field or a folded continuation. */
function assertWellFormed(eml: string) {
  expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
  for (const line of head.split('\r\n')) {
    expect(line.length).toBeLessThanOrEqual(998);
    if (/^[ \t]/.test(line)) continue;
    expect(ALLOWED_HEADERS.has(line.slice(0, line.indexOf(':')).toLowerCase()), line).toBe(true);
  }
}

describe('renderEml', () => {
  it('parses back with a real MIME parser: headers, text, HTML and evidence attachments', async () => {
    const d = draftNotice(completeCase({ regime: 'cn', lang: 'zh-en' }), { now: NOW });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const eml = renderEml(d, {
      ...opts,
      attachments: [{ filename: '截图 2026-03-01.png', mime: 'image/png', bytes: png }],
      messageId: 'n-1@lotuspress.example',
    });
    assertWellFormed(eml);
    const p = await PostalMime.parse(eml);
    expect(p.subject).toBe(d.subject);
    expect(p.from).toMatchObject({ address: 'rights@lotuspress.example', name: 'Lotus Press Ltd' });
    expect(p.to?.map((t) => t.address)).toEqual(['abuse@host.example']);
    expect(p.messageId).toBe('<n-1@lotuspress.example>');
    expect(p.date).toBe('2026-03-04T05:06:07.000Z');
    expect(p.text?.replace(/\r\n/g, '\n')).toBe(d.text);
    expect(p.html).toBe(d.html);
    expect(p.attachments).toHaveLength(1);
    expect(p.attachments[0]!.filename).toBe('截图 2026-03-01.png');
    expect(p.attachments[0]!.mimeType).toBe('image/png');
    expect(new Uint8Array(p.attachments[0]!.content as ArrayBuffer)).toEqual(png);
  });

  it('is deterministic for a given clock and content', () => {
    const d = draftNotice(completeCase(), { now: NOW });
    expect(renderEml(d, opts)).toBe(renderEml(d, opts));
  });

  it('never lets input add a header or break a line (property)', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({
        unit: fc.constantFrom('\r', '\n', ':', '<', '>', '"', '=?', '?=', 'Bcc: x@y.z', '\u202e', '书', ' ', 'a'),
        maxLength: 80,
      }),
    );
    await fc.assert(
      fc.asyncProperty(text, text, async (title, name) => {
        const d = draftNotice(
          completeCase({
            works: [{ title, owner: 'o', registration: '', originalUrl: '' }],
            letterhead: { ...completeCase().letterhead, company: name },
          }),
          { now: NOW },
        );
        const eml = renderEml(d, {
          ...opts,
          attachments: [{ filename: title, mime: name, bytes: new Uint8Array([1]) }],
        });
        assertWellFormed(eml);
        const p = await PostalMime.parse(eml);
        expect(p.headers.every((h) => ALLOWED_HEADERS.has(h.key))).toBe(true);
        expect(p.subject).toBe(d.subject);
        expect(p.attachments).toHaveLength(1);
      }),
      { numRuns: 100 },
    );
  });

  it('folds a 10,000-character subject into short encoded-words that decode to the same text', async () => {
    const long = '长'.repeat(5000) + 'x'.repeat(5000);
    const v = encodeHeaderValue(long, 9);
    for (const line of v.split('\r\n')) expect(line.trim().length).toBeLessThanOrEqual(76);
    const p = await PostalMime.parse(`Subject: ${v}\r\nFrom: <a@b.example>\r\n\r\nx`);
    expect(p.subject).toBe(long);
  });

  it('refuses addresses that could inject headers or recipients', () => {
    const d = draftNotice(completeCase(), { now: NOW });
    for (const bad of ['a@b.example\r\nBcc: c@d.example', 'a@b.example>, <c@d.example', '"x"@b.example', ''])
      expect(() => renderEml(d, { ...opts, to: [bad] }), bad).toThrow(AppError);
    expect(() => renderEml(d, { ...opts, to: [] })).toThrow(AppError);
    expect(() => renderEml(d, { ...opts, messageId: 'x>\r\nBcc: y' })).toThrow(AppError);
  });
});
