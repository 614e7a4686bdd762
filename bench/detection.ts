/**
 * Issue 8 §7, detection: a wrapper around the detection engineer's bench/detect.ts (runDetectBench), which
 * scores the labelled corpus in tests/fixtures/pages and times the content script's work per page against a
 * JSON round-trip of the same features measured in the same run.
 */
import { runDetectBench } from './detect';
import type { BenchOptions } from './options';
import { verdict, type Row, type SectionResult } from './table';

export async function runDetection(opts: BenchOptions): Promise<SectionResult> {
  const r = await runDetectBench({ smoke: opts.smoke });
  const u = r.untouched;
  const t = r.tuned;
  opts.log(
    `detection: untouched holdout precision ${u.precision}, recall ${u.recall} ` +
      `(tuned pages ${t.precision} / ${t.recall}), ${r.perPageMs.median} ms per page`,
  );
  const ms = (s: { median: number; min: number; max: number }) =>
    `${s.median.toFixed(3)} ms (${s.min.toFixed(3)}–${s.max.toFixed(3)} ms)`;
  const { tp, fp, fn, tn } = r.confusion;
  return {
    keys: {
      detectPrecision: r.detectPrecision,
      detectRecall: r.detectRecall,
      detectHoldoutPrecision: u.precision,
      detectHoldoutRecall: u.recall,
      detectPerPageMs: r.perPageMs.median,
      detectContentScriptMs: r.contentScriptMs.median,
      detectPerPageOverBound: r.perPageOverBound,
      ...(r.dom ? { detectDomExtractMs: r.dom.extractMs.median } : {}),
    },
    rows: [
      // The headline: pages no rule was tuned on. The tuned pages' figures are an upper bound, shown apart.
      {
        section: 'detection',
        figure: `precision on the untouched holdout (${u.splits.join(', ')}, ${u.pages} pages)`,
        value: u.precision.toFixed(3),
        comparison:
          `tp ${u.confusion.tp}, fp ${u.confusion.fp}; ` +
          `on the ${t.pages} tuned pages: ${t.precision.toFixed(3)} (fp ${t.confusion.fp})`,
        target: '≥ 0.95',
        verdict: verdict(u.precision, { min: 0.95 }),
      },
      {
        section: 'detection',
        figure: `recall on the untouched holdout (${u.splits.join(', ')}, ${u.pages} pages)`,
        value: u.recall.toFixed(3),
        comparison:
          `tp ${u.confusion.tp}, fn ${u.confusion.fn}, tn ${u.confusion.tn}; ` +
          `on the ${t.pages} tuned pages: ${t.recall.toFixed(3)} (fn ${t.confusion.fn})`,
        target: '≥ 0.95',
        verdict: verdict(u.recall, { min: 0.95 }),
      },
      {
        section: 'detection',
        figure: `all ${r.pages} labelled pages`,
        value: `${r.detectPrecision.toFixed(3)} / ${r.detectRecall.toFixed(3)}`,
        comparison: `precision / recall; tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn}`,
        target: '—',
        verdict: 'n/a',
      },
      {
        section: 'detection',
        figure: 'per page: extract + message + score (median over pages)',
        value: ms(r.perPageMs),
        comparison: `JSON round-trip of the same features ${ms(r.boundJsonMs)} (${r.perPageOverBound}×)`,
        target: '—',
        verdict: 'n/a',
      },
      {
        section: 'detection',
        figure: 'content script alone (extract + serialise)',
        value: ms(r.contentScriptMs),
        comparison: `capped page (64 K chars, 300 links): ${r.cappedPage.contentScriptMs} ms`,
        target: '< 5 ms',
        verdict: verdict(Math.max(r.contentScriptMs.max, r.cappedPage.contentScriptMs), { max: 5 }),
      },
      ...(r.dom
        ? [
            {
              section: 'detection',
              figure: 'content script in headless Chromium (per corpus page)',
              value: ms(r.dom.extractMs),
              comparison: `bare body.innerText read ${ms(r.dom.innerTextMs)}; heavy 1,500-link page ${r.dom.heavyPage.extractMs} ms vs ${r.dom.heavyPage.innerTextMs} ms`,
              target: '< 5 ms',
              verdict: verdict(Math.max(r.dom.extractMs.max, r.dom.heavyPage.extractMs), { max: 5 }),
            } satisfies Row,
          ]
        : []),
    ],
    details: { ...r, source: 'bench/detect.ts runDetectBench (imported, not spawned)' },
  };
}
