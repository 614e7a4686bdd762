import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';

/** Every module the content script loads at run time (type-only imports excluded). */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const base = path.resolve(path.dirname(file), spec);
    const resolved = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(existsSync);
    if (resolved) runtimeImports(resolved, seen);
  }
  return seen;
}

describe('detector content script', () => {
  it('loads no zod, no database, no OpenCC and no backend code, since every page pays for it', () => {
    const modules = [...runtimeImports(path.join(REPO_ROOT, 'entrypoints/detector.content/index.ts'))];
    const rel = modules.map((m) => (path.isAbsolute(m) ? path.relative(REPO_ROOT, m) : m));
    expect(rel).toContain('lib/detection/features.ts');
    expect(rel.filter((m) => /^(zod|dexie)$|lib\/(db|server)\/|lib\/messaging\.ts/.test(m))).toEqual([]);
    // The OpenCC dictionaries (~100 KB) are for the background, where pages are scored.
    expect(rel.filter((m) => /opencc|lib\/detection\/(simplified|normalize|score|catalog)\.ts/.test(m))).toEqual([]);
  });
});
