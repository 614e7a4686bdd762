/**
 * `npx tsx bench/peers.ts [--misses] [--corpus=<name>] [--json]`: the lookup parsers' agreement with the peer corpora
 * in ../shared/fixtures/peers, per corpus. Not a speed benchmark: it prints the table the README quotes and, with
 * --misses, every disagreement (sample, field, the peer's answer, ours) to judge on the raw text.
 */
import { formatTable, scorePeers } from '../tests/helpers/peers/score';

const args = process.argv.slice(2);
const corpus = args.find((a) => a.startsWith('--corpus='))?.slice('--corpus='.length);
const report = scorePeers();

if (args.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({ corpora: report.corpora, total: report.total, failures: report.failures }, null, 2)}\n`,
  );
} else {
  process.stdout.write(`${formatTable(report)}\n`);
  const wanted = (c: string) => !corpus || c === corpus;
  if (args.includes('--misses')) {
    for (const r of report.results) {
      if (r.verdict !== 'disagree' || !wanted(r.corpus)) continue;
      process.stdout.write(
        `MISS ${r.corpus} ${r.sample} ${r.field}: peer ${JSON.stringify(r.expected)} ours ${JSON.stringify(r.ours)}\n`,
      );
    }
  }
  for (const f of report.failures)
    if (wanted(f.corpus)) process.stdout.write(`${f.kind.toUpperCase()} ${f.corpus} ${f.sample}: ${f.message}\n`);
  for (const s of report.stale) process.stdout.write(`STALE judged-wrong entry ${s.corpus} ${s.sample} ${s.field}\n`);
}
