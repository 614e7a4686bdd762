import { z } from 'zod';
import { WorkSchema } from '../model/work';
import { hostSuffixes } from './allowlist';
import { compact, isWordChar, normalize } from './normalize';

/** What detection needs of a work. The CLI catalog has no ids; the extension's works do. */
export const CatalogWorkSchema = WorkSchema.pick({
  title: true,
  aliases: true,
  officialDomains: true,
  keywords: true,
}).extend({
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
  /** Where the hit starts and ends in the normalize()d text that was scanned. */
  at: number;
  end: number;
}

export interface CompiledCatalog {
  works: readonly CatalogWork[];
  officialDomains: readonly string[];
  /** True for an official domain of any work, or a subdomain of one. */
  isOfficialHost(host: string): boolean;
  /**
   * Every catalog name or keyword found in normalize()d text, in order. Names match without their spaces
   * and punctuation on both sides ("Star Fall" finds "Starfall"), from the start of a word to the end of
   * one; a work's names that overlap (a title and the alias inside it) are one hit.
   */
  scan(normalizedText: string): PhraseHit[];
}

const MIN_LATIN = 3;
const MIN_CJK = 2;
const key = (s: string, i: number) => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

/** The text without its spaces, and where each of its characters sits in the text. */
function compactWithMap(text: string): { compacted: string; at: Int32Array } {
  const at = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ') continue;
    at[n++] = i;
  }
  const compacted = text.replace(/ /g, '');
  return { compacted, at: at.subarray(0, n) };
}

/** Keeps one hit per place and work: the longest of its names that overlap there. */
function mergeOverlaps(hits: PhraseHit[]): PhraseHit[] {
  const out: PhraseHit[] = [];
  const last = new Map<string, number>();
  for (const h of hits) {
    const id = `${h.work}:${h.kind}`;
    const prev = last.get(id);
    const kept = prev === undefined ? undefined : out[prev];
    if (prev !== undefined && kept && h.at < kept.end) {
      if (h.end - h.at > kept.end - kept.at) out[prev] = h;
      continue;
    }
    last.set(id, out.length);
    out.push(h);
  }
  return out;
}

/**
 * Compiles the catalog once into an index keyed by each phrase's first two characters, so a
 * page is scanned in one pass however many works there are (1,000 works stay fast).
 */
export function compileCatalog(works: readonly CatalogWork[]): CompiledCatalog {
  const index = new Map<number, Phrase[]>();
  const seen = new Set<string>();
  const add = (raw: string, work: number, kind: PhraseKind) => {
    const n = normalize(raw);
    const text = compact(n);
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
    for (const name of [w.title, ...w.aliases]) add(name, i, 'name');
    for (const kw of w.keywords) add(kw, i, 'keyword');
  });

  const officialDomains = [
    ...new Set(works.flatMap((w) => w.officialDomains.map((d) => d.toLowerCase().replace(/^\.+|\.+$/g, '')))),
  ].filter(Boolean);
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
      const { compacted, at } = compactWithMap(text);
      const hits: PhraseHit[] = [];
      for (let i = 0; i + 1 < compacted.length; i++) {
        const bucket = index.get(key(compacted, i));
        if (!bucket) continue;
        for (const p of bucket) {
          if (!compacted.startsWith(p.text, i)) continue;
          // Word boundaries are those of the spaced text: "dune" is not in "dunes", "iron vale" is "ironvale".
          // `at` maps every compacted index back to the spaced text, so both ends exist.
          const start = at[i]!;
          const end = at[i + p.text.length - 1]! + 1;
          if (p.boundStart && isWordChar(text[start - 1])) continue;
          if (p.boundEnd && isWordChar(text[end])) continue;
          hits.push({ work: p.work, kind: p.kind, phrase: p.text, at: start, end });
        }
      }
      return mergeOverlaps(hits);
    },
  };
}
