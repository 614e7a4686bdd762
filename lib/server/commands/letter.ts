import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../errors';
import { draftLetter } from '../../notices/letters/draft-letter';
import type { CliCommand } from './types';

const USAGE = 'usage: cli letter --facts <letter.json> [--format text|html] [--lang en|zh]\n';
const MAX_BYTES = 50 * 1024 * 1024;

/**
 * `cli letter`: a follow-up letter (notice of action filed, 已起诉/已投诉 notification,
 * repeat-infringer request, MIIT report) from a facts file, checked like a notice: exit 0 with
 * the letter on stdout; 2 for invalid arguments or facts (the bad field named); 3 with nothing
 * on stdout when a required element is missing, each named on stderr with its rule.
 */
export const letter: CliCommand = {
  summary: 'draft a follow-up letter (counter-notice answer, repeat infringer, MIIT report) from a facts file',
  async run(args, io) {
    let values: { facts?: string; format?: string; lang?: string };
    try {
      values = parseArgs({
        args,
        options: { facts: { type: 'string' }, format: { type: 'string', default: 'text' }, lang: { type: 'string' } },
        strict: true,
      }).values;
    } catch (err) {
      io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
      return 2;
    }
    const format = values.format ?? 'text';
    if (
      !values.facts ||
      !['text', 'html'].includes(format) ||
      (values.lang !== undefined && !['en', 'zh'].includes(values.lang))
    ) {
      io.stderr.write(USAGE);
      return 2;
    }
    let raw: unknown;
    try {
      if (statSync(values.facts).size > MAX_BYTES) throw new Error('facts file is larger than 50 MB');
      raw = JSON.parse(readFileSync(values.facts, 'utf8'));
    } catch (err) {
      io.stderr.write(`cannot read facts file ${values.facts}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    if (values.lang && raw && typeof raw === 'object') raw = { ...raw, lang: values.lang };
    let d;
    try {
      d = draftLetter(raw, { now: () => new Date() });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    const missing = d.checklist.items.filter((i) => i.required && i.status === 'missing');
    if (missing.length > 0) {
      io.stderr.write(
        d.lang === 'zh' ? '函件缺少必备要素，未生成：\n' : 'letter not drafted; missing required elements:\n',
      );
      for (const m of missing) io.stderr.write(`- ${m.name} (${m.citation}) [${m.id}]: ${m.message}\n`);
      return 3;
    }
    for (const w of d.checklist.items.filter((i) => i.status !== 'ok'))
      io.stderr.write(`warning: ${w.name} (${w.citation}) [${w.id}] ${w.status}: ${w.message}\n`);
    io.stdout.write(format === 'html' ? d.html : d.text);
    return 0;
  },
};
