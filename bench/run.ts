/**
 * `npm run bench [-- --smoke] [--latency=50] [--only=cold,browser,cached,bulk,popup,drafting,sizes,detection]`
 * `npm run bench -- --only=soak [--soak-seconds=60]` (opt-in; 600 s by default)
 * `npm run bench -- --only=team` (opt-in: needs PostgreSQL and redis-server; issue 19)
 *
 * Runs the issue 8 benchmarks one after another, prints one table (stdout) and writes bench/results.json
 * (git-ignored): every figure under `keys` as a number, plus details per section. Benchmarks assert nothing
 * about time; --smoke (CI) uses tiny counts and 1 ms latency only to prove they still run, and writes the
 * same keys. With --only, the other sections' keys are kept from the previous results.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserColdLookup } from './browser-cold-lookup';
import { runBulk } from './bulk';
import { runSoak } from './soak';
import { runTeam } from './team';
import { runCachedLookup } from './cached-lookup';
import { runColdLookup } from './cold-lookup';
import { runDetection } from './detection';
import { runDrafting } from './drafting';
import type { BenchOptions } from './options';
import { runPopup } from './popup';
import { runSizes } from './sizes';
import { renderTable, type Row, type SectionResult } from './table';

export const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');

/** Every key results.json must hold (issue 8); run.ts fails if a section forgot one. */
export const REQUIRED_KEYS = [
  'coldLookupRatio',
  'browserColdLookupRatio',
  'cachedP50Ms',
  'cachedPerSecond',
  'bulkRequests',
  'bulkRequestBound',
  'bulkWallRatio',
  'popupFirstRowsMs',
  'popupVsBlankRatio',
  'draft500Ms',
  'popupJsGzipKB',
  'detectPrecision',
  'detectRecall',
] as const;

const SECTIONS: Record<string, (o: BenchOptions) => Promise<SectionResult>> = {
  cold: runColdLookup,
  browser: runBrowserColdLookup,
  cached: runCachedLookup,
  bulk: runBulk,
  popup: runPopup,
  drafting: runDrafting,
  sizes: runSizes,
  detection: runDetection,
};
/** Sections that run only when named with --only (the soak takes minutes). */
const OPT_IN: Record<string, (o: BenchOptions) => Promise<SectionResult>> = { soak: runSoak, team: runTeam };
const ALL = { ...SECTIONS, ...OPT_IN };

function parseArgs(argv: string[]) {
  const smoke = argv.includes('--smoke');
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const latency = arg('latency');
  const only = arg('only')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((s) => !ALL[s]);
  if (unknown?.length)
    throw new Error(`unknown section(s): ${unknown.join(', ')}; choose from ${Object.keys(ALL).join(', ')}`);
  const latencyMs = latency !== undefined ? Number(latency) : smoke ? 1 : 50;
  if (!Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > 2000)
    throw new Error(`--latency must be 0..2000 ms, got ${latency}`);
  return { smoke, latencyMs, only: only ?? Object.keys(SECTIONS) };
}

async function main() {
  const { smoke, latencyMs, only } = parseArgs(process.argv.slice(2));
  const opts: BenchOptions = { smoke, latencyMs, log: (line) => process.stderr.write(`[bench] ${line}\n`) };
  const started = Date.now();
  const previous =
    only.length < Object.keys(SECTIONS).length && existsSync(RESULTS_FILE)
      ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8'))
      : null;
  const keys: Record<string, number> = { ...(previous?.keys ?? {}) };
  const sections: Record<string, unknown> = { ...(previous?.sections ?? {}) };
  const rows: Row[] = [];
  const failed: string[] = [];
  for (const name of only) {
    const t0 = Date.now();
    opts.log(`${name}…`);
    try {
      const r = await ALL[name]!(opts);
      Object.assign(keys, r.keys);
      sections[name] = { ...r.details, rows: r.rows, seconds: (Date.now() - t0) / 1000 };
      rows.push(...r.rows);
    } catch (err) {
      failed.push(name);
      opts.log(`${name} FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    opts.log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const machine = {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  const result = {
    date: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    latencyMs,
    machine,
    seconds: (Date.now() - started) / 1000,
    keys,
    sections,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `\nTakedown Assistant benchmarks (${result.mode}, ${latencyMs} ms injected latency, ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${result.date.slice(0, 10)})\n\n`,
  );
  process.stdout.write(
    `${renderTable(rows)}\n\nWrote ${path.relative(process.cwd(), RESULTS_FILE)} in ${result.seconds.toFixed(1)} s.\n`,
  );
  const missing =
    only.length === Object.keys(SECTIONS).length
      ? REQUIRED_KEYS.filter((k) => typeof keys[k] !== 'number' || !Number.isFinite(keys[k]))
      : [];
  if (failed.length || missing.length) {
    process.stderr.write(
      `bench: ${failed.length ? `failed sections: ${failed.join(', ')}. ` : ''}${missing.length ? `missing keys: ${missing.join(', ')}.` : ''}\n`,
    );
    process.exitCode = 1;
  }
}

await main();
