/**
 * Issue 8 §6, sizes of the built extension (.output/chrome-mv3): everything, and the popup's JS (the entry
 * and modulepreload chunks named in popup.html plus every chunk they import, followed transitively), raw and
 * gzip (level 9, each file on its own, as a browser would fetch them). Built with `npx wxt build` if missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchOptions } from './options';
import { round } from './stats';
import { verdict, type SectionResult } from './table';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = path.join(REPO_ROOT, '.output/chrome-mv3');

/** The built extension directory, building it first when it is missing. */
export function ensureBuilt(opts: BenchOptions): string {
  if (!existsSync(path.join(BUILD_DIR, 'manifest.json'))) {
    opts.log('no .output/chrome-mv3: running npx wxt build');
    execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 240_000 });
  }
  return BUILD_DIR;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** JS files popup.html loads: script src and modulepreload href, then static and dynamic imports inside them. */
export function popupJsFiles(dir: string, page = 'popup.html'): string[] {
  const html = readFileSync(path.join(dir, page), 'utf8');
  const queue = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => path.join(dir, (m[1] ?? m[2])!));
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js|\/chunks\/[^"']+\.js)["']/g)) {
      queue.push(m[1]!.startsWith('/') ? path.join(dir, m[1]!) : path.resolve(path.dirname(file), m[1]!));
    }
  }
  return [...seen];
}

export async function runSizes(opts: BenchOptions): Promise<SectionResult> {
  const dir = ensureBuilt(opts);
  const all = walk(dir);
  let raw = 0;
  let gzip = 0;
  for (const f of all) {
    const buf = readFileSync(f);
    raw += buf.length;
    gzip += gz(buf);
  }
  const popup = popupJsFiles(dir);
  let popupRaw = 0;
  let popupGzip = 0;
  const files: Record<string, { raw: number; gzip: number }> = {};
  for (const f of popup) {
    const buf = readFileSync(f);
    popupRaw += buf.length;
    popupGzip += gz(buf);
    files[path.relative(dir, f)] = { raw: buf.length, gzip: gz(buf) };
  }
  const kb = (n: number) => round(n / 1024, 1);
  const built = statSync(path.join(dir, 'manifest.json')).mtime.toISOString();
  opts.log(
    `sizes: extension ${kb(raw)} KB (${kb(gzip)} KB gzip), popup JS ${kb(popupRaw)} KB (${kb(popupGzip)} KB gzip)`,
  );
  return {
    keys: { popupJsGzipKB: kb(popupGzip), popupJsKB: kb(popupRaw), extensionKB: kb(raw), extensionGzipKB: kb(gzip) },
    rows: [
      {
        section: 'sizes',
        figure: `popup JS, gzip (${popup.length} files)`,
        value: `${kb(popupGzip)} KB`,
        comparison: `raw ${kb(popupRaw)} KB; whole extension ${kb(raw)} KB raw, ${kb(gzip)} KB gzip (${all.length} files)`,
        target: '< 150 KB gzip',
        verdict: verdict(kb(popupGzip), { max: 150 }),
      },
    ],
    details: {
      buildDir: path.relative(REPO_ROOT, dir),
      builtAt: built,
      files: all.length,
      popupFiles: files,
      gzip: 'level 9, per file',
    },
  };
}
