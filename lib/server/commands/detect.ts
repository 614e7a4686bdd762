import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CatalogSchema, compileCatalog } from '../../detection/catalog';
import { featuresFromHtml, HTML_CAP, savedPageUrl } from '../../detection/html-features';
import { scorePage } from '../../detection/score';
import type { CliCommand } from './types';

const USAGE =
  'usage: cli detect --catalog <catalog.json> <page.html>... [--url <page-url>] [--lang en|zh]\n' +
  '  without --url, the address comes from the saved page (saved-from mark, canonical link, og:url)\n';
const MAX_CATALOG_BYTES = 20 * 1024 * 1024;

/** Reads no more of a saved page than the scorer will look at, so a huge file costs the same as a big one. */
function readPageHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HTML_CAP * 3);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Honours a <meta charset> (saved Chinese pages are often GBK or Big5); anything unknown is read as UTF-8. */
function decodePage(bytes: Buffer): string {
  const declared = /<meta[^>]{0,200}charset\s*=\s*["']?([\w-]{2,20})/i.exec(
    bytes.subarray(0, 2048).toString('latin1'),
  )?.[1];
  for (const label of [declared, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label.toLowerCase() === 'gb2312' ? 'gbk' : label).decode(bytes);
    } catch {
      // unknown label: fall through to UTF-8
    }
  }
  return bytes.toString('utf8');
}

/**
 * `cli detect`: scores saved pages against a catalog, offline. One page prints one JSON verdict
 * `{ suspected, score, work, reasons }`; several print one JSON line each, with `file`.
 * Exit 0 when every page was scored; 2 for invalid arguments, a bad catalog or an unreadable page.
 */
export const detect: CliCommand = {
  summary: 'score saved pages for suspected piracy of works in a catalog',
  async run(args, io) {
    let values: { catalog?: string; url?: string; lang?: string };
    let files: string[];
    try {
      const parsed = parseArgs({
        args,
        options: { catalog: { type: 'string' }, url: { type: 'string' }, lang: { type: 'string', default: 'en' } },
        allowPositionals: true,
        strict: true,
      });
      values = parsed.values;
      files = parsed.positionals;
    } catch (err) {
      io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
      return 2;
    }
    const lang = values.lang === 'zh' ? 'zh' : values.lang === 'en' ? 'en' : null;
    if (!values.catalog || files.length === 0 || !lang || (values.url !== undefined && files.length > 1)) {
      io.stderr.write(USAGE);
      return 2;
    }

    let raw: unknown;
    try {
      const text = readFileSync(values.catalog, 'utf8');
      if (text.length > MAX_CATALOG_BYTES) throw new Error('catalog is larger than 20 MB');
      raw = JSON.parse(text);
    } catch (err) {
      io.stderr.write(`cannot read catalog ${values.catalog}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    const catalog = CatalogSchema.safeParse(raw);
    if (!catalog.success) {
      for (const i of catalog.error.issues.slice(0, 20))
        io.stderr.write(`invalid catalog: ${i.path.join('.') || '(root)'}: ${i.message}\n`);
      return 2;
    }
    const compiled = compileCatalog(catalog.data.works);

    let code = 0;
    for (const file of files) {
      let html: string;
      try {
        html = decodePage(readPageHead(file));
      } catch (err) {
        io.stderr.write(`cannot read page ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
        code = 2;
        continue;
      }
      const url = values.url ?? savedPageUrl(html) ?? pathToFileURL(path.resolve(file)).href;
      const verdict = scorePage(featuresFromHtml(html, url), compiled, { lang });
      io.stdout.write(
        files.length === 1 ? `${JSON.stringify(verdict, null, 2)}\n` : `${JSON.stringify({ file, ...verdict })}\n`,
      );
    }
    return code;
  },
};
