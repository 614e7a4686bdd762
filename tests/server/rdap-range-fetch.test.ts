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

describe('learned registry redirects', () => {
  it('a block one registry redirected goes straight to the other: later networks in it cost no redirect', async () => {
    const calls: string[] = [];
    const inner = (async (input: string) => {
      calls.push(input);
      const m = /ip\/130\.59\.(\d+)\.\d+$/.exec(input)!;
      if (input.startsWith('https://rdap.arin.net/'))
        return new Response(null, {
          status: 302,
          headers: { location: `https://rdap.db.ripe.net/ip/130.59.${m[1]}.9` },
        });
      // RIPE holds each /24 as its own network here, so no answer covers the next query.
      const body = {
        objectClassName: 'ip network',
        startAddress: `130.59.${m[1]}.0`,
        endAddress: `130.59.${m[1]}.255`,
      };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/rdap+json' } });
    }) as unknown as typeof fetch;
    const f = createRangeCoalescingFetch(inner, { now: () => new Date() });
    const first = await f('https://rdap.arin.net/registry/ip/130.59.1.9', { redirect: 'manual' });
    expect(first.status).toBe(302);
    await f(first.headers.get('location')!);
    const second = await f('https://rdap.arin.net/registry/ip/130.59.2.9', { redirect: 'manual' });
    expect(second.status).toBe(302);
    expect(second.headers.get('location')).toBe('https://rdap.db.ripe.net/ip/130.59.2.9');
    expect(calls.filter((c) => c.startsWith('https://rdap.arin.net/'))).toHaveLength(1);
  });

  it('a guess the other registry sends back is dropped', async () => {
    let ripeCalls = 0;
    const inner = (async (input: string) => {
      if (input.startsWith('https://rdap.arin.net/')) {
        return input.endsWith('130.59.1.9')
          ? new Response(null, { status: 302, headers: { location: 'https://rdap.db.ripe.net/ip/130.59.1.9' } })
          : new Response(
              JSON.stringify({ objectClassName: 'ip network', startAddress: '130.59.2.0', endAddress: '130.59.2.255' }),
              { status: 200 },
            );
      }
      ripeCalls++;
      return new Response(null, { status: 302, headers: { location: 'https://rdap.arin.net/registry/ip/130.59.2.9' } });
    }) as unknown as typeof fetch;
    const f = createRangeCoalescingFetch(inner, { now: () => new Date() });
    await f('https://rdap.arin.net/registry/ip/130.59.1.9');
    const guess = await f('https://rdap.arin.net/registry/ip/130.59.2.9');
    const back = await f(guess.headers.get('location')!);
    expect(back.headers.get('location')).toBe('https://rdap.arin.net/registry/ip/130.59.2.9');
    expect((await f(back.headers.get('location')!)).status).toBe(200);
    expect(ripeCalls).toBe(1);
  });
});
