/**
 * Works per URL in a bulk report (issue 13): a notice may only swear to the works its own URLs
 * show, so a CDN notice for manga chapters never also claims a game (a § 512(f) risk). Each URL
 * carries its works (the input's `work` column, or the user's assignment); a URL without one
 * falls back to the report's shared works.
 */
import { compileCatalog, type CompiledCatalog } from '../detection/catalog';
import { normalize } from '../detection/normalize';
import type { Work } from '../model/work';

export interface UrlWorks {
  url: string;
  workIds?: string[];
}

/** The works a group's notice names: its included URLs' works, in catalog order. */
export function worksOfUrls(
  urls: readonly string[],
  byUrl: ReadonlyMap<string, readonly string[] | undefined>,
  shared: readonly string[],
  catalog: readonly Pick<Work, 'id'>[],
): string[] {
  const ids = new Set<string>();
  for (const u of urls) for (const id of byUrl.get(u)?.length ? byUrl.get(u)! : shared) ids.add(id);
  return catalog.filter((w) => ids.has(w.id)).map((w) => w.id);
}

/** URL path and query as words: "/manga/starsea-ch-12?x" → "manga starsea ch 12 x". */
export function urlWords(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(`${u.pathname} ${u.search}`)
      .replace(/[\s/_\-+.?=&%#]+/g, ' ')
      .trim();
  } catch {
    return '';
  }
}

export function compileWorks(works: readonly Work[]): CompiledCatalog {
  return compileCatalog(works);
}

/**
 * Suggests works for a URL with the detection scorer's catalog matcher: a title or alias found in
 * the page title (when known) or the URL's words. Keywords alone suggest nothing: they are too
 * weak to name a work in a sworn notice.
 */
export function suggestWorks(compiled: CompiledCatalog, works: readonly Work[], text: string): string[] {
  const hits = compiled.scan(normalize(text)).filter((h) => h.kind === 'name');
  return [...new Set(hits.map((h) => works[h.work]?.id).filter((id): id is string => Boolean(id)))];
}
