/**
 * Runs the project's own parsers (the production path: parseWhois → parseWhoisRecord, parseRdapText →
 * extractContacts/parseNetwork) over the peer corpora and scores field agreement per corpus. Disagreements listed
 * in tests/fixtures/peers-judged-wrong.json (the peer's expectation is wrong on the raw text) are reported apart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractContacts, parseRdapText } from '../../../lib/lookup';
import { parseWhoisRecord } from '../../../lib/whois/record';
import { parseWhoisDetailed } from '../../../lib/whois/parse';
import { REPO_ROOT } from '../fixtures';
import { CORPORA, loadPeerSamples, type PeerExpectation, type PeerField, type PeerSample } from './load';

export interface JudgedWrong {
  corpus: string;
  sample: string;
  field: PeerField;
  /** Why the peer's expectation is wrong, judged on the raw answer. */
  why: string;
}

export const JUDGED_WRONG_PATH = path.join(REPO_ROOT, 'tests/fixtures/peers-judged-wrong.json');

export function loadJudgedWrong(): JudgedWrong[] {
  return JSON.parse(readFileSync(JUDGED_WRONG_PATH, 'utf8')) as JudgedWrong[];
}

export type Verdict = 'agree' | 'disagree' | 'judged-wrong';

export interface FieldResult {
  corpus: string;
  sample: string;
  field: PeerField;
  expected: string[];
  ours: string | null;
  verdict: Verdict;
}

export interface SampleFailure {
  corpus: string;
  sample: string;
  kind: 'rejected' | 'crashed';
  message: string;
}

export interface CorpusScore {
  corpus: string;
  samples: number;
  fields: number;
  agree: number;
  judgedWrong: number;
  /** agree / (fields − judgedWrong): judged-wrong expectations are left out, not counted as agreement. */
  agreement: number;
}

export interface PeerReport {
  corpora: CorpusScore[];
  total: CorpusScore;
  results: FieldResult[];
  failures: SampleFailure[];
  /** Judged-wrong entries that no longer disagree (or name no scored field): the list must be kept honest. */
  stale: JudgedWrong[];
}

type Ours = Partial<Record<PeerField, string[]>>;

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const normUrl = (s: string) =>
  norm(s)
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/+$/, '');
const digits = (s: string) => s.replace(/\D/g, '');
/** The same number however it is written: "+1.4806242505" and "480-624-2505" (country code left out). */
function samePhone(a: string, b: string): boolean {
  const [x, y] = [digits(a), digits(b)].sort((p, q) => p.length - q.length);
  return x!.length >= 7 && y!.endsWith(x!) && y!.length - x!.length <= 3;
}

function same(field: PeerField, a: string, b: string): boolean {
  if (field === 'registrarUrl') return normUrl(a) === normUrl(b);
  if (field === 'abusePhone') return samePhone(a, b);
  return norm(a) === norm(b);
}

function agrees(e: PeerExpectation, ours: string[]): boolean {
  if (e.mode === 'member') {
    // `member`: our first answer is one the peer lists; an empty peer list means "none", matched by no answer.
    if (e.expected.length === 0) return ours.length === 0;
    return ours.length > 0 && e.expected.some((x) => same(e.field, x, ours[0]!));
  }
  if (e.mode === 'part') {
    const parts = e.expected
      .flatMap((x) => [x, ...x.split(',')])
      .map((x) => x.trim())
      .filter(Boolean);
    return ours.some((o) => parts.some((p) => same(e.field, p, o)));
  }
  return ours.some((o) => e.expected.some((x) => same(e.field, x, o)));
}

const present = (...xs: Array<string | null | undefined>) =>
  xs.filter((x): x is string => typeof x === 'string' && x !== '');

function whoisAnswers(s: PeerSample): { ours: Ours; failure: SampleFailure | null } {
  const detailed = parseWhoisDetailed(s.raw, s.server, s.query);
  const checked = parseWhoisRecord(detailed.record);
  if (!checked.ok)
    return { ours: {}, failure: { corpus: s.corpus, sample: s.id, kind: 'rejected', message: checked.message } };
  const r = checked.record;
  return {
    failure: null,
    ours: {
      // The display name (registry suffix stripped) or the name as printed, which is kept beside it.
      registrar: present(r.registrar, r.registrarRaw),
      registrantOrg: present(r.registrantOrg ?? null),
      abuseEmail: r.abuseEmails.slice(0, 1),
      abusePhone: present(r.abusePhone),
      registrarEmail: r.registrarEmails ?? [],
      registrarUrl: present(r.registrarUrl),
      ianaId: present(r.registrarIanaId),
    },
  };
}

