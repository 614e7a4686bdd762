import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, describe, expect, it } from 'vitest';
import { draft } from '../../lib/server/commands/draft';
import { REPO_ROOT } from '../helpers/fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'cli-draft-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The case shape the issue promises the CLI accepts as is. */
const CASE = {
  regime: 'us-dmca',
  letterhead: { company: 'Lotus Press', address: '1 Main St, Springfield', email: 'rights@lotus.example', phone: '+1 555 0100', signatory: 'Mei Chen', signatoryTitle: 'Manager' },
  works: [{ title: 'The River Atlas', owner: 'Lotus Press', registration: 'TX 9-123-456', originalUrl: 'https://lotus.example/atlas' }],
  infringingUrls: ['https://pirate.example/atlas', 'https://pirate.example/atlas.epub'],
  explanation: 'A full copy of the book, offered for download.',
  recipient: { name: 'Host Inc', role: 'host', emails: ['abuse@host.example'] },
  evidence: [{ kind: 'screenshot', sha256: 'c'.repeat(64), capturedAt: '2026-03-01T10:00:00Z' }],
};

let n = 0;
function caseFile(data: unknown): string {
  const file = path.join(dir, `case-${n++}.json`);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await draft.run(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} });
  return { code, stdout, stderr };
}

describe('cli draft', () => {
  it('prints the notice and exits 0 for a complete case', async () => {
    const r = await run('--case', caseFile(CASE));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('DMCA notice of copyright infringement');
    expect(r.stdout).toContain('1. https://pirate.example/atlas');
    expect(r.stdout).toContain('/s/ Mei Chen');
  });

  it('exits 3 with nothing on stdout and names every missing element with its statute', async () => {
    const r = await run('--case', caseFile({ ...CASE, letterhead: { ...CASE.letterhead, signatory: '', email: '', phone: '' } }));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('signature (17 U.S.C. 512(c)(3)(A)(i))');
    expect(r.stderr).toContain("sender's contact details (17 U.S.C. 512(c)(3)(A)(iv))");
  });

  it('names missing Chinese elements in Chinese', async () => {
    const r = await run('--case', caseFile({ ...CASE, regime: 'cn', letterhead: { ...CASE.letterhead, address: '' } }));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('权利人地址 (信息网络传播权保护条例 第十四条)');
  });

  it('exits 2 with the Zod path of a bad field', async () => {
    const r = await run('--case', caseFile({ ...CASE, works: [{ ...CASE.works[0], title: 42 }] }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('works.0.title');
    const bad = await run('--case', caseFile({ ...CASE, evidence: [{ kind: 'screenshot', sha256: 'xyz', capturedAt: 'yesterday' }] }));
    expect(bad.stderr).toContain('evidence.0.sha256');
    expect(bad.stderr).toContain('evidence.0.capturedAt');
  });

  it('exits 2 for unreadable or malformed files and bad options', async () => {
    expect((await run('--case', path.join(dir, 'nope.json'))).code).toBe(2);
    expect((await run('--case', caseFile('{ not json'))).code).toBe(2);
    expect((await run('--case', caseFile(CASE), '--format', 'pdf')).code).toBe(2);
    expect((await run('--case', caseFile(CASE), '--lang', 'fr')).code).toBe(2);
    expect((await run()).code).toBe(2);
  });

  it('renders HTML and a parseable .eml, and honours --lang', async () => {
    const file = caseFile(CASE);
    const html = await run('--case', file, '--format', 'html');
    expect(html.stdout).toMatch(/^<!doctype html>/);
    const eml = await run('--case', file, '--format', 'eml');
    expect(eml.code).toBe(0);
    const p = await PostalMime.parse(eml.stdout);
    expect(p.to?.[0]!.address).toBe('abuse@host.example');
    expect(p.text).toContain('The River Atlas');
    const zh = await run('--case', file, '--lang', 'zh');
    expect(zh.stdout).toContain('投诉方善意地相信');
  });

  it('gives the same exit codes as a process (tsx lib/server/cli.ts, what npm run cli runs)', () => {
    const ok = spawnSync('npx', ['tsx', 'lib/server/cli.ts', 'draft', '--case', caseFile(CASE)], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Re: DMCA notice');
    const missing = spawnSync('npx', ['tsx', 'lib/server/cli.ts', 'draft', '--case', caseFile({ ...CASE, infringingUrls: [] })], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(missing.status).toBe(3);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('location of the infringing material (17 U.S.C. 512(c)(3)(A)(iii))');
  });
});
