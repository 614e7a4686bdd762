import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures';

/** Every source file a comment could cite from: the code, the tests and the benchmarks. */
function sources(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir)).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(path.join(REPO_ROOT, p)).isDirectory()) return name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [p] : [];
  });
}
const files = ['lib', 'entrypoints', 'components', 'tests', 'bench'].flatMap(sources);
const read = (p: string) => readFileSync(path.join(REPO_ROOT, p), 'utf8');

/** The `## N.` headings of a docs page, as section numbers. */
function sectionsOf(doc: string): Set<string> {
  return new Set([...read(doc).matchAll(/^##\s+(\d+)\.\s/gm)].map((m) => m[1]!));
}

describe('reference citations in comments', () => {
  it('every docs/<file>.md §N names a file in docs/ and a section it has', () => {
    const problems: string[] = [];
    let count = 0;
    for (const file of files) {
      // A citation may list sections: "docs/notice-law.md §7, §8, §9"; a comment may wrap after the file name.
      for (const m of read(file).matchAll(/docs\/([\w-]+\.md)(?:\s|\*)+((?:§\d+(?:,\s*)?)+)/g)) {
        const doc = path.join('docs', m[1]!);
        let sections: Set<string>;
        try {
          sections = sectionsOf(doc);
        } catch {
          problems.push(`${file}: ${doc} does not exist`);
          continue;
        }
        for (const n of m[2]!.match(/\d+/g) ?? []) {
          count++;
          if (!sections.has(n)) problems.push(`${file}: ${doc} has no section ${n}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The code does cite the notes; a broken pattern above would otherwise pass by finding nothing.
    expect(count).toBeGreaterThan(60);
  });

  it('no comment cites a reference file that lives outside the repository', () => {
    const outside =
      /(?<![\w/-])(?:\.\.\/)?(?:shared\/reference\/)?(notice-law|notice-review|rdap|cdn|providers|landscape|style|test-rigs)\.md/g;
    const found: string[] = [];
    for (const file of files) {
      if (file === path.join('tests', 'unit', 'docs-citations.test.ts')) continue;
      for (const m of read(file).matchAll(outside)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
