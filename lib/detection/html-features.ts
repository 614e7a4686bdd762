import { extractFeatures, type PageFeatures, type PageSource, type SourceLink } from './features';

/**
 * The same features from raw HTML, for the CLI, tests and benchmarks (no DOM in Node).
 * A single forward scan with indexOf, never a backtracking regex over the page, so binary
 * or malformed input stays linear.
 */
export const HTML_CAP = 1024 * 1024;

const SKIP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'textarea', 'select']);
const INLINE = new Set([
  'a',
  'span',
  'b',
  'i',
  'em',
  'strong',
  'font',
  'small',
  'u',
  'mark',
  'code',
  'abbr',
  'sup',
  'sub',
]);
const EMBEDS = new Set(['video', 'iframe', 'embed', 'object']);
const MAX_TAG = 4096;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  middot: '·',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  copy: '©',
  reg: '®',
};
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

function resolve(href: string, base: string): string {
  try {
    return new URL(href, base || undefined).href;
  } catch {
    return href;
  }
}

export function htmlPageSource(input: string, url: string): PageSource {
  const html = input.length > HTML_CAP ? input.slice(0, HTML_CAP) : input;
  const lower = html.toLowerCase();
  const text: string[] = [];
  const links: SourceLink[] = [];
  let title = '';
  let description = '';
  let ogTitle = '';
  let keywords = '';
  const headings: string[] = [];
  let heading: { name: string; parts: string[] } | null = null;
  let embedCount = 0;
  let anchor: { raw: string; parts: string[] } | null = null;

  const link = (a: { raw: string; parts: string[] }): SourceLink => ({
    raw: a.raw,
    get href() {
      return resolve(a.raw, url);
    },
    get text() {
      return a.parts.join('');
    },
  });

  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    const chunk = html.slice(pos, lt === -1 ? html.length : lt);
    if (chunk) {
      const decoded = decodeEntities(chunk);
      text.push(decoded);
      anchor?.parts.push(decoded);
      heading?.parts.push(decoded);
    }
    if (lt === -1) break;

    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      pos = end === -1 ? html.length : end + 3;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    const gt = html.indexOf('>', lt);
    if (!m || gt === -1 || gt - lt > MAX_TAG) {
      if (!m) text.push('<');
      pos = lt + 1;
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const tag = html.slice(lt, gt + 1);
    pos = gt + 1;
    if (!INLINE.has(name)) text.push(' ');

    if (closing) {
      if (heading && name === heading.name) {
        headings.push(heading.parts.join(''));
        heading = null;
      }
      if (name === 'a' && anchor) {
        links.push(link(anchor));
        anchor = null;
      }
      continue;
    }
    if (name === 'title' && !title) {
      const end = lower.indexOf('</title', pos);
      title = decodeEntities(html.slice(pos, end === -1 ? Math.min(html.length, pos + 512) : end));
      pos = end === -1 ? pos : end;
      continue;
    }
    if (name === 'meta') {
      const key = (attr(tag, 'name') ?? attr(tag, 'property') ?? '').toLowerCase();
      if (!description && (key === 'description' || key === 'og:description')) description = attr(tag, 'content') ?? '';
      if (!ogTitle && (key === 'og:title' || key === 'twitter:title')) ogTitle = attr(tag, 'content') ?? '';
      if (!keywords && key === 'keywords') keywords = attr(tag, 'content') ?? '';
      continue;
    }
    if ((name === 'h1' || name === 'h2') && !heading) heading = { name, parts: [] };
    if (EMBEDS.has(name)) embedCount++;
    if (name === 'a') {
      if (anchor) links.push(link(anchor));
      const href = attr(tag, 'href');
      anchor = href === null ? null : { raw: href.trim(), parts: [] };
      continue;
    }
    if (SKIP_CONTENT.has(name) && !tag.endsWith('/>')) {
      // <head> holds <title> and <meta>, so it is walked rather than skipped.
      if (name === 'head') continue;
      const end = lower.indexOf(`</${name}`, pos);
      pos = end === -1 ? html.length : end;
    }
  }
  if (anchor) links.push(link(anchor));
  if (heading) headings.push(heading.parts.join(''));

  // Text outside <body> (stray head text) is rare and harmless; keep the scan simple.
  return {
    url,
    title,
    description,
    ogTitle,
    keywords,
    embedCount,
    headings: () => headings,
    textChunks: () => text,
    links: () => links,
  };
}

/**
 * The address a saved page came from, for bulk triage without --url: the browser's
 * "saved from url" mark, else <link rel=canonical>, else og:url. Only http(s) answers count.
 */
export function savedPageUrl(html: string): string | null {
  const head = html.slice(0, 64 * 1024);
  const candidates = [
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head)?.[1],
    /<link\b[^>]{0,500}\brel\s*=\s*["']?canonical["']?[^>]{0,500}>/i.exec(head)?.[0],
    /<meta\b[^>]{0,500}\bproperty\s*=\s*["']?og:url["']?[^>]{0,500}>/i.exec(head)?.[0],
  ];
  for (const [i, c] of candidates.entries()) {
    const url = i === 0 ? c : c && attr(c, i === 1 ? 'href' : 'content');
    if (url && /^https?:\/\/[^\s/]+/i.test(url)) return url;
  }
  return null;
}

export function featuresFromHtml(html: string, url: string): PageFeatures {
  return extractFeatures(htmlPageSource(html, url));
}
