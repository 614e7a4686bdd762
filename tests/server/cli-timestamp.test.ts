import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { timestamp } from '../../lib/server/commands/timestamp';
import { verifyTimestamp } from '../../lib/server/commands/verify-timestamp';
import { REPO_ROOT } from '../helpers/fixtures';
import { openssl, startLoopbackTsa, type LoopbackTsa } from '../helpers/loopback-tsa';

let tsa: LoopbackTsa;
beforeAll(async () => {
  tsa = await startLoopbackTsa();
}, 60_000);
afterAll(() => tsa?.close());
beforeEach(() => tsa.setMode('ok'));

async function cli(cmd: typeof timestamp, args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await cmd.run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  });
  return { code, stdout, stderr };
}

const file = (name: string) => path.join(tsa.dir, name);

describe('cli timestamp / verify-timestamp', () => {
  it('runs through npm run cli: writes <file>.tsr, prints JSON; verify-timestamp and openssl accept it', async () => {
    await writeFile(file('page.mhtml'), 'MIME-Version: 1.0\r\n\r\npirated page');
    const run = promisify(execFile);
    const env = { ...process.env, TAKEDOWN_TSA_URL: tsa.url };
    const stamped = await run('npm', ['run', '--silent', 'cli', '--', 'timestamp', file('page.mhtml')], {
      cwd: REPO_ROOT,
      env,
    });
    const json = JSON.parse(stamped.stdout);
    expect(Object.keys(json).sort()).toEqual(['genTime', 'policy', 'serialNumber', 'sha256', 'tsa']);
    expect(json.sha256).toMatch(/^[0-9a-f]{64}$/);
    const tsr = file('page.mhtml.tsr');
    expect((await readFile(tsr)).byteLength).toBeGreaterThan(500);
    const args = ['run', '--silent', 'cli', '--', 'verify-timestamp', file('page.mhtml'), tsr, '--ca', tsa.files.root];
    const verified = await run('npm', args, { cwd: REPO_ROOT, env });
    expect(JSON.parse(verified.stdout)).toMatchObject({
      ok: true,
      sha256: json.sha256,
      serialNumber: json.serialNumber,
    });
    expect(
      await openssl(['ts', '-verify', '-data', file('page.mhtml'), '-in', tsr, '-CAfile', tsa.files.root], tsa.dir),
    ).toContain('OK');
  });

  it('--tsa and --out override the defaults; a changed file and a wrong root fail with the reason', async () => {
    await writeFile(file('shot.png'), 'png bytes');
    const out = await cli(timestamp, [file('shot.png'), '--tsa', tsa.url, '--out', file('custom.tsr')]);
    expect(out.code).toBe(0);
    expect((await cli(verifyTimestamp, [file('shot.png'), file('custom.tsr'), '--ca', tsa.files.root])).code).toBe(0);

    const wrongRoot = await cli(verifyTimestamp, [file('shot.png'), file('custom.tsr'), '--ca', tsa.files.otherRoot]);
    expect(wrongRoot).toMatchObject({ code: 1, stderr: expect.stringMatching(/^not verified \(untrusted\)/) });

    await writeFile(file('shot.png'), 'png bytes, edited');
    const changed = await cli(verifyTimestamp, [file('shot.png'), file('custom.tsr'), '--ca', tsa.files.root]);
    expect(changed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^not verified \(wrong-imprint\)/) });
  });

  it('exits 2 for bad input and says what is missing', async () => {
    await writeFile(file('a.txt'), 'a');
    expect((await cli(timestamp, [file('a.txt')])).stderr).toMatch(/no TSA: pass --tsa/);
    expect((await cli(timestamp, [file('a.txt')])).code).toBe(2);
    expect((await cli(timestamp, [file('a.txt'), '--tsa', 'ftp://x'])).code).toBe(2);
    expect((await cli(timestamp, [file('missing.txt'), '--tsa', tsa.url])).code).toBe(2);
    expect((await cli(timestamp, [])).code).toBe(2);
    expect((await cli(verifyTimestamp, [file('a.txt'), file('a.txt')])).stderr).toMatch(/pass --ca/);
    const notTsr = await cli(verifyTimestamp, [file('a.txt'), file('a.txt'), '--ca', tsa.files.root]);
    expect(notTsr).toMatchObject({ code: 2, stderr: expect.stringMatching(/malformed/) });
    expect((await cli(verifyTimestamp, [file('a.txt'), file('nope.tsr'), '--ca', tsa.files.root])).code).toBe(2);
  });

  it('exits 3 when the TSA reply is refused and 1 when the TSA is down', async () => {
    await writeFile(file('b.txt'), 'b');
    tsa.setMode('no-eku');
    const refused = await cli(timestamp, [file('b.txt'), '--tsa', tsa.url]);
    expect(refused).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/token refused \(not-a-tsa-certificate\)/),
    });
    const down = await cli(timestamp, [file('b.txt'), '--tsa', 'http://127.0.0.1:1/']);
    expect(down).toMatchObject({ code: 1, stderr: expect.stringMatching(/did not answer after 3 tries/) });
  });
});
