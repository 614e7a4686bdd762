/**
 * Turns pasted text or an imported CSV/TXT file into the URLs of a bulk report (issue 7): every
 * line is normalised by the same rules as a single report (normalizeTarget), duplicates are
 * dropped, and every refused line says why. One pass over the input, so 10,000 lines of which
 * some are 5 KB cost milliseconds.
 */
import { MAX_INPUT_LENGTH } from '../contract';
import { normalizeTarget } from '../lookup/normalize';
import { MAX_BULK_URLS } from './limits';

export type RejectReason =
  'duplicate' | 'not_a_url' | 'unsupported_scheme' | 'private_target' | 'too_long' | 'too_many' | 'unknown_work';

export interface ValidLine {
  /** 1-based line of the input where the URL starts. */
  line: number;
  /** Normalised, without a fragment. */
  url: string;
  host: string;
  /** The catalog work the line names (optional `work` column), resolved to its id. */
  workIds?: string[];
}

export interface RejectedLine {
  line: number;
  /** What the user typed, cut short for display. */
  input: string;
  reason: RejectReason;
  /** The normaliser's sentence, or the first line that had the same URL. */
  detail?: string;
}

export interface ParsedBulk {
  valid: ValidLine[];
  rejected: RejectedLine[];
  /** Blank lines are counted, not listed. */
  blank: number;
  /** Distinct hosts, most URLs first. */
  hosts: { host: string; count: number }[];
}

export const DISPLAY_INPUT = 120;
/** More URLs than any one bulk report should hold; the rest are refused as `too_many`. */

export type BulkFormat = 'auto' | 'text' | 'csv';

const truncate = (s: string) => (s.length > DISPLAY_INPUT ? `${s.slice(0, DISPLAY_INPUT)}…` : s);

/** "name:rest" where rest is not a port, i.e. a scheme (the same test normalizeTarget applies). */
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?!\d+(?:[/?#]|$))/;

/** Characters RFC 3986 never allows unescaped: a line holding one is text, not an address. */
const UNSAFE_CHAR = /[\s"<>\\^`{|}]/;

interface Cell {
  line: number;
  value: string;
  /** The optional `work` column: a catalog title, alias or id. */
  work?: string;
}

export interface ParseOptions {
  /** Resolves a `work` cell to a catalog id; null rejects the line as `unknown_work`. */
  resolveWork?: (ref: string) => string | null;
}

/**
 * RFC 4180 records (quoted fields may hold commas, quotes and newlines). Returns the cells of one
 * column, with the line each record starts on. A header naming a `url` column picks that column;
 * otherwise the first column is used and the first row is data.
 */
export function csvUrlColumn(text: string): Cell[] {
  const records: { line: number; cells: string[] }[] = [];
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(field);
    records.push({ line: start, cells });
    cells = [];
    field = '';
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',' || c === ';' || c === '\t') {
      cells.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      start = line;
    } else field += c;
    i++;
  }
  if (field !== '' || cells.length > 0) endRecord();

  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const urlCol = header.findIndex((h) => h === 'url' || h === 'urls' || h === 'link');
  const workCol = urlCol >= 0 ? header.findIndex((h) => h === 'work' || h === 'works') : -1;
  const rows = urlCol >= 0 ? records.slice(1) : records;
  const col = Math.max(0, urlCol);
  return rows.map((r) => ({
    line: r.line,
    value: r.cells[col] ?? '',
    ...(workCol >= 0 && r.cells[workCol]?.trim() ? { work: r.cells[workCol].trim() } : {}),
  }));
}

function textLines(text: string): Cell[] {
  const out: Cell[] = [];
  let line = 1;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const raw = text.slice(from, i).replace(/\r$/, '');
      // A TXT line may name its work after a tab: "https://site/page<TAB>Starsea".
      const tab = raw.indexOf('\t');
      const work = tab >= 0 ? raw.slice(tab + 1).trim() : '';
      out.push({ line: line++, value: tab >= 0 ? raw.slice(0, tab) : raw, ...(work ? { work } : {}) });
      from = i + 1;
    }
  }
  return out;
}

