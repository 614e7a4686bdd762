import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const guard = path.resolve('lib/server/process-guard.ts');
const script = (install: boolean) => `
  import { installProcessGuards } from ${JSON.stringify(guard)};
  ${install ? 'installProcessGuards((line) => console.log(line));' : ''}
  Promise.reject(new Error('registry answer went wrong'));
  setTimeout(() => console.log('still serving'), 50);
`;

describe('process guard', () => {
  test('an unhandled rejection is logged and the process keeps running', () => {
    const run = spawnSync('npx', ['tsx', '-e', script(true)], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toMatch(/unhandled rejection .*registry answer went wrong/);
    expect(run.stdout).toMatch(/still serving/);
    expect(run.status).toBe(0);
  });

  test('without it, Node 20 exits on the same rejection (what the guard prevents)', () => {
    const run = spawnSync('npx', ['tsx', '-e', script(false)], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).not.toMatch(/still serving/);
    expect(run.status).not.toBe(0);
  });
});
