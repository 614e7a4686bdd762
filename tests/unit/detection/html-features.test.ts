import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../lib/detection/features';
import { PageFeaturesSchema } from '../../../lib/detection/features-schema';
import { featuresFromHtml, HTML_CAP } from '../../../lib/detection/html-features';

describe('featuresFromHtml', () => {
  const html = `<!doctype html><html><head><title>Star &amp; Dome &#x661F;</title>
    <meta name="description" content="A &quot;free&quot; page"><style>.x{content:"hidden style"}</style>
    <script>var secret = "hidden script";</script></head>
    <body><!-- a comment --><h1>Hello</h1><p>Visible&nbsp;text</p><noscript>no js</noscript>
    <a href="/dl/file.apk">Get <b>it</b></a> <a href='magnet:?xt=urn:btih:abc'>Magnet</a> <a href=javascript:void(0)>x</a>
    <iframe src="https://player.example/e/1"></iframe><video></video></body></html>`;
  const f = featuresFromHtml(html, 'https://pirate.example/page/1');

  it('reads title, description and visible text only', () => {
    expect(f.title).toBe('Star & Dome 星');
    expect(f.description).toBe('A "free" page');
    expect(f.text).toContain('Hello');
    expect(f.text).toContain('Visible text');
    expect(f.text).not.toMatch(/hidden|secret|comment|no js/);
  });

  it('resolves hrefs against the page and keeps download-like links first', () => {
    expect(f.links.map((l) => l.href)).toEqual(['https://pirate.example/dl/file.apk', 'magnet:?xt=urn:btih:abc']);
    expect(f.links[0]!.text).toBe('Get it');
  });

  it('counts players and iframes', () => {
    expect(f.embeds).toBe(2);
  });

  it('caps a huge page: only the first part of its text is read', () => {
    const huge = `<title>Big</title><body>${'<p>星穹纪元私服 lorem ipsum</p>'.repeat(200_000)}<a href="magnet:?late">late</a></body>`;
    const big = featuresFromHtml(huge, 'https://big.example/');
    expect(huge.length).toBeGreaterThan(HTML_CAP);
    expect(big.text.length).toBeLessThanOrEqual(LIMITS.text);
    expect(big.links).toEqual([]);
    expect(PageFeaturesSchema.safeParse(big).success).toBe(true);
  });

  it('caps the number and length of links', () => {
    const many =
      Array.from({ length: 2000 }, (_, i) => `<a href="/p/${i}">${i}</a>`).join('') +
      `<a href="/${'x'.repeat(5000)}">long</a>`;
    const out = featuresFromHtml(many, 'https://x.example/');
    expect(out.links).toHaveLength(LIMITS.links);
    expect(out.links.every((l) => l.href.length <= LIMITS.href)).toBe(true);
  });

  it('survives unterminated tags, comments and scripts', () => {
    for (const broken of [
      '<a href="x',
      '<!-- never closed <p>text',
      '<script>var a = 1;',
      '<title>open',
      '<<<>>><a><a><a></b>',
      '<p attr="></p>',
    ]) {
      expect(PageFeaturesSchema.safeParse(featuresFromHtml(broken, 'https://x.example/')).success).toBe(true);
    }
  });

  it('turns any input, binary included, into valid features', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    expect(
      PageFeaturesSchema.safeParse(featuresFromHtml(new TextDecoder('latin1').decode(bytes), 'not a url')).success,
    ).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.string({ maxLength: 100 }), (s, url) => {
        expect(PageFeaturesSchema.safeParse(featuresFromHtml(s, url)).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('accepts a page from a content script that predates og:title, keywords and headings', () => {
    const old = { url: 'https://x.example/', title: 't', description: '', text: '', links: [], embeds: 0 };
    expect(PageFeaturesSchema.parse(old)).toMatchObject({ ogTitle: '', keywords: '', headings: '' });
  });
});
