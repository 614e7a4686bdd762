import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import ts from 'typescript';

/**
 * The content script's own work measured in a real DOM (headless Chromium): feature extraction
 * plus serialising the message, against a bare `document.body.innerText` read of the same page
 * timed in the same run. Skipped (null) when no Chromium is installed.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** features.ts and dom-source.ts have no runtime imports, so stripping types and exports makes them a page script. */
function pageScript(): string {
  const js = ['lib/detection/features.ts', 'lib/detection/dom-source.ts']
    .map(
      (f) =>
        ts.transpileModule(readFileSync(path.join(ROOT, f), 'utf8'), {
          compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
        }).outputText,
    )
    .join('\n')
    .replace(/^import .*$/gm, '')
    .replace(/^export /gm, '');
  return `${js}\nwindow.__detect = () => JSON.stringify(extractFeatures(domPageSource(document))).length;`;
}

/**
 * Runs in the page. A string, not a function: tsx would add helpers to a function's source that
 * do not exist in the page. performance.now() is coarsened in pages, so each sample times a batch.
 */
const timingScript = (runs: number) => `(() => {
  const BATCH = 10;
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  void document.body?.offsetHeight; // layout done, as at document_idle
  window.__detect();
  const ex = [];
  const it = [];
  for (let i = 0; i < ${runs}; i++) {
    let s = performance.now();
    for (let j = 0; j < BATCH; j++) window.__detect();
    ex.push((performance.now() - s) / BATCH);
    s = performance.now();
    for (let j = 0; j < BATCH; j++) void document.body?.innerText.length;
    it.push((performance.now() - s) / BATCH);
  }
  return { ex: median(ex), it: median(it) };
})()`;

export interface DomTimings {
  /** Per page: median over runs of extraction + JSON.stringify, in ms. */
  extractMs: number[];
  /** Per page: median over runs of document.body.innerText, in ms. */
  innerTextMs: number[];
}

export async function measureInChromium(pages: { html: string }[], runs: number): Promise<DomTimings | null> {
  if (!existsSync(CHROMIUM)) return null;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ javaScriptEnabled: true });
    // Pages are loaded offline: nothing they reference is fetched.
    await page.route('**/*', (route) => route.abort());
    const script = pageScript();
    const out: DomTimings = { extractMs: [], innerTextMs: [] };
    for (const p of pages) {
      await page.setContent(p.html, { waitUntil: 'domcontentloaded' }).catch(() => undefined);
      await page.addScriptTag({ content: script });
      const t = await page.evaluate<{ ex: number; it: number }>(timingScript(runs));
      out.extractMs.push(t.ex);
      out.innerTextMs.push(t.it);
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** A busy news-style home page: ~300 KB of markup, 1,500 links, long text. Typical of heavy pages. */
export function heavyPage(): string {
  const items = Array.from(
    { length: 1500 },
    (_, i) =>
      `<li><a href="/story/${i}">Headline number ${i} about markets, sport and the weather</a><span>Short summary text for story ${i}, with a few more words.</span></li>`,
  ).join('');
  return `<!doctype html><html><head><title>Daily News</title><script>var big = "${'x'.repeat(50_000)}";</script></head><body><nav>${'<a href="/s">Section</a>'.repeat(100)}</nav><ul>${items}</ul></body></html>`;
}
