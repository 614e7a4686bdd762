import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { letter } from '../../lib/server/commands/letter';
import { cnActionFiled, usActionFiled } from '../unit/letters/fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'cli-letter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(data: unknown): string {
  const f = path.join(dir, `letter-${n++}.json`);
  writeFileSync(f, typeof data === 'string' ? data : JSON.stringify(data));
  return f;
}

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await letter.run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
  });
  return { code, stdout, stderr };
}

describe('cli letter', () => {
  it('prints a complete letter and exits 0', async () => {
    const r = await run('--facts', file(usActionFiled({ date: '2026-03-04' })));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Notice of action filed under 17 U.S.C. § 512(g)(2)(C)');
    expect(r.stdout).toContain('/s/ Mei Chen');
  });

  it('exits 3 naming each missing element with its rule, printing nothing', async () => {
    const r = await run('--facts', file(cnActionFiled({ acceptanceNotice: '', caseNumber: '' })));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('函件缺少必备要素');
    expect(r.stderr).toContain('受理通知书（随附） (《中华人民共和国民法典》第一千一百九十六条) [acceptance_notice]');
    expect(r.stderr).toContain('[case_number]');
  });

  it('switches language and exits 2 for bad input', async () => {
    const en = await run('--facts', file(cnActionFiled({ date: '2026-03-04' })), '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Under article 1196 of the Civil Code');
    expect((await run('--facts', file('{nope'))).code).toBe(2);
    expect((await run('--facts', file({ kind: 'other' }))).code).toBe(2);
    expect((await run('--facts', file(usActionFiled()), '--format', 'pdf')).code).toBe(2);
    expect((await run()).code).toBe(2);
  });
});
