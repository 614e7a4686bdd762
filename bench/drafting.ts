/**
 * Issue 8 §5, drafting: draftNotice (validated case → text and HTML letter) and renderEml (RFC 5322 message)
 * for a 1-URL and a 500-URL notice, in µs per notice. Comparison measured in the same run: base64 of the
 * letter's text + HTML, the least work any .eml of that letter has to do.
 */
import { Buffer } from 'node:buffer';
import { draftNotice } from '../lib/notices/draft';
import { renderEml } from '../lib/notices/render-eml';
import { completeCase, NOW } from '../tests/unit/notices/fixtures';
import type { BenchOptions } from './options';
import { microsPerCall, round, roundSpread, type Spread } from './stats';
import { fmtSpread, type Row, type SectionResult } from './table';

const urlsFor = (n: number) =>
  Array.from({ length: n }, (_, i) => `https://pirate.example/read/river-atlas/chapter-${i + 1}?src=list&page=${i}`);

interface Sized {
  draft: Spread;
  eml: Spread;
  total: number;
  floor: Spread;
  bytes: number;
}

function measure(urls: number, batches: number, perBatch: number): Sized {
  const input = completeCase({ infringingUrls: urlsFor(urls) });
  const opts = { now: NOW };
  const d = draftNotice(input, opts);
  if (!d.sendable)
    throw new Error(`the ${urls}-URL bench case is not sendable: ${JSON.stringify(d.checklist).slice(0, 300)}`);
  const emlOpts = { from: 'rights@lotuspress.example', to: ['abuse@host.example'], now: NOW };
  const draft = microsPerCall(() => draftNotice(input, opts), batches, perBatch);
  const eml = microsPerCall(() => renderEml(d, emlOpts), batches, perBatch);
  const floor = microsPerCall(() => Buffer.from(d.text + d.html, 'utf8').toString('base64'), batches, perBatch);
  return {
    draft: roundSpread(draft, 1),
    eml: roundSpread(eml, 1),
    total: round(draft.median + eml.median, 1),
    floor: roundSpread(floor, 1),
    bytes: Buffer.byteLength(d.text) + Buffer.byteLength(d.html),
  };
}

export async function runDrafting(opts: BenchOptions): Promise<SectionResult> {
  const batches = opts.smoke ? 2 : 7;
  const one = measure(1, batches, opts.smoke ? 5 : 200);
  const big = measure(500, batches, opts.smoke ? 2 : 20);
  opts.log(`drafting: 1 URL ${one.total} µs, 500 URLs ${big.total} µs`);
  const us = (s: Spread) => fmtSpread(s, 0, ' µs');
  const rows: Row[] = [
    {
      section: 'drafting',
      figure: '1 URL: text + HTML (draftNotice)',
      value: us(one.draft),
      comparison: `base64 of the letter ${us(one.floor)} (${one.bytes} bytes)`,
      target: '—',
      verdict: 'n/a',
    },
    {
      section: 'drafting',
      figure: '1 URL: .eml (renderEml)',
      value: us(one.eml),
      comparison: `base64 of the letter ${us(one.floor)}`,
      target: '—',
      verdict: 'n/a',
    },
    {
      section: 'drafting',
      figure: '500 URLs: text + HTML (draftNotice)',
      value: us(big.draft),
      comparison: `base64 of the letter ${us(big.floor)} (${big.bytes} bytes)`,
      target: '—',
      verdict: 'n/a',
    },
    {
      section: 'drafting',
      figure: '500 URLs: .eml (renderEml)',
      value: us(big.eml),
      comparison: `base64 of the letter ${us(big.floor)}`,
      target: '—',
      verdict: 'n/a',
    },
  ];
  return {
    keys: {
      draft500Ms: round((big.draft.median + big.eml.median) / 1000, 3),
      draft1Us: one.total,
      draft500Us: big.total,
    },
    rows,
    details: {
      oneUrl: one,
      fiveHundredUrls: big,
      unit: 'µs per notice; draft500Ms = (draftNotice + renderEml) for 500 URLs, in ms',
      batches,
    },
  };
}
