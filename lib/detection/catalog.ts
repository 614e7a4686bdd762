import { z } from 'zod';
import { WorkSchema } from '../model/work';
import { hostSuffixes } from './allowlist';
import { compact, isWordChar, normalize } from './normalize';

/** What detection needs of a work. The CLI catalog has no ids; the extension's works do. */
export const CatalogWorkSchema = WorkSchema.pick({ title: true, aliases: true, officialDomains: true, keywords: true }).extend({
  id: WorkSchema.shape.id.optional(),
});
export type CatalogWork = z.infer<typeof CatalogWorkSchema>;

export const CatalogSchema = z.object({ works: z.array(CatalogWorkSchema).max(10_000) });
export type Catalog = z.infer<typeof CatalogSchema>;

export type PhraseKind = 'name' | 'keyword';
interface Phrase {
  text: string;
  work: number;
  kind: PhraseKind;
  /** Latin ends need word boundaries ("dune" is not in "dunes"); CJK ends cannot have them. */
  boundStart: boolean;
  boundEnd: boolean;
}
export interface PhraseHit {
  work: number;
  kind: PhraseKind;
  phrase: string;
  at: number;
}

export interface CompiledCatalog {
  works: readonly CatalogWork[];
  officialDomains: readonly string[];
  /** True for an official domain of any work, or a subdomain of one. */
  isOfficialHost(host: string): boolean;
  /** Every catalog name or keyword found in normalize()d text, in order. */
  scan(normalizedText: string): PhraseHit[];
}

const MIN_LATIN = 3;
const MIN_CJK = 2;
const key = (s: string, i: number) => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

/**
 * Compiles the catalog once into an index keyed by each phrase's first two characters, so a
 * page is scanned in one pass however many works there are (1,000 works stay fast).
 */
export function compileCatalog(works: readonly CatalogWork[]): CompiledCatalog {
  const index = new Map<number, Phrase[]>();
  const seen = new Set<string>();
  const add = (raw: string, work: number, kind: PhraseKind) => {
    const text = normalize(raw);
    const boundStart = isWordChar(text[0]);
    const boundEnd = isWordChar(text[text.length - 1]);
    if (text.length < (boundStart || boundEnd ? MIN_LATIN : MIN_CJK)) return;
    const id = `${work}\u0000${kind}\u0000${text}`;
    if (seen.has(id)) return;
    seen.add(id);
    const k = key(text, 0);
    const bucket = index.get(k);
    const phrase = { text, work, kind, boundStart, boundEnd };
    if (bucket) bucket.push(phrase);
    else index.set(k, [phrase]);
  };
  works.forEach((w, i) => {
    for (const name of [w.title, ...w.aliases]) {
      add(name, i, 'name');
      const n = normalize(name);
      if (n.includes(' ') && isWordChar(n[0])) add(compact(n), i, 'name');
    }
    for (const kw of w.keywords) add(kw, i, 'keyword');
  });

  const officialDomains = [...new Set(works.flatMap((w) => w.officialDomains.map((d) => d.toLowerCase().replace(/^\.+|\.+$/g, ''))))].filter(Boolean);
  const official = new Set(officialDomains);
  return {
    works,
    officialDomains,
    // A set lookup per label of the host, however many works there are.
    isOfficialHost(host) {
      for (const h of hostSuffixes(host)) if (official.has(h)) return true;
      return false;
    },
    scan(text) {
      const hits: PhraseHit[] = [];
      for (let i = 0; i + 1 < text.length; i++) {
        const bucket = index.get(key(text, i));
        if (!bucket) continue;
        for (const p of bucket) {
          if (!text.startsWith(p.text, i)) continue;
          if (p.boundStart && isWordChar(text[i - 1])) continue;
          if (p.boundEnd && isWordChar(text[i + p.text.length])) continue;
          hits.push({ work: p.work, kind: p.kind, phrase: p.text, at: i });
        }
      }
      return hits;
    },
  };
}
