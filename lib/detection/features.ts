/**
 * What the content script reads from a page and sends to the background: bounded in size, so a
 * huge page costs no more than a typical one and the message stays small. No zod here: this
 * module is bundled into the content script, which every page pays for.
 */
export const LIMITS = {
  url: 2048,
  title: 512,
  description: 1024,
  /** og:title and meta keywords: what the page says it is about when its <title> is generic. */
  ogTitle: 512,
  keywords: 512,
  /** The page's h1 and h2 headings, joined, and how many of them are read. */
  headings: 1024,
  headingCount: 12,
  /** Only the first 64 K characters of visible text are read. */
  text: 64 * 1024,
  links: 300,
  href: 512,
  linkText: 120,
  /** Anchors looked at while picking the links worth sending. */
  anchorsScanned: 5000,
  embeds: 1000,
} as const;

export interface Link {
  href: string;
  text: string;
}

/** A page's features, each field within LIMITS; validated at the message boundary by features-schema.ts. */
export interface PageFeatures {
  url: string;
  title: string;
  description: string;
  ogTitle: string;
  keywords: string;
  /** The h1/h2 headings, joined with " | ". */
  headings: string;
  text: string;
  links: Link[];
  /** Video players and iframes on the page. */
  embeds: number;
}

/**
 * A page seen through the few reads detection needs. The DOM (dom-source.ts) and raw HTML
 * (html-features.ts) both provide one; text and links are iterated lazily so the caps bound the work.
 */
export interface PageSource {
  url: string;
  title: string;
  description: string;
  ogTitle: string;
  keywords: string;
  /** h1 and h2 texts in document order. */
  headings(): Iterable<string>;
  textChunks(): Iterable<string>;
  links(): Iterable<SourceLink>;
  embedCount: number;
}

/**
 * A link as the source has it. `raw` (the attribute as written) is cheap and is what links are
 * sorted and de-duplicated by; `href` (absolute) and `text` may be getters that cost a URL
 * resolution or a text walk, so they are read only for links that are kept.
 */
export interface SourceLink {
  raw: string;
  href: string;
  text: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
// Links that can hand over a copy are kept first, so 300 navigation links cannot crowd them out.
const LIKELY_DOWNLOAD =
  /^(?:magnet|ed2k|thunder|flashget|qqdl):|\.(?:torrent|apk|xapk|apks|ipa|exe|epub|mobi|azw3|txt|rar|7z|zip|iso)(?:[?#]|$)|pan\.|lanzou|mega\.|mediafire|1fichier|rapidgator|nitroflare|turbobit|115\.com|aliyundrive|alipan|cloud\.189|weiyun|123pan|ctfile/i;

export function extractFeatures(source: PageSource): PageFeatures {
  let text = '';
  for (const chunk of source.textChunks()) {
    const piece = squash(clip(chunk, LIMITS.text));
    if (!piece) continue;
    text += text ? ` ${piece}` : piece;
    if (text.length >= LIMITS.text) break;
  }

  const likely: Link[] = [];
  const other: Link[] = [];
  const seen = new Set<string>();
  let scanned = 0;
  for (const link of source.links()) {
    if (++scanned > LIMITS.anchorsScanned || likely.length >= LIMITS.links) break;
    const raw = link.raw.trim();
    if (!raw || raw.length > LIMITS.href || seen.has(raw) || /^(?:javascript|mailto|tel|data):|^#/i.test(raw)) continue;
    seen.add(raw);
    const isLikely = LIKELY_DOWNLOAD.test(raw);
    if (!isLikely && other.length >= LIMITS.links) continue;
    const href = link.href.trim();
    if (href.length > LIMITS.href) continue;
    (isLikely ? likely : other).push({
      href,
      text: clip(squash(clip(link.text, 4 * LIMITS.linkText)), LIMITS.linkText),
    });
  }

  const headings: string[] = [];
  for (const h of source.headings()) {
    const piece = squash(clip(h, LIMITS.headings));
    if (piece) headings.push(piece);
    if (headings.length >= LIMITS.headingCount) break;
  }

  return {
    url: clip(source.url, LIMITS.url),
    title: clip(squash(source.title), LIMITS.title),
    description: clip(squash(source.description), LIMITS.description),
    ogTitle: clip(squash(source.ogTitle), LIMITS.ogTitle),
    keywords: clip(squash(source.keywords), LIMITS.keywords),
    headings: clip(headings.join(' | '), LIMITS.headings),
    text: clip(text, LIMITS.text),
    links: [...likely, ...other].slice(0, LIMITS.links),
    embeds: Math.min(Math.max(0, Math.floor(source.embedCount)), LIMITS.embeds),
  };
}