/** A CSV when asked, or when the first non-blank line is a header with a `url` column. */
function looksLikeCsv(text: string): boolean {
  const first = /^[ \t]*\S[^\n]*/m.exec(text)?.[0] ?? '';
  return first
    .split(/[,;\t]/)
    .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase())
    .some((c) => c === 'url' || c === 'urls');
}

export function parseBulkInput(input: string, format: BulkFormat = 'auto', opts: ParseOptions = {}): ParsedBulk {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const cells = format === 'csv' || (format === 'auto' && looksLikeCsv(text)) ? csvUrlColumn(text) : textLines(text);
  const valid: ValidLine[] = [];
  const rejected: RejectedLine[] = [];
  const firstLine = new Map<string, number>();
  const hostCounts = new Map<string, number>();
  let blank = 0;

  for (const { line, value, work } of cells) {
    // The length check comes first so a 5 KB line is never trimmed, parsed or copied.
    if (value.length > MAX_INPUT_LENGTH + 256) {
      rejected.push({
        line,
        input: truncate(value),
        reason: 'too_long',
        detail: `${value.length} characters; the limit is ${MAX_INPUT_LENGTH}.`,
      });
      continue;
    }
    const raw = value.trim().replace(/^<(.*)>$/, '$1');
    if (raw === '') {
      blank++;
      continue;
    }
    if (raw.length > MAX_INPUT_LENGTH) {
      rejected.push({
        line,
        input: truncate(raw),
        reason: 'too_long',
        detail: `${raw.length} characters; the limit is ${MAX_INPUT_LENGTH}.`,
      });
      continue;
    }
    const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
    if (scheme && scheme !== 'http' && scheme !== 'https') {
      rejected.push({ line, input: truncate(raw), reason: 'unsupported_scheme', detail: `${scheme}:` });
      continue;
    }
    const bad = UNSAFE_CHAR.exec(raw);
    if (bad) {
      rejected.push({
        line,
        input: truncate(raw),
        reason: 'not_a_url',
        detail: `contains ${JSON.stringify(bad[0])}, which a web address cannot hold`,
      });
      continue;
    }
    const target = normalizeTarget(raw);
    if (!target.ok) {
      rejected.push({
        line,
        input: truncate(raw),
        reason: target.error.kind === 'private-target' ? 'private_target' : 'not_a_url',
        detail: target.error.message,
      });
      continue;
    }
    const hash = target.url.indexOf('#');
    const url = hash >= 0 ? target.url.slice(0, hash) : target.url;
    const seen = firstLine.get(url);
    if (seen !== undefined) {
      rejected.push({ line, input: truncate(raw), reason: 'duplicate', detail: String(seen) });
      continue;
    }
    if (valid.length >= MAX_BULK_URLS) {
      rejected.push({ line, input: truncate(raw), reason: 'too_many', detail: String(MAX_BULK_URLS) });
      continue;
    }
    let workIds: string[] | undefined;
    if (work !== undefined) {
      const id = opts.resolveWork ? opts.resolveWork(work) : null;
      if (!id) {
        rejected.push({ line, input: truncate(raw), reason: 'unknown_work', detail: truncate(work) });
        continue;
      }
      workIds = [id];
    }
    firstLine.set(url, line);
    valid.push(workIds ? { line, url, host: target.hostname, workIds } : { line, url, host: target.hostname });
    hostCounts.set(target.hostname, (hostCounts.get(target.hostname) ?? 0) + 1);
  }

  const hosts = [...hostCounts]
    .map(([host, count]) => ({ host, count }))
    .sort((a, b) => b.count - a.count || (a.host < b.host ? -1 : 1));
  return { valid, rejected, blank, hosts };
}

/** The format an imported file is read as, from its name. */
export function formatOfFile(name: string): BulkFormat {
  return /\.csv$/i.test(name) ? 'csv' : /\.txt$/i.test(name) ? 'text' : 'auto';
}
