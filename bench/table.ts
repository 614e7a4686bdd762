/**
 * One row per figure: its value (median, with min–max over runs), the bound or comparison measured in the
 * same run, the target, and whether the value meets it. Verdicts are information, never a failure:
 * benchmarks assert nothing about time.
 */
import type { Spread } from './stats';

export type Verdict = 'ok' | 'over' | 'n/a';

export interface Row {
  section: string;
  figure: string;
  /** Formatted value, e.g. "1.08 (1.04–1.15)". */
  value: string;
  /** The bound or comparison measured in the same run. */
  comparison: string;
  target: string;
  verdict: Verdict;
}

export interface SectionResult {
  /** Figures for bench/results.json; every key is a number. */
  keys: Record<string, number>;
  rows: Row[];
  /** Everything else worth keeping (raw spreads, counts, notes), also written to results.json. */
  details: Record<string, unknown>;
}

const fmtNum = (x: number, digits: number) => (Number.isInteger(x) && digits <= 0 ? String(x) : x.toFixed(digits));

/** "1.08 (1.04–1.15)" or just "1.08" when all runs agree or there was one run. */
export function fmtSpread(s: Spread, digits = 2, unit = ''): string {
  const m = `${fmtNum(s.median, digits)}${unit}`;
  if (s.n <= 1 || s.min === s.max) return m;
  return `${m} (${fmtNum(s.min, digits)}–${fmtNum(s.max, digits)}${unit})`;
}

export function verdict(value: number, target: { max?: number; min?: number } | null): Verdict {
  if (!target || !Number.isFinite(value)) return 'n/a';
  if (target.max !== undefined && value > target.max) return 'over';
  if (target.min !== undefined && value < target.min) return 'over';
  return 'ok';
}

function pad(cells: string[], widths: number[]): string {
  return `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
}

/** A Markdown table (readable in a terminal and pasteable into the README). */
export function renderTable(rows: Row[]): string {
  const head = ['Section', 'Figure', 'Median (min–max)', 'Bound / comparison (same run)', 'Target', 'Verdict'];
  const cells = rows.map((r) => [r.section, r.figure, r.value, r.comparison, r.target, r.verdict]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  return [
    pad(head, widths),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map((c) => pad(c, widths)),
  ].join('\n');
}
