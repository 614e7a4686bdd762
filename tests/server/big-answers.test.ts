import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LookupResultSchema } from '../../lib/contract';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../lib/backend/headers';
import { startServer, type Served } from '../../lib/server/serve';
import { fixtureZone } from '../helpers/loopback-fixture-zone';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';

let stack: LoopbackStack;
let served: Served;
beforeAll(async () => {
  stack = await startLoopbackStack({
    zone: fixtureZone({ 'big-2mb.to': { A: ['130.59.9.9'] }, 'big-50mb.to': { A: ['200.40.1.1'] } }),
    timeoutMs: 8000,
  });
  served = await startServer(stack.app().app.fetch, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await served?.close();
  await stack?.close();
});

async function lookup(url: string) {
  const started = Date.now();
  const res = await fetch(`http://127.0.0.1:${served.port}/v1/lookup?url=${encodeURIComponent(url)}`, {
    headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
  });
  expect(res.status).toBe(200);
  return { body: LookupResultSchema.parse(await res.json()), ms: Date.now() - started };
}

describe('oversized RDAP answers through the real server', () => {
  test('2 MB and 50 MB answers are refused quickly, the process survives, and a healthy lookup still works', async () => {
    stack.rdap.addFault({ server: 'ripe', kind: 'ip', fault: 'oversized', bytes: 2_000_000 });
    stack.rdap.addFault({ server: 'lacnic', kind: 'ip', fault: 'oversized', bytes: 50 * 1024 * 1024 });

    const two = await lookup('https://big-2mb.to/');
    // 2 MB is under the 2 MiB cap: read once and rejected as an answer without a range, not a stall.
    expect(two.body.errors.some((e) => e.step === 'rdap-ip' && e.kind === 'invalid_response')).toBe(true);
    expect(two.ms).toBeLessThan(6000);

    const fifty = await lookup('https://big-50mb.to/');
    expect(fifty.body.errors).toContainEqual(
      expect.objectContaining({
        step: 'rdap-ip',
        kind: 'invalid_response',
        message: expect.stringMatching(/larger than/),
      }),
    );
    expect(fifty.ms).toBeLessThan(6000);

    const healthy = await lookup('https://azure-host.to/');
    expect(healthy.body.errors).toEqual([]);
    expect(healthy.body.recipients.flatMap((r) => r.emails)).toContain('abuse@microsoft.com');
  }, 30_000);
});
