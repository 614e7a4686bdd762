import type { PageSource, SourceLink } from './features';

/** The parts of a DOM Document that detection reads; the content script passes `document`. */
export interface DomDocument {
  URL: string;
  title: string;
  body: unknown;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ href?: unknown; textContent: string | null; getAttribute(name: string): string | null }>;
  createTreeWalker(
    root: never,
    whatToShow: number,
  ): { nextNode(): { nodeValue: string | null; parentElement?: { tagName: string } | null } | null };
}

type DomAnchor = ReturnType<DomDocument['querySelectorAll']>[number];

/** A class rather than object literals with getters: thousands of anchors stay cheap to wrap. */
class DomLink implements SourceLink {
  readonly raw: string;
  constructor(private readonly a: DomAnchor) {
    this.raw = a.getAttribute('href') ?? '';
  }
  // Resolving and reading text cost more than the attribute: only kept links pay for them.
  get href(): string {
    const href = this.a.href;
    return typeof href === 'string' ? href : this.raw;
  }
  get text(): string {
    return this.a.textContent ?? '';
  }
}

const SHOW_TEXT = 0x4;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT']);

/**
 * Reads text node by node instead of body.innerText, so the cost stops at the text cap and no
 * layout is forced. Kept links use the resolved `href` property, which is already absolute.
 */
export function domPageSource(doc: DomDocument): PageSource {
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? '';
  return {
    url: doc.URL,
    title: doc.title,
    description: meta('meta[name="description" i], meta[property="og:description" i]'),
    ogTitle: meta('meta[property="og:title" i], meta[name="twitter:title" i]'),
    keywords: meta('meta[name="keywords" i]'),
    embedCount: doc.querySelectorAll('video, iframe, embed, object').length,
    *headings() {
      const hs = doc.querySelectorAll('h1, h2');
      for (const h of Array.from(hs)) yield h.textContent ?? '';
    },
    *textChunks() {
      if (!doc.body) return;
      const walker = doc.createTreeWalker(doc.body as never, SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement && SKIP.has(node.parentElement.tagName.toUpperCase())) continue;
        if (node.nodeValue) yield node.nodeValue;
      }
    },
    *links() {
      const anchors = doc.querySelectorAll('a[href]');
      for (const a of Array.from(anchors)) yield new DomLink(a);
    },
  };
}
