import { describe, expect, it } from 'vitest';
import { CatalogSchema, compileCatalog, type CatalogWork } from '../../../lib/detection/catalog';
import { normalize } from '../../../lib/detection/normalize';

const work = (title: string, extra: Partial<CatalogWork> = {}): CatalogWork => ({ title, aliases: [], officialDomains: [], keywords: [], ...extra });

describe('compileCatalog', () => {
  it('finds titles and aliases across scripts and spellings', () => {
    const c = compileCatalog([work('星穹纪元', { aliases: ['Star Dome Era'] })]);
    expect(c.scan(normalize('最新星穹紀元私服')).map((h) => h.phrase)).toEqual(['星穹纪元']);
    expect(c.scan(normalize('STAR-DOME era private server'))).toHaveLength(1);
    expect(c.scan(normalize('stardome-era.net'))).toHaveLength(0);
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
    const works = Array.from({ length: 1000 }, (_, i) => work(`Made Up Title ${i}`, { aliases: [`虚构作品${i}号`], officialDomains: [`work${i}.example`] }));
    const c = compileCatalog(works);
    const hits = c.scan(normalize('download made up title 737 and 虚构作品42号'));
    expect(new Set(hits.map((h) => h.work))).toEqual(new Set([737, 42]));
    expect(c.officialDomains).toHaveLength(1000);
  });

  it('validates catalog files', () => {
    expect(CatalogSchema.safeParse({ works: [{ title: 'X', aliases: [], officialDomains: ['A.COM'], keywords: [] }] }).data?.works[0]!.officialDomains).toEqual(['a.com']);
    expect(CatalogSchema.safeParse({ works: [{ title: '' }] }).success).toBe(false);
    expect(CatalogSchema.safeParse({ work: [] }).success).toBe(false);
  });
});
