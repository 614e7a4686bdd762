import { describe, expect, it } from 'vitest';
import { CatalogSchema, compileCatalog, type CatalogWork } from '../../../lib/detection/catalog';
import { normalize } from '../../../lib/detection/normalize';

const work = (title: string, extra: Partial<CatalogWork> = {}): CatalogWork => ({
  title,
  aliases: [],
  officialDomains: [],
  keywords: [],
  ...extra,
});

describe('compileCatalog', () => {
  it('finds titles and aliases across scripts and spellings', () => {
    const c = compileCatalog([work('星穹纪元', { aliases: ['Star Dome Era'] })]);
    expect(c.scan(normalize('最新星穹紀元私服')).map((h) => h.phrase)).toEqual(['星穹纪元']);
    expect(c.scan(normalize('STAR-DOME era private server'))).toHaveLength(1);
    expect(c.scan(normalize('stardome-era.net'))).toHaveLength(1);
  });

  it('matches names split, re-spaced, hyphenated or punctuated differently from the catalog, on both sides', () => {
    const c = compileCatalog([work('Starfall Harbor'), work('Iron Vale')]);
    for (const page of [
      'Star Fall Harbor',
      'Star-Fall.Harbor.2026.1080p',
      'S T A R F A L L : H A R B O R',
      'starfallharbor',
      'STARFALL – HARBOR',
    ]) {
      expect(
        c.scan(normalize(page)).map((h) => h.work),
        page,
      ).toEqual([0]);
    }
    expect(c.scan(normalize('Ironvale episode 7')).map((h) => h.work)).toEqual([1]);
    expect(c.scan(normalize('a dark iron valet')), 'a name ends at the end of a word').toEqual([]);
    expect(c.scan(normalize('gastar fall harbor')), 'and starts at the start of one').toEqual([]);
  });

  it('folds less common Traditional characters with OpenCC, in the page and in the catalog', () => {
    const c = compileCatalog([work('郁垒山海录', { keywords: ['顾濯缨'] }), work('龍驤鐵騎')]);
    expect(c.scan(normalize('鬱壘山海錄 作者：顧濯纓')).map((h) => [h.work, h.kind])).toEqual([
      [0, 'name'],
      [0, 'keyword'],
    ]);
    expect(c.scan(normalize('龙骧铁骑私服')).map((h) => h.work)).toEqual([1]);
  });

  it('counts a title and an alias at the same place once, and reports where each hit sits', () => {
    const c = compileCatalog([work('The Wintermere Letters', { aliases: ['Wintermere Letters', 'Wintermere'] })]);
    const text = normalize('The Wintermere Letters (Wintermere Letters #1) by O. Brandreth');
    const hits = c.scan(text);
    expect(hits.map((h) => text.slice(h.at, h.end))).toEqual(['the wintermere letters', 'wintermere letters']);
  });

  it('matches multi-word Latin names written together, as in domains', () => {
    const c = compileCatalog([work('Pocket Ledger')]);
    expect(c.scan(normalize('pocketledger-pro.net')).map((h) => h.phrase)).toEqual(['pocketledger']);
  });

  it('respects Latin word boundaries', () => {
    const c = compileCatalog([work('Dune')]);
    expect(c.scan(normalize('sand dunes of the desert'))).toHaveLength(0);
    expect(c.scan(normalize('watch Dune online'))).toHaveLength(1);
  });

  it('skips names too short to be telling', () => {
    const c = compileCatalog([work('Up', { aliases: ['剑'] })]);
    expect(c.scan(normalize('update the 剑 sword'))).toHaveLength(0);
  });

  it('marks keyword hits apart from names', () => {
    const c = compileCatalog([work('长夜旅人', { keywords: ['沈孤灯'] })]);
    expect(c.scan(normalize('沈孤燈提灯而行')).map((h) => h.kind)).toEqual(['keyword']);
  });

  it('works with an empty catalog', () => {
    const c = compileCatalog([]);
    expect(c.scan(normalize('anything at all'))).toEqual([]);
    expect(c.officialDomains).toEqual([]);
  });

  it('finds the right work among 1,000', () => {
    const works = Array.from({ length: 1000 }, (_, i) =>
      work(`Made Up Title ${i}`, { aliases: [`虚构作品${i}号`], officialDomains: [`work${i}.example`] }),
    );
    const c = compileCatalog(works);
    const hits = c.scan(normalize('download made up title 737 and 虚构作品42号'));
    expect(new Set(hits.map((h) => h.work))).toEqual(new Set([737, 42]));
    expect(c.officialDomains).toHaveLength(1000);
  });

  it('validates catalog files', () => {
    expect(
      CatalogSchema.safeParse({ works: [{ title: 'X', aliases: [], officialDomains: ['A.COM'], keywords: [] }] }).data
        ?.works[0]!.officialDomains,
    ).toEqual(['a.com']);
    expect(CatalogSchema.safeParse({ works: [{ title: '' }] }).success).toBe(false);
    expect(CatalogSchema.safeParse({ work: [] }).success).toBe(false);
  });
});
