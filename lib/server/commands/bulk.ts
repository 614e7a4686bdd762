import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_BATCH } from '../../contract';
import { AppError } from '../../errors';
import { groupCase, parseCaseTemplate, slug, templateWorkResolver } from '../../bulk/case-template';
import { groupBulk, GroupRoleSchema, type BulkGroup } from '../../bulk/group';
import { parseBulkInput, formatOfFile } from '../../bulk/parse';
import { chunk, outcomeOf, pendingHosts, type HostOutcome } from '../../bulk/plan';
import { bulkSummaryCsv, type GroupOutcome } from '../../bulk/summary-csv';
import { draftNotice } from '../../notices/draft';
import { renderEml } from '../../notices/render-eml';
import { missingRequired } from '../../notices/validate';
import { withLookupService } from './with-lookup-service';
import type { CliCommand } from './types';

const USAGE =
  'usage: cli bulk --urls <urls.txt|urls.csv> --case <case-template.json> --out <dir> [--role host|cdn|registrar]\n';
const MAX_URL_FILE_BYTES = 50 * 1024 * 1024;
const MAX_CASE_BYTES = 50 * 1024 * 1024;

function readText(file: string, max: number, what: string): string {
  if (statSync(file).size > max) throw new Error(`${what} is larger than ${max / 1024 / 1024} MB`);
  return readFileSync(file, 'utf8');
}

/**
 * `cli bulk`: one notice per recipient (text, and .eml when the recipient has an address) plus
 * summary.csv with a row for every input line, drafted from a case template and looked up with
 * the same configuration as `cli lookup`. Exit 0 when the report was written (even if some
 * URLs could not be placed: summary.csv says why); 2 for invalid arguments or input files;
 * 3 when every group fails the checklist, each missing element named on stderr.
 */
export const bulk: CliCommand = {
  summary: 'look up many URLs and draft one notice per recipient, with a CSV summary',
  async run(args, io) {
    let values: { urls?: string; case?: string; out?: string; role?: string };
    try {
      values = parseArgs({
        args,
        options: {
          urls: { type: 'string' },
          case: { type: 'string' },
          out: { type: 'string' },
          role: { type: 'string', default: 'host' },
        },
        strict: true,
      }).values;
    } catch (err) {
      io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
      return 2;
    }
    const role = GroupRoleSchema.safeParse(values.role);
    if (!values.urls || !values.case || !values.out || !role.success) {
      io.stderr.write(USAGE);
      return 2;
    }

    let urlText: string;
    let rawCase: unknown;
    try {
      urlText = readText(values.urls, MAX_URL_FILE_BYTES, 'URL file');
    } catch (err) {
      io.stderr.write(`cannot read URL file ${values.urls}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    try {
      rawCase = JSON.parse(readText(values.case, MAX_CASE_BYTES, 'case template'));
    } catch (err) {
      io.stderr.write(
        `cannot read case template ${values.case}: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      return 2;
    }
    const template = parseCaseTemplate(rawCase);
    if (!template.ok) {
      for (const i of template.issues) io.stderr.write(`invalid case template: ${i.path}: ${i.message}\n`);
      return 2;
    }
    // The optional `work` column names one of the template's works (id or title), as in the extension.
    const parsed = parseBulkInput(urlText, formatOfFile(values.urls), {
      resolveWork: templateWorkResolver(template.value),
    });
    const urlWorks = new Map(parsed.valid.map((v) => [v.url, v.workIds]));
    if (parsed.valid.length === 0) {
      io.stderr.write(`no valid URL in ${values.urls} (${parsed.rejected.length} rejected, ${parsed.blank} blank)\n`);
      for (const r of parsed.rejected.slice(0, 20))
        io.stderr.write(`line ${r.line}: ${r.reason}${r.detail ? ` (${r.detail})` : ''}: ${r.input}\n`);
      return 2;
    }

    const outcomes: Record<string, HostOutcome> = {};
    const looked = await withLookupService(io, async (service) => {
      for (const part of chunk(pendingHosts(parsed.valid, outcomes), MAX_BATCH)) {
        const res = await service.batch(part.map((p) => p.url));
        part.forEach((p, i) => (outcomes[p.host] = outcomeOf(p.host, res.items[i])));
      }
      return 0;
    });
    if (looked !== 0) return looked;

    const grouping = groupBulk(parsed.valid, outcomes, role.data);
    mkdirSync(values.out, { recursive: true });
    const now = () => new Date();
    const results = new Map<BulkGroup, GroupOutcome>();
    const failing: string[] = [];
    let written = 0;
    grouping.groups.forEach((g, i) => {
      const d = draftNotice(groupCase(template.value, g, urlWorks), { now });
      const r = g.recipient;
      const base = `${String(i + 1).padStart(3, '0')}-${slug(r.name)}`;
      const missing = missingRequired(d.checklist);
      if (missing.length > 0) {
        failing.push(`${r.name}: ${missing.map((m) => `${m.name} (${m.citation}) [${m.id}]`).join('; ')}`);
        results.set(g, {
          notice: '',
          status: 'checklist_failed',
          detail: `missing: ${missing.map((m) => m.id).join(', ')}`,
        });
        return;
      }
      writeFileSync(path.join(values.out!, `${base}.txt`), d.text);
      let notice = `${base}.txt`;
      if (r.emails.length > 0) {
        try {
          writeFileSync(
            path.join(values.out!, `${base}.eml`),
            renderEml(d, { from: d.letterhead.email.trim(), to: r.emails.map((e) => e.trim()), now }),
          );
          notice = `${base}.eml`;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          io.stderr.write(`warning: ${r.name}: no .eml (${err.message})\n`);
        }
      }
      written++;
      results.set(g, { notice, status: 'drafted' });
    });
    writeFileSync(
      path.join(values.out, 'summary.csv'),
      bulkSummaryCsv({ grouping, role: role.data, rejected: parsed.rejected, outcome: (g) => results.get(g)! }),
    );

    const unresolvedUrls = grouping.unresolved.reduce((n, u) => n + u.urls.length, 0);
    io.stdout.write(
      `${parsed.valid.length} URLs on ${Object.keys(outcomes).length} hosts: ${written} notice(s) written to ${values.out}, ` +
        `${grouping.groups.length - written} group(s) incomplete, ${unresolvedUrls} URL(s) unresolved, ${parsed.rejected.length} line(s) rejected, ${parsed.blank} blank\n`,
    );
    for (const f of failing) io.stderr.write(`notice not drafted; missing required elements: ${f}\n`);
    if (grouping.groups.length === 0)
      io.stderr.write('no recipient was found for any URL; summary.csv gives the reason for each\n');
    return grouping.groups.length > 0 && written === 0 ? 3 : 0;
  },
};
