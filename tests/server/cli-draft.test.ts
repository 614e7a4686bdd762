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
  letterhead: {
    company: 'Lotus Press',
    address: '1 Main St, Springfield',
    email: 'rights@lotus.example',
    phone: '+1 555 0100',
    signatory: 'Mei Chen',
    signatoryTitle: 'Manager',
  },
  works: [
    {
      title: 'The River Atlas',
      owner: 'Lotus Press',
      registration: 'TX 9-123-456',
      originalUrl: 'https://lotus.example/atlas',
    },
  ],
  infringingUrls: ['https://pirate.example/atlas', 'https://pirate.example/atlas.epub'],
  explanation: 'A full copy of the book, offered for download.',
  recipient: { name: 'Host Inc', role: 'host', emails: ['abuse@host.example'] },
  evidence: [{ kind: 'screenshot', sha256: 'c'.repeat(64), capturedAt: '2026-03-01T10:00:00Z' }],
  fairUse: { considered: true },
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
  const code = await draft.run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
  });
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
    const r = await run(
      '--case',
      caseFile({ ...CASE, letterhead: { ...CASE.letterhead, signatory: '', email: '', phone: '' } }),
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('signature (17 U.S.C. 512(c)(3)(A)(i))');
    expect(r.stderr).toContain("sender's contact details (17 U.S.C. 512(c)(3)(A)(iv))");
  });

  it('names missing Chinese elements in Chinese: a qualified notice needs the ID copy and the address', async () => {
    const cn = {
      ...CASE,
      regime: 'cn',
      recipient: { name: '示例网盘', role: 'host', kind: 'storage', emails: ['jubao@pan.example'] },
    };
    const r = await run('--case', caseFile({ ...cn, letterhead: { ...CASE.letterhead, address: '' } }));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('权利人地址 (信息网络传播权保护条例 第十四条；国家版权局通知示范格式（2007）)');
    expect(r.stderr).toContain(
      '身份证明（身份证或营业执照复印件） (民法典 第一千一百九十五条；信息网络传播权保护条例 第十四条)',
    );
    const agent = await run(
      '--case',
      caseFile({ ...cn, idDocument: '营业执照副本复印件', agent: { name: '北京某某律师事务所' } }),
    );
    expect(agent.code).toBe(3);
    expect(agent.stderr).toContain('代理人授权 (国家版权局通知示范格式（2007）)');
    const ok = await run(
      '--case',
      caseFile({
        ...cn,
        idDocument: '营业执照副本复印件',
        evidence: [{ ...CASE.evidence[0], capturedAt: '2026-02-20T01:15:00Z' }],
      }),
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('我司于2026年2月20日9时15分（北京时间）发现上述侵权行为。');
    expect(ok.stdout).toContain('权利人（盖章）：Lotus Press');
    expect(ok.stdout).not.toContain('/s/');
  });

  it('exits 3 on a refused statement in every regime, naming it with its statute', async () => {
    const uk = await run('--case', caseFile({ ...CASE, regime: 'uk', confirmations: { accuracy: false } }));
    expect(uk.code).toBe(3);
    expect(uk.stdout).toBe('');
    expect(uk.stderr).toContain(
      'statement that the notice is accurate (general law on false statements (malicious falsehood)) [stmt_accuracy]',
    );
    const ca = await run('--case', caseFile({ ...CASE, regime: 'ca-notice', confirmations: { goodFaith: false } }));
    expect(ca.code).toBe(3);
    expect(ca.stderr).toContain('[stmt_good_faith]');
    const au = await run('--case', caseFile({ ...CASE, regime: 'au', confirmations: { authority: false } }));
    expect(au.code).toBe(3);
    expect(au.stderr).toContain('[stmt_authority]');
  });

  it('exits 3 on a Canadian settlement demand in any field, naming s. 41.25(3)', async () => {
    const ca = { ...CASE, regime: 'ca-notice' };
    const r = await run(
      '--case',
      caseFile({ ...ca, measureNote: "Please reply with the subscriber's name and address." }),
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no settlement offer or payment demand (Copyright Act (Canada) s. 41.25(3))');
    const link = await run(
      '--case',
      caseFile({ ...ca, works: [{ ...CASE.works[0], originalUrl: 'https://lotus.example/settle-now?case=123' }] }),
    );
    expect(link.code).toBe(3);
    expect(
      (await run('--case', caseFile({ ...ca, explanation: 'The site sells VIP access for a monthly fee.' }))).code,
    ).toBe(0);
  });

  it('lists every reason at once, not the first only', async () => {
    const r = await run(
      '--case',
      caseFile({ ...CASE, fairUse: undefined, confirmations: { goodFaith: false }, infringingUrls: [] }),
    );
    expect(r.code).toBe(3);
    for (const id of ['fair_use_check', 'stmt_good_faith', 'location']) expect(r.stderr).toContain(`[${id}]`);
    expect(r.stderr).toContain('Lenz v. Universal Music Corp., 815 F.3d 1145 (9th Cir. 2016)');
  });

  it('drafts a registrar abuse report, not a DMCA notice, and cites the RAA only for a gTLD', async () => {
    const reg = {
      ...CASE,
      recipient: { name: 'Tonic', role: 'registrar', emails: ['abuse@tonic.example'] },
      infringingUrls: ['https://streamfree.to/x'],
    };
    const r = await run('--case', caseFile(reg));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Re: Abuse report – domain name used for copyright infringement – streamfree.to');
    expect(r.stdout).not.toContain('penalty of perjury');
    expect(r.stdout).not.toContain('Registrar Accreditation Agreement');
  });

  it('exits 2 with the Zod path of a bad field', async () => {
    const r = await run('--case', caseFile({ ...CASE, works: [{ ...CASE.works[0], title: 42 }] }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('works.0.title');
    const bad = await run(
      '--case',
      caseFile({ ...CASE, evidence: [{ kind: 'screenshot', sha256: 'xyz', capturedAt: 'yesterday' }] }),
    );
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
    expect(zh.stdout).toContain('本人善意地相信');
    expect(zh.stdout).toContain('事由：DMCA 版权侵权通知');
  });

  it('gives the same exit codes as a process (tsx lib/server/cli.ts, what npm run cli runs)', () => {
    const ok = spawnSync('npx', ['tsx', 'lib/server/cli.ts', 'draft', '--case', caseFile(CASE)], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Re: DMCA notice');
    const missing = spawnSync(
      'npx',
      ['tsx', 'lib/server/cli.ts', 'draft', '--case', caseFile({ ...CASE, infringingUrls: [] })],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(missing.status).toBe(3);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('location of the infringing material (17 U.S.C. 512(c)(3)(A)(iii))');
  });

  it('runs as the README says: npm run --silent cli -- draft --case <file> --lang zh', () => {
    const npm = (file: string) =>
      spawnSync('npm', ['run', '--silent', 'cli', '--', 'draft', '--case', file, '--lang', 'zh'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
    const ok = npm(caseFile(CASE));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('事由：DMCA 版权侵权通知');
    expect(ok.stdout).toContain('本人善意地相信');
    const refused = npm(caseFile({ ...CASE, regime: 'kr', confirmations: { accuracy: false } }));
    expect(refused.status).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('韩国著作权法 第103条第6款');
  });
});
