import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../helpers/csv';
import { REPO_ROOT } from '../helpers/fixtures';
import { fixtureZone } from '../helpers/loopback-fixture-zone';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';

/** Three providers: SWITCH (RIPE) for two hosts, Microsoft (ARIN) and ANTEL (LACNIC). */
const HOSTS = {
  'ripe-host.to': 'SWITCH',
  'ripe-mirror.to': 'SWITCH',
  'azure-host.to': 'Microsoft',
  'lacnic-host.to': 'ANTEL',
} as const;
const zone = fixtureZone({ 'ripe-mirror.to': { A: ['130.59.31.99'] } });

const TEMPLATE = {
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
  explanation: 'Full copies of the book, offered for download.',
  confirmations: { goodFaith: true, accuracy: true },
  fairUse: { considered: true, note: 'Verbatim copies of the whole work.' },
};

let stack: LoopbackStack;
const dir = mkdtempSync(path.join(tmpdir(), 'cli-bulk-'));
beforeAll(async () => {
  stack = await startLoopbackStack({ zone, timeoutMs: 5000 });
});
afterAll(async () => {
  await stack.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function file(name: string, data: string | object): string {
  const f = path.join(dir, `${n++}-${name}`);
  writeFileSync(f, typeof data === 'string' ? data : JSON.stringify(data));
  return f;
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/server/cli.ts', 'bulk', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...stack.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cli bulk', () => {
  test('one notice per provider, an .eml each, and a summary row for every line', async () => {
    const hosts = Object.keys(HOSTS);
    const good = Array.from({ length: 40 }, (_, i) => `https://${hosts[i % hosts.length]}/book/${i}`);
    const lines = [
      'url',
      ...good,
      good[3],
      '',
      'javascript:alert(1)',
      'http://192.168.1.1/x',
      `https://ripe-host.to/${'a'.repeat(5000)}`,
      '=HYPERLINK("http://evil.to")',
    ];
    const out = path.join(dir, 'out-ok');
    const before = stack.rdap.count({ kind: 'ip' });
    const r = await cli([
      '--urls',
      file('urls.csv', lines.join('\n')),
      '--case',
      file('case.json', TEMPLATE),
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^40 URLs on 4 hosts: 3 notice\(s\) written/);
    // Three networks, at most one RDAP IP answer each (plus ARIN's redirect of the RIPE block).
    expect(stack.rdap.count({ kind: 'ip' }) - before).toBeLessThanOrEqual(3 + 1);

    const files = readdirSync(out).sort();
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(3);
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(3);
    const switchEml = files.find((f) => /switch/.test(f) && f.endsWith('.eml'))!;
    const mail = await PostalMime.parse(readFileSync(path.join(out, switchEml)));
    expect(mail.to?.map((t) => t.address)).toEqual(['abuse@switch.ch']);
    const switchUrls = good.filter((u) => /ripe-(host|mirror)/.test(u));
    expect(switchUrls).toHaveLength(20);
    for (const u of switchUrls) expect(mail.text).toContain(u);
    expect(mail.text).not.toContain('azure-host.to');

    const rows = parseCsv(readFileSync(path.join(out, 'summary.csv'), 'utf8'));
    expect(rows[0]).toEqual([
      'url',
      'host',
      'recipient',
      'recipient_role',
      'recipient_email',
      'notice_file',
      'status',
      'detail',
    ]);
    expect(rows).toHaveLength(1 + 40 + 5);
    const byUrl = new Map(rows.map((row) => [row[0], row]));
    expect(byUrl.get(good[1])).toMatchObject({ 2: 'SWITCH-LAN', 5: switchEml, 6: 'drafted' });
    expect(byUrl.get(good[2])?.[2]).toBe('Microsoft Azure');
    expect(rows.find((row) => row[6] === 'rejected:duplicate')?.[7]).toBe('line 42: 5');
    const rejected = rows
      .filter((row) => row[6]!.startsWith('rejected:'))
      .map((row) => [row[6], row[7]!.split(':')[0]]);
    expect(rejected).toEqual([
      ['rejected:duplicate', 'line 42'],
      ['rejected:unsupported_scheme', 'line 44'],
      ['rejected:private_target', 'line 45'],
      ['rejected:too_long', 'line 46'],
      ['rejected:not_a_url', 'line 47'],
    ]);
    // A cell a spreadsheet would evaluate is neutralised.
    expect(rows.at(-1)?.[0]!.startsWith("'=")).toBe(true);
  });

  test('every group failing the checklist exits 3 and names the missing elements', async () => {
    const { letterhead: _l, ...noLetterhead } = TEMPLATE;
    const out = path.join(dir, 'out-missing');
    const r = await cli([
      '--urls',
      file('urls.txt', 'https://ripe-host.to/1\nhttps://azure-host.to/2\n'),
      '--case',
      file('case.json', noLetterhead),
      '--out',
      out,
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/missing required elements: SWITCH-LAN: .*512\(c\)\(3\)\(A\)/);
    expect(r.stderr.match(/missing required elements/g)).toHaveLength(2);
    expect(readdirSync(out)).toEqual(['summary.csv']);
  });

  test('a batch where every lookup fails still writes a summary with the reason for each URL', async () => {
    const out = path.join(dir, 'out-fail');
    const r = await cli([
      '--urls',
      file('urls.txt', 'https://gone-1.to/a\nhttps://gone-2.to/b\nhttps://gone-1.to/c\n'),
      '--case',
      file('case.json', TEMPLATE),
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no recipient was found for any URL/);
    const rows = parseCsv(readFileSync(path.join(out, 'summary.csv'), 'utf8'));
    expect(rows.slice(1).map((row) => [row[0], row[6]])).toEqual([
      ['https://gone-1.to/a', 'no_recipient'],
      ['https://gone-1.to/c', 'no_recipient'],
      ['https://gone-2.to/b', 'no_recipient'],
    ]);
    expect(rows[1]![7]).toMatch(/dns/);
  });

  test('invalid input files exit 2', async () => {
    const tpl = file('case.json', TEMPLATE);
    const cases = [
      ['--urls', file('urls.txt', 'javascript:x\n\n10.0.0.1\n'), '--case', tpl, '--out', dir],
      ['--urls', path.join(dir, 'missing.txt'), '--case', tpl, '--out', dir],
      [
        '--urls',
        file('urls.txt', 'https://ripe-host.to/\n'),
        '--case',
        file('bad.json', { regime: 'mars' }),
        '--out',
        dir,
      ],
      ['--urls', file('urls.txt', 'https://ripe-host.to/\n'), '--case', tpl],
    ];
    for (const args of cases) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toBe('');
    }
  });
});
