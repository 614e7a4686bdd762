import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../lib/backend/headers';
import { LookupResultSchema } from '../../lib/contract';
import { fixtureZone } from '../helpers/loopback-fixture-zone';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';

const HANGING = Array.from({ length: 40 }, (_, i) => `hang-${i}.to`);
const TIMEOUT_MS = 1000;

let stack: LoopbackStack;
beforeAll(async () => {
  // 40 hosts in RIPE space (130.59.0.0/16, each in its own /24) and RIPE never answers.
  stack = await startLoopbackStack({
    zone: fixtureZone(Object.fromEntries(HANGING.map((h, i) => [h, { A: [`130.59.${i}.1`] }]))),
    timeoutMs: TIMEOUT_MS,
  });
});
afterAll(() => stack?.close());

describe('one hanging registry', () => {
  test('does not delay a healthy lookup beyond a bound, and the stuck lookups end by their deadline', async () => {
    stack.rdap.addFault({ server: 'ripe', fault: 'timeout' });
    const { app } = stack.app();
    const get = async (host: string) =>
      app.request(`/v1/lookup?url=${encodeURIComponent(`https://${host}/`)}`, {
        headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
      });
    const started = Date.now();
    const stuck = HANGING.map((h) =>
      get(h).then(async (res) => ({ ms: Date.now() - started, body: LookupResultSchema.parse(await res.json()) })),
    );
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    const healthy = LookupResultSchema.parse(await (await get('azure-host.to')).json());
    const healthyMs = Date.now() - t0;
    expect(healthy.errors, JSON.stringify(healthy.errors)).toEqual([]);
    expect(healthy.recipients.flatMap((r) => r.emails)).toContain('abuse@microsoft.com');
    // The bound: the lookup deadline (3 × the request timeout) plus slack for two shared, loaded cores (today's main took 27 s here).
    expect(healthyMs).toBeLessThan(3 * TIMEOUT_MS + 3000);
    const done = await Promise.all(stuck);
    for (const d of done) {
      expect(d.ms).toBeLessThan(3 * TIMEOUT_MS + 3000);
      expect(d.body.errors.some((e) => e.kind === 'timeout' || e.kind === 'unavailable')).toBe(true);
    }
    // The breaker stopped the queue: far fewer RIPE requests than stuck lookups.
    expect(stack.rdap.count({ server: 'ripe' })).toBeLessThan(12);
  }, 30_000);
});
