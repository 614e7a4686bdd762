import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../lib/backend/headers';
import { LookupResultSchema, type LookupResult } from '../../lib/contract';
import { lookup } from '../../lib/lookup';
import { fixtureZone } from '../helpers/loopback-fixture-zone';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';

let stack: LoopbackStack;
beforeAll(async () => {
  stack = await startLoopbackStack({
    zone: fixtureZone({
      'inward.to': { A: ['10.0.0.5', '192.168.7.7'] },
      'half-inward.to': { A: ['13.64.9.9', '10.0.0.6'] },
      'afrinic-neighbour.to': { A: ['196.11.241.9'] },
    }),
  });
});
afterAll(() => stack?.close());
beforeEach(() => {
  stack.rdap.reset();
  stack.whois.queries.length = 0;
});

async function get(app: ReturnType<LoopbackStack['app']>['app'], url: string): Promise<LookupResult> {
  const res = await app.request(`/v1/lookup?url=${encodeURIComponent(url)}`, {
    headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
  });
  expect(res.status).toBe(200);
  return LookupResultSchema.parse(await res.json());
}

describe('lookup robustness', () => {
  test('the private addresses a lookup refuses are never echoed', async () => {
    const { app } = stack.app();
    const inward = await get(app, 'https://inward.to/');
    expect(inward.errors).toContainEqual(expect.objectContaining({ kind: 'private_target' }));
    expect(inward.addresses).toEqual([]);
    expect(JSON.stringify(inward)).not.toMatch(/10\.0\.0\.5|192\.168\.7\.7/);
    const half = await get(app, 'https://half-inward.to/');
    expect(half.addresses.map((a) => a.ip)).toEqual(['13.64.9.9']);
    expect(JSON.stringify(half)).not.toMatch(/10\.0\.0\.6/);
  });

  test('a registrar-hop error is cached with the domain result: the cached lookup says what the first said', async () => {
    const { deps } = stack.app();
    stack.rdap.addFault({ server: 'markmonitor', kind: 'domain', fault: '404' });
    const first = await lookup('https://www.google.com/', deps);
    expect(first.errors).toContainEqual(expect.objectContaining({ step: 'rdap-registrar' }));
    const second = await lookup('https://www.google.com/', deps);
    expect(stack.rdap.count({ server: 'verisign-com', kind: 'domain' })).toBe(1);
    expect(second.errors).toContainEqual(expect.objectContaining({ step: 'rdap-registrar' }));
  });

  test('WHOIS completes the network record before it is cached: a neighbour costs neither RDAP nor WHOIS', async () => {
    const { app } = stack.app();
    const first = await get(app, 'https://afrinic-host.to/');
    const second = await get(app, 'https://afrinic-neighbour.to/');
    for (const r of [first, second])
      expect(r.recipients.find((p) => p.role === 'host')?.emails).toContain('abuse@mtnbusiness.co.za');
    expect(stack.rdap.count({ server: 'afrinic', kind: 'ip' })).toBe(1);
    expect(stack.whois.count('whois.afrinic.net')).toBe(1);
  });
});
