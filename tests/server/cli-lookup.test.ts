import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { LookupResultSchema } from '../../lib/contract';
import { REPO_ROOT } from '../helpers/fixtures';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';

let stack: LoopbackStack;
beforeAll(async () => {
  stack = await startLoopbackStack();
});
afterAll(() => stack.close());
// A fault a test added is cleared even when that test fails, so it cannot leak into the next one.
afterEach(() => stack.rdap.clearFaults());

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/server/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...stack.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cli lookup', () => {
  test('--json prints one LookupResult (Verisign .com + registrar hop, ARIN network)', async () => {
    const r = await cli(['lookup', 'https://www.google.com/x', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = LookupResultSchema.parse(JSON.parse(r.stdout));
    expect(result.addresses[0]!.network?.rir).toBe('arin');
    expect(result.recipients.find((p) => p.role === 'registrar')?.emails).toContain('abusecomplaints@markmonitor.com');
  });

  test('a readable table by default; a partial result still exits 0', async () => {
    stack.rdap.addFault({ server: 'arin', kind: 'ip', fault: '503', times: 10 });
    const r = await cli(['lookup', 'https://azure-host.to/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Input\s+https:\/\/azure-host\.to\//m);
    expect(r.stdout).toMatch(/Recipients \(send in this order\)/);
    expect(r.stdout).toMatch(/rdap-ip\s+unavailable/);
  });

  test('invalid input → exit 2 with one line on stderr and nothing on stdout', async () => {
    for (const args of [['lookup', 'http://10.0.0.5/'], ['lookup', 'ftp://x.to/'], ['lookup']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const bad = await cli(['lookup', 'https://azure-host.to/'], { TAKEDOWN_DNS_SERVERS: 'not-an-ip' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/TAKEDOWN_DNS_SERVERS/);
  });
});
