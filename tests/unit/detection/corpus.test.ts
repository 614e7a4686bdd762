import { describe, expect, it } from 'vitest';
import { evaluateCorpus, loadCorpus } from '../../../bench/detect-corpus';

// Quality, not time: timing lives in bench/detect.ts.
describe('labelled corpus (tests/fixtures/pages)', () => {
  const { catalog, pages } = loadCorpus();

  it('has at least 60 pages, positives and negatives, in Chinese and English', () => {
    expect(pages.length).toBeGreaterThanOrEqual(60);
    expect(pages.filter((p) => p.suspected).length).toBeGreaterThanOrEqual(25);
    expect(pages.filter((p) => !p.suspected).length).toBeGreaterThanOrEqual(25);
    expect(pages.filter((p) => /[\u4e00-\u9fff]{4}/.test(p.html)).length).toBeGreaterThanOrEqual(20);
  });

  it('reaches precision >= 0.95 and recall >= 0.9, naming the right work', () => {
    const r = evaluateCorpus(catalog, pages);
    const detail = r.errors.map((e) => `${e.file}: expected ${e.expected}, got ${e.verdict.suspected} (${e.verdict.reasons.map((x) => x.id).join(',')})`);
    expect(r.precision, detail.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(r.recall, detail.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
