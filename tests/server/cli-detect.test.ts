import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detect } from '../../lib/server/commands/detect';
import { VerdictSchema } from '../../lib/detection/verdict';
import { REPO_ROOT } from '../helpers/fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'cli-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PAGES = path.join(REPO_ROOT, 'tests/fixtures/pages');
const CATALOG = path.join(PAGES, 'catalog.json');

let n = 0;
function file(name: string, data: string | Uint8Array): string {
  const p = path.join(dir, `${n++}-${name}`);
  writeFileSync(p, data);
  return p;
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await detect.run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
  });
  return { code, stdout, stderr };
}

describe('cli detect (as a process)', () => {
  it('prints { suspected, score, work, reasons } for a saved page', () => {
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'lib/server/cli.ts',
        'detect',
        '--catalog',
        CATALOG,
        path.join(PAGES, 'pos/lk-torrent.html'),
        '--url',
        'https://yts-mirror.one/movies/the-lantern-keeper-2025',
      ],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const verdict = VerdictSchema.parse(JSON.parse(r.stdout));
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['suspected', 'score', 'work', 'reasons']);
    expect(verdict).toMatchObject({ suspected: true, work: { id: 'lantern-keeper', title: 'The Lantern Keeper' } });
    expect(verdict.reasons.map((x) => x.id)).toContain('magnet-link');
  });

  it('exits 2 with a message for a missing catalog', () => {
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'lib/server/cli.ts',
        'detect',
        '--catalog',
        path.join(dir, 'nope.json'),
        path.join(PAGES, 'pos/lk-torrent.html'),
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read catalog/);
  });
});

describe('cli detect', () => {
  it('does not flag the official domain given with --url', async () => {
    const r = await run([
      '--catalog',
      CATALOG,
      path.join(PAGES, 'neg/cy-official.html'),
      '--url',
      'https://m.changyelvren.cn/book/chapter/120',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ suspected: false, work: { id: 'changye' } });
  });

  it('takes the address from a saved page when --url is left out', async () => {
    const html =
      '<!-- saved from url=(0031)https://www.changyelvren.cn/b/1 --><title>长夜旅人 第一章</title><body>长夜旅人 最新章节 免费阅读 上一章 下一章</body>';
    const r = await run(['--catalog', CATALOG, file('saved.html', html)]);
    expect(JSON.parse(r.stdout).reasons.map((x: { id: string }) => x.id)).toContain('official-domain');
  });

  it('decodes GBK pages that declare their charset', async () => {
    const gbk = Uint8Array.from([
      ...Buffer.from('<meta charset="gbk"><title>'),
      0xd0,
      0xc7,
      0xf1,
      0xb7,
      0xbc,
      0xcd,
      0xd4,
      0xaa,
      0xcb,
      0xbd,
      0xb7,
      0xfe,
      ...Buffer.from('</title>'),
    ]);
    const r = await run(['--catalog', CATALOG, file('gbk.html', gbk), '--url', 'https://sf.example/']);
    expect(JSON.parse(r.stdout).work).toEqual({ id: 'xingqiong', title: '星穹纪元' });
  });

  it('triages several pages as JSON lines', async () => {
    const r = await run([
      '--catalog',
      CATALOG,
      path.join(PAGES, 'pos/xq-sf-fabu.html'),
      path.join(PAGES, 'neg/recipe.html'),
    ]);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [path.basename(l.file), l.suspected])).toEqual([
      ['xq-sf-fabu.html', true],
      ['recipe.html', false],
    ]);
  });

  it('writes reasons in Chinese with --lang zh', async () => {
    const r = await run(['--catalog', CATALOG, path.join(PAGES, 'pos/xq-sf-fabu.html'), '--lang', 'zh']);
    expect(JSON.parse(r.stdout).reasons.find((x: { id: string }) => x.id === 'private-server').text).toBe('宣传私服');
  });

  it('works with an empty catalog', async () => {
    const r = await run(['--catalog', file('empty.json', '{"works":[]}'), path.join(PAGES, 'pos/xq-sf-fabu.html')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ suspected: false, work: null });
  });

  it('works with binary garbage as a page', async () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 37 + 11) % 256);
    const r = await run(['--catalog', CATALOG, file('garbage.html', bytes)]);
    expect(r.code).toBe(0);
    expect(VerdictSchema.parse(JSON.parse(r.stdout)).suspected).toBe(false);
  });

  it('exits 2 for a bad catalog, a missing page, or bad arguments', async () => {
    const bad = await run([
      '--catalog',
      file('bad.json', '{"works":[{"title":""}]}'),
      path.join(PAGES, 'neg/recipe.html'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid catalog: works\.0\.title/);
    const notJson = await run(['--catalog', file('bad2.json', 'not json'), path.join(PAGES, 'neg/recipe.html')]);
    expect(notJson.code).toBe(2);
    const missing = await run(['--catalog', CATALOG, path.join(dir, 'missing.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read page/);
    for (const args of [
      [],
      ['--catalog', CATALOG],
      [path.join(PAGES, 'neg/recipe.html')],
      ['--catalog', CATALOG, 'a.html', '--lang', 'fr'],
      ['--bogus'],
    ]) {
      expect((await run(args)).code).toBe(2);
    }
  });
});
