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
  opts.log(`detection: precision ${r.detectPrecision}, recall ${r.detectRecall}, ${r.perPageMs.median} ms per page`);
  const ms = (s: { median: number; min: number; max: number }) => `${s.median.toFixed(3)} ms (${s.min.toFixed(3)}–${s.max.toFixed(3)} ms)`;
  const { tp, fp, fn, tn } = r.confusion;
  return {
    keys: {
      detectPrecision: r.detectPrecision,
      detectRecall: r.detectRecall,
      detectPerPageMs: r.perPageMs.median,
      detectContentScriptMs: r.contentScriptMs.median,
      detectPerPageOverBound: r.perPageOverBound,
      ...(r.dom ? { detectDomExtractMs: r.dom.extractMs.median } : {}),
    },
    rows: [
      { section: 'detection', figure: `precision on ${r.pages} labelled pages`, value: r.detectPrecision.toFixed(3), comparison: `tp ${tp}, fp ${fp}; holdout / holdout2 (${r.holdout.pages} / ${r.bySplit.holdout2.pages} pages, since tuned on): ${r.holdout.precision} / ${r.bySplit.holdout2.precision}`, target: '—', verdict: 'n/a' },
      { section: 'detection', figure: `recall on ${r.pages} labelled pages`, value: r.detectRecall.toFixed(3), comparison: `tp ${tp}, fn ${fn}, tn ${tn}; holdout / holdout2: ${r.holdout.recall} / ${r.bySplit.holdout2.recall}`, target: '—', verdict: 'n/a' },
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
