import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';

/** lib/notices runs in the extension as well as the CLI: no Node built-ins, no extension APIs, no server code. */
describe('lib/notices imports', () => {
  const dir = path.join(REPO_ROOT, 'lib/notices');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const f of files) {
    it(`${f} is isomorphic`, () => {
      const src = readFileSync(path.join(dir, f), 'utf8');
      expect(src).not.toMatch(
        /from ['"]node:|require\(|\bbrowser\.|from ['"][^'"]*server\/|from ['"]mimetext['"]|\bBuffer\b/,
      );
    });
  }
});
