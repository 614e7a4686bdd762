import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';

/** lib/tracking and lib/export run in the extension and in Node alike: no node:*, no Dexie, no browser.* (the import rules in eslint.config.js). */
describe('isomorphic modules', () => {
  for (const dir of ['lib/tracking', 'lib/export']) {
    it(`${dir} imports no node:*, dexie or browser APIs`, () => {
      const files = readdirSync(path.join(REPO_ROOT, dir)).filter((f) => f.endsWith('.ts'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const src = readFileSync(path.join(REPO_ROOT, dir, f), 'utf8');
        expect(src, `${dir}/${f}`).not.toMatch(/from ['"](node:|dexie|wxt|webextension)/);
        expect(src, `${dir}/${f}`).not.toMatch(/\bbrowser\.\w/);
        expect(src, `${dir}/${f}`).not.toMatch(/from ['"]\.\.\/(server|db\/schema|db\/notices-repo|db\/transfer)/);
      }
    });
  }
});
