import { describe, expect, it } from 'vitest';
import { createRangeCoalescingFetch } from '../../lib/server/rdap-range-fetch';

describe('coalesced domain queries', () => {
  it('let every caller cancel a 404 body without waiting on the others', async () => {
    let calls = 0;
    const inner = (async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return new Response('{"errorCode":404}', { status: 404, headers: { 'content-type': 'application/rdap+json' } });
    }) as unknown as typeof fetch;
    const f = createRangeCoalescingFetch(inner, { now: () => new Date() });
    const url = 'https://rdap.example/domain/pirate.to';
    const [a, b] = await Promise.all([f(url), f(url)]);
    expect(calls).toBe(1);
    expect([a.status, b.status]).toEqual([404, 404]);
    // Cancelling one caller's body must settle even though the other caller never reads its own.
    await a.body?.cancel();
    expect(await b.json()).toEqual({ errorCode: 404 });
  });
});
