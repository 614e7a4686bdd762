import { describe, expect, it } from 'vitest';
import { type DomDocument, domPageSource } from '../../../lib/detection/dom-source';
import { extractFeatures, LIMITS } from '../../../lib/detection/features';

/** A stand-in for `document` with just the reads domPageSource makes. */
interface FakeOptions {
  texts: { value: string; parent: string }[];
  anchors?: { href: string; text: string }[];
  embeds?: number;
  description?: string;
  ogTitle?: string;
  keywords?: string;
  headings?: string[];
}

function fakeDocument(opts: FakeOptions): DomDocument & { nodesRead: () => number } {
  let read = 0;
  return {
    URL: 'https://site.example/watch',
    title: '  The   Lantern Keeper ',
    body: {},
    nodesRead: () => read,
    querySelector: (sel) => {
      const content = sel.includes('description')
        ? opts.description
        : sel.includes('og:title')
          ? opts.ogTitle
          : sel.includes('keywords')
            ? opts.keywords
            : undefined;
      return content ? { getAttribute: () => content } : null;
    },
    querySelectorAll: (sel) =>
      sel === 'a[href]'
        ? (opts.anchors ?? []).map((a) => ({ href: a.href, textContent: a.text, getAttribute: () => a.href }))
        : sel === 'h1, h2'
          ? (opts.headings ?? []).map((h) => ({ textContent: h, getAttribute: () => null }))
          : Array.from({ length: opts.embeds ?? 0 }, () => ({ textContent: '', getAttribute: () => null })),
    createTreeWalker: () => {
      let i = 0;
      return {
        nextNode: () => {
          const t = opts.texts[i++];
          if (!t) return null;
          read++;
          return { nodeValue: t.value, parentElement: { tagName: t.parent } };
        },
      };
    },
  };
}

describe('domPageSource', () => {
  it('reads visible text nodes, skipping scripts and styles', () => {
    const doc = fakeDocument({
      texts: [
        { value: 'Watch free', parent: 'P' },
        { value: 'var x = 1', parent: 'SCRIPT' },
        { value: '.a{}', parent: 'style' },
        { value: 'now', parent: 'SPAN' },
      ],
      anchors: [
        { href: 'https://site.example/about', text: 'About' },
        { href: 'magnet:?xt=1', text: ' Magnet ' },
      ],
      embeds: 1,
      description: 'desc',
    });
    const f = extractFeatures(domPageSource(doc));
    expect(f).toMatchObject({
      url: 'https://site.example/watch',
      title: 'The Lantern Keeper',
      description: 'desc',
      text: 'Watch free now',
      embeds: 1,
    });
    expect(f.links).toEqual([
      { href: 'magnet:?xt=1', text: 'Magnet' },
      { href: 'https://site.example/about', text: 'About' },
    ]);
  });

  it('resolves and reads only the links it keeps', () => {
    let reads = 0;
    const anchors = Array.from({ length: 1000 }, (_, i) => ({ raw: `/p/${i}`, text: `${i}` }));
    const doc = fakeDocument({ texts: [] });
    // Only anchors: headings and players are other selectors.
    doc.querySelectorAll = (sel) =>
      (sel === 'a[href]' ? anchors : []).map((a) => ({
        get href() {
          reads++;
          return `https://site.example${a.raw}`;
        },
        get textContent() {
          reads++;
          return a.text;
        },
        getAttribute: () => a.raw,
      }));
    const f = extractFeatures(domPageSource(doc));
    expect(f.links).toHaveLength(LIMITS.links);
    expect(f.links[0]).toEqual({ href: 'https://site.example/p/0', text: '0' });
    expect(reads).toBe(2 * LIMITS.links);
  });

  it('reads og:title, meta keywords and the h1/h2 headings, capped', () => {
    const doc = fakeDocument({
      texts: [],
      ogTitle: ' The  Wintermere Letters ',
      keywords: 'a, b',
      headings: ['Main', '  ', ...Array.from({ length: 40 }, (_, i) => `h${i}`)],
    });
    const f = extractFeatures(domPageSource(doc));
    expect(f.ogTitle).toBe('The Wintermere Letters');
    expect(f.keywords).toBe('a, b');
    expect(f.headings.split(' | ')).toHaveLength(LIMITS.headingCount);
    expect(f.headings.startsWith('Main | h0')).toBe(true);
  });

  it('stops walking text once the cap is reached', () => {
    const doc = fakeDocument({
      texts: Array.from({ length: 10_000 }, () => ({ value: 'x'.repeat(1000), parent: 'P' })),
    });
    const f = extractFeatures(domPageSource(doc));
    expect(f.text.length).toBe(LIMITS.text);
    expect(doc.nodesRead()).toBeLessThan(100);
  });
});
