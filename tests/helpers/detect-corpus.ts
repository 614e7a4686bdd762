import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CatalogSchema, compileCatalog, type CompiledCatalog } from '../../lib/detection/catalog';
import { featuresFromHtml } from '../../lib/detection/html-features';
import { scorePage } from '../../lib/detection/score';
import type { Verdict } from '../../lib/detection/verdict';

/** The labelled corpus in tests/fixtures/pages, shared by the corpus test and bench:detect (a test helper: tests never import bench/). */
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');

/** Every split, in the order they were written. UNTOUCHED are the sets no rule has been tuned on. */
export const SPLITS = ['tuning', 'holdout', 'holdout2', 'tuning2', 'holdout3'] as const;
export type Split = (typeof SPLITS)[number];
export const UNTOUCHED: readonly Split[] = ['holdout3'];

const LabelsSchema = z.object({
  pages: z.array(
    z.object({
      file: z.string(),
      url: z.string(),
      suspected: z.boolean(),
      work: z.string().nullable(),
      category: z.string(),
      /**
       * `holdout`, `holdout2` and `holdout3` pages were each written before the rules were tuned on them, to show
       * how far the tuning generalises; tests/fixtures/pages/README.md says which have since been tuned on
       * (`tuning2` pages were written for issue 21 and tuned on from the start).
       */
      split: z.enum(SPLITS).default('tuning'),
    }),
  ),
});
export type LabelledPage = z.infer<typeof LabelsSchema>['pages'][number] & { html: string };

export function loadCorpus(dir = CORPUS_DIR): { catalog: CompiledCatalog; pages: LabelledPage[] } {
  const catalog = compileCatalog(
    CatalogSchema.parse(JSON.parse(readFileSync(path.join(dir, 'catalog.json'), 'utf8'))).works,
  );
  const labels = LabelsSchema.parse(JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')));
  return { catalog, pages: labels.pages.map((p) => ({ ...p, html: readFileSync(path.join(dir, p.file), 'utf8') })) };
}

export interface CorpusResult {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** A true positive that names the wrong work counts as a miss. */
  wrongWork: string[];
  errors: { file: string; expected: boolean; verdict: Verdict }[];
  precision: number;
  recall: number;
  f1: number;
}

export function evaluateCorpus(catalog: CompiledCatalog, pages: LabelledPage[]): CorpusResult {
  const r: CorpusResult = { tp: 0, fp: 0, fn: 0, tn: 0, wrongWork: [], errors: [], precision: 0, recall: 0, f1: 0 };
  for (const page of pages) {
    const verdict = scorePage(featuresFromHtml(page.html, page.url), catalog);
    const rightWork = !page.work || verdict.work?.id === page.work;
    if (page.suspected && verdict.suspected && rightWork) r.tp++;
    else if (page.suspected) {
      r.fn++;
      if (verdict.suspected) r.wrongWork.push(page.file);
    } else if (verdict.suspected) r.fp++;
    else r.tn++;
    if (page.suspected !== verdict.suspected || !rightWork)
      r.errors.push({ file: page.file, expected: page.suspected, verdict });
  }
  r.precision = r.tp + r.fp === 0 ? 1 : r.tp / (r.tp + r.fp);
  r.recall = r.tp + r.fn === 0 ? 1 : r.tp / (r.tp + r.fn);
  r.f1 = r.precision + r.recall === 0 ? 0 : (2 * r.precision * r.recall) / (r.precision + r.recall);
  return r;
}
