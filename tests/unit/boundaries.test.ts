import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures';

function files(dir: string): string[] {
  const abs = path.join(REPO_ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(path.join(REPO_ROOT, p)).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}
const imports = (file: string) =>
  [...readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );

describe('import directions (the import rules in eslint.config.js)', () => {
  it('extension code never imports the Node backend', () => {
    const offenders = [...files('entrypoints'), ...files('components')].filter((f) =>
      imports(f).some((i) => /lib\/server(\/|$)/.test(i) || i.startsWith('node:')),
    );
    expect(offenders).toEqual([]);
  });

  it('lib outside server and db uses neither browser.* nor node:* nor Dexie', () => {
    const pure = files('lib').filter(
      (f) => !f.startsWith(path.join('lib', 'server')) && !f.startsWith(path.join('lib', 'db')),
    );
    const offenders = pure.filter((f) => {
      const src = readFileSync(path.join(REPO_ROOT, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      return (
        imports(f).some((i) => i.startsWith('node:') || i === 'dexie' || i.includes('lib/server')) ||
        /\bbrowser\.\w+\./.test(src) ||
        /\bchrome\.\w+\./.test(src)
      );
    });
    expect(offenders).toEqual([]);
  });

  it('pages and components reach IndexedDB only through lib/db repositories (services), never Dexie or the schema', () => {
    const pages = [...files('entrypoints'), ...files('components')].filter(
      (f) => !f.startsWith(path.join('entrypoints', 'background')),
    );
    const offenders = pages.filter((f) =>
      imports(f).some((i) => i === 'dexie' || /lib\/db\/(schema|settings|transfer)$/.test(i)),
    );
    expect(offenders).toEqual([]);
  });
});
