/**
 * The lookup's parsers measured on other projects' own test corpora (../shared/fixtures/peers; repos, commits and
 * licences in its NOTICE.md). `npx tsx bench/peers.ts --misses` prints the table and every disagreement.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPORA, loadPeerSamples, PEERS_DIR, type PeerSample } from '../../helpers/peers/load';
import { loadJudgedWrong, scorePeers, type JudgedWrong, type PeerReport } from '../../helpers/peers/score';

const MIN_AGREEMENT = 0.95;

let samples: PeerSample[];
let judged: JudgedWrong[];
let report: PeerReport;

beforeAll(() => {
  samples = loadPeerSamples();
  judged = loadJudgedWrong();
  report = scorePeers(samples, judged);
});

describe('peer corpora', () => {
  it('loads every corpus named in commits.json, each with scored fields', () => {
    const commits = JSON.parse(readFileSync(path.join(PEERS_DIR, 'commits.json'), 'utf8')) as Record<string, unknown>;
    expect([...CORPORA].sort()).toEqual(Object.keys(commits).sort());
    for (const c of report.corpora) {
      expect(c.samples, c.corpus).toBeGreaterThan(0);
      expect(c.fields, c.corpus).toBeGreaterThan(0);
    }
  });

  it('no sample is rejected whole or crashes the parsers', () => {
    expect(report.failures).toEqual([]);
  });

  it.each([...CORPORA])('%s: at least 95 % of the fields agree', (corpus) => {
    const c = report.corpora.find((x) => x.corpus === corpus)!;
    const misses = report.results
      .filter((r) => r.corpus === corpus && r.verdict === 'disagree')
      .map((r) => `${r.sample} ${r.field}`);
    expect(
      c.agreement,
      `${corpus}: ${c.agree}/${c.fields - c.judgedWrong}; disagreements: ${misses.join(', ')}`,
    ).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  });

  it('the judged-wrong list is honest: each entry names a scored field we still disagree on, and says why', () => {
    expect(report.stale).toEqual([]);
    for (const j of judged) {
      expect(
        samples.some(
          (s) => s.corpus === j.corpus && s.id === j.sample && s.expectations.some((e) => e.field === j.field),
        ),
        `${j.corpus} ${j.sample} ${j.field}`,
      ).toBe(true);
      expect(j.why.length, `${j.sample}: a reason`).toBeGreaterThan(30);
    }
    const keys = judged.map((j) => `${j.corpus} ${j.sample} ${j.field}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Judged-wrong entries are the exception: a tenth of a corpus would mean the measure no longer measures.
    for (const c of report.corpora) expect(c.judgedWrong, c.corpus).toBeLessThanOrEqual(Math.ceil(c.fields * 0.1));
  });
});
