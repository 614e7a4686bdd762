import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../errors';
import { LetterLangSchema, RegimeIdSchema } from '../../model/notice';
import { parseNoticeCase } from '../../notices/case';
import { draftNotice } from '../../notices/draft';
import { renderEml } from '../../notices/render-eml';
import { missingRequired } from '../../notices/validate';
import type { CliCommand } from './types';

const USAGE = 'usage: cli draft --case <case.json> [--format text|html|eml] [--lang en|zh|zh-en] [--regime <id>]\n';
const MAX_CASE_BYTES = 50 * 1024 * 1024;

/**
 * `cli draft`: exit 0 with the notice on stdout; 2 for invalid arguments or an invalid case
 * file (each bad field named by its Zod path); 3 with nothing on stdout when a required
 * element is missing, every one named on stderr with its statute.
 */
export const draft: CliCommand = {
  summary: 'draft a takedown notice from a case file',
  async run(args, io) {
    let values: { case?: string; format?: string; lang?: string; regime?: string };
    try {
      values = parseArgs({
        args,
        options: {
          case: { type: 'string' },
          format: { type: 'string', default: 'text' },
          lang: { type: 'string' },
          regime: { type: 'string' },
        },
        strict: true,
      }).values;
    } catch (err) {
      io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
      return 2;
    }
    const format = values.format ?? 'text';
    const lang = values.lang === undefined ? undefined : LetterLangSchema.safeParse(values.lang);
    const regime = values.regime === undefined ? undefined : RegimeIdSchema.safeParse(values.regime);
    if (
      !values.case ||
      !['text', 'html', 'eml'].includes(format) ||
      lang?.success === false ||
      regime?.success === false
    ) {
      io.stderr.write(USAGE);
      return 2;
    }

    let raw: unknown;
    try {
      if (statSync(values.case).size > MAX_CASE_BYTES) throw new Error('case file is larger than 50 MB');
      raw = JSON.parse(readFileSync(values.case, 'utf8'));
    } catch (err) {
      io.stderr.write(`cannot read case file ${values.case}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    const parsed = parseNoticeCase(raw);
    if (!parsed.ok) {
      for (const i of parsed.issues) io.stderr.write(`invalid case: ${i.path}: ${i.message}\n`);
      return 2;
    }

    const d = draftNotice(parsed.value, { now: () => new Date(), lang: lang?.data, regime: regime?.data });
    const missing = missingRequired(d.checklist);
    if (missing.length > 0) {
      const head =
        d.checklist.lang === 'zh' ? '通知缺少必备要素，未生成：' : 'notice not drafted; missing required elements:';
      io.stderr.write(`${head}\n`);
      for (const m of missing) io.stderr.write(`- ${m.name} (${m.citation}) [${m.id}]: ${m.message}\n`);
      return 3;
    }
    for (const w of d.checklist.items.filter((i) => i.status !== 'ok'))
      io.stderr.write(`warning: ${w.name} (${w.citation}) [${w.id}] ${w.status}: ${w.message}\n`);

    if (format === 'text') io.stdout.write(d.text);
    else if (format === 'html') io.stdout.write(d.html);
    else {
      try {
        io.stdout.write(
          renderEml(d, {
            from: d.letterhead.email.trim(),
            to: d.recipient.emails.map((e) => e.trim()),
            now: () => new Date(),
          }),
        );
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        io.stderr.write(`cannot build .eml: ${err.message}\n`);
        return 2;
      }
    }
    return 0;
  },
};