function ownerAnswers(s: PeerSample): string[] {
  // php-whois `owner`: the organisation, else the registrant's name.
  const d = parseWhoisDetailed(s.raw, s.server, s.query);
  return present(d.record.registrantOrg ?? d.registrantName);
}

function rdapAnswers(s: PeerSample): { ours: Ours; failure: SampleFailure | null } {
  const data = parseRdapText(s.raw, 'rdap-asn');
  const kind = s.rdapKind ?? 'autnum';
  const x = extractContacts(data, kind);
  const abuse = x.contacts.find((c) => c.isAbuseRole && c.emails.length > 0);
  return {
    failure: null,
    ours: {
      rdapName: present(kind === 'domain' ? data.ldhName : data.name),
      rdapOrg: present(x.orgName),
      rdapEmail: present(x.contacts.find((c) => c.emails.length > 0)?.emails[0]),
      rdapAbuse: present(abuse?.emails[0]),
    },
  };
}

function answersFor(s: PeerSample): { ours: Ours; failure: SampleFailure | null } {
  try {
    return s.kind === 'rdap' ? rdapAnswers(s) : whoisAnswers(s);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // parseRdapText throws LookupFailure for an answer it refuses: that is a rejection, anything else a crash.
    const rejected = e instanceof Error && e.name === 'LookupFailure';
    return { ours: {}, failure: { corpus: s.corpus, sample: s.id, kind: rejected ? 'rejected' : 'crashed', message } };
  }
}

function summarise(corpus: string, samples: number, rs: FieldResult[]): CorpusScore {
  const agree = rs.filter((r) => r.verdict === 'agree').length;
  const judgedWrong = rs.filter((r) => r.verdict === 'judged-wrong').length;
  const denominator = rs.length - judgedWrong;
  return {
    corpus,
    samples,
    fields: rs.length,
    agree,
    judgedWrong,
    agreement: denominator === 0 ? 1 : agree / denominator,
  };
}

export function scorePeers(
  samples: PeerSample[] = loadPeerSamples(),
  judged: JudgedWrong[] = loadJudgedWrong(),
): PeerReport {
  const key = (c: string, s: string, f: string) => `${c}\u0000${s}\u0000${f}`;
  const judgedKeys = new Map(judged.map((j) => [key(j.corpus, j.sample, j.field), j]));
  const used = new Set<string>();
  const results: FieldResult[] = [];
  const failures: SampleFailure[] = [];
  for (const s of samples) {
    const { ours, failure } = answersFor(s);
    if (failure) failures.push(failure);
    for (const e of s.expectations) {
      let answer = ours[e.field] ?? [];
      if (e.orName && !failure) answer = ownerAnswers(s);
      const k = key(s.corpus, s.id, e.field);
      const ok = !failure && agrees(e, answer);
      const j = judgedKeys.get(k);
      if (j && !ok) used.add(k);
      results.push({
        corpus: s.corpus,
        sample: s.id,
        field: e.field,
        expected: e.expected,
        ours: answer[0] ?? null,
        verdict: ok ? 'agree' : j ? 'judged-wrong' : 'disagree',
      });
    }
  }
  const corpora = CORPORA.map((c) =>
    summarise(
      c,
      samples.filter((s) => s.corpus === c).length,
      results.filter((r) => r.corpus === c),
    ),
  );
  const total = summarise('all', samples.length, results);
  const stale = judged.filter((j) => !used.has(key(j.corpus, j.sample, j.field)));
  return { corpora, total, results, failures, stale };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatTable(report: PeerReport): string {
  const rows = [...report.corpora, report.total].map(
    (c) => `| ${c.corpus} | ${c.samples} | ${c.fields} | ${c.agree} | ${c.judgedWrong} | ${pct(c.agreement)} |`,
  );
  return [
    '| Corpus | Samples | Fields | Agree | Judged wrong | Agreement |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
