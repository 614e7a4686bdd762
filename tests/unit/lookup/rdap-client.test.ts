import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractContacts } from '../../../lib/lookup/abuse';
import {
  MAX_BODY_BYTES,
  parseRdap,
  parseRdapText,
  parseRetryAfter,
  rdapClientFor,
} from '../../../lib/lookup/rdap-client';
import { parseNetwork } from '../../../lib/lookup/rdap-network';
import { LookupFailure, type LookupDeps } from '../../../lib/lookup/types';
import {
  createFakeFetch,
  fakeResolver,
  FIXED_NOW,
  readFixtureText,
  recordingSleep,
  type FakeRoute,
} from '../../helpers/fake-rdap-fetch';
import { requestUrl } from '../../helpers/request-url';

const URL1 = 'https://rdap.arin.net/registry/ip/13.64.1.1';
const MSFT: FakeRoute = { fixture: 'arin-ip-13.64.0.0-msft-abuse-nested-in-org-2022.json' };

function setup(routes: Record<string, FakeRoute | FakeRoute[]>, extra: Partial<LookupDeps> = {}) {
  const f = createFakeFetch(routes, { bootstrap: false });
  const s = recordingSleep();
  const deps: LookupDeps = {
    fetch: f.fetch,
    resolve: fakeResolver({}).resolve,
    now: () => FIXED_NOW,
    sleep: s.sleep,
    ...extra,
  };
  return { f, waits: s.waits, client: rdapClientFor(deps) };
}

const lacnicNotice = {
  rdapConformance: ['rdap_level_0'],
  notices: [{ title: 'Rate Limit Notice', description: ['Rate Limit is maxed at 10 queries per 1 minutes.'] }],
};

describe('RDAP client', () => {
  it('sends Accept: application/rdap+json and returns validated data', async () => {
    const { f, client } = setup({ [URL1]: MSFT });
    const r = await client.getRdap(URL1, 'rdap-ip');
    expect(r.data.handle).toBe('NET-13-64-0-0-1');
    expect(f.accepts[0]).toMatch(/^application\/rdap\+json/);
  });

  it('429 with Retry-After seconds: waits that long, then succeeds', async () => {
    const { f, waits, client } = setup({
      [URL1]: [
        { body: '<html>slow down</html>', status: 429, headers: { 'retry-after': '3', 'content-type': 'text/html' } },
        MSFT,
      ],
    });
    await client.getRdap(URL1, 'rdap-ip');
    expect(waits).toEqual([3000]);
    expect(f.requests).toHaveLength(2);
  });

  it('429 with an HTTP-date Retry-After is measured from the injected clock; one beyond the cap fails at once', async () => {
    const date = new Date(FIXED_NOW.getTime() + 5000).toUTCString();
    const { f, waits, client } = setup(
      {
        [URL1]: [
          { body: '', status: 429, headers: { 'retry-after': date } },
          { body: '', status: 429, headers: { 'retry-after': '3600' } },
          MSFT,
        ],
      },
      { maxRetryWaitMs: 7000 },
    );
    await expect(client.getRdap(URL1, 'rdap-ip')).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 3_600_000,
    });
    expect(waits).toEqual([5000]);
    // The registry asked for an hour: later queries fail at once instead of each being refused again.
    await expect(client.getRdap(URL1, 'rdap-ip')).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(f.requests).toHaveLength(2);
  });

  it('429 beyond the retry budget is a rate_limited error', async () => {
    const { f, client } = setup({ [URL1]: { body: '', status: 429 } }, { retries: 2 });
    await expect(client.getRdap(URL1, 'rdap-ip')).rejects.toMatchObject({ kind: 'rate_limited', step: 'rdap-ip' });
    expect(f.requests).toHaveLength(3);
  });

  it('LACNIC HTTP 200 "Rate Limit Notice" is a rate limit: failed at once (LACNIC blocks for minutes), then held', async () => {
    const u = 'https://rdap.lacnic.net/rdap/ip/200.40.0.1';
    const { f, waits, client } = setup(
      { [u]: [{ json: lacnicNotice }, { fixture: 'lacnic-ip-200.40.0.0_17-antel-member-TRIMMED-2026.json' }] },
      { maxRetryWaitMs: 2000 },
    );
    await expect(client.getRdap(u, 'rdap-ip')).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(waits).toEqual([]);
    await expect(client.getRdap(u, 'rdap-ip')).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(f.requests).toHaveLength(1);
  });

  it('503 is retried with exponential backoff', async () => {
    const { waits, client } = setup({ [URL1]: [{ body: 'down', status: 503 }, { body: 'down', status: 503 }, MSFT] });
    await client.getRdap(URL1, 'rdap-ip');
    expect(waits).toEqual([1000, 2000]);
  });

  it('gTLD 403 "Number of allowed queries exceeded" and 422 "too fast" are rate limits; a plain 403 is not retried', async () => {
    const u = 'https://rdap.nic.biz/domain/x.biz';
    const a = setup({ [u]: { body: '<html>Number of allowed queries exceeded.</html>', status: 403 } }, { retries: 1 });
    await expect(a.client.getRdap(u, 'rdap-domain')).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(a.f.requests).toHaveLength(2);
    const b = setup(
      { [u]: { json: { errorCode: 422, title: 'Your access is too fast' }, status: 422 } },
      { retries: 0 },
    );
    await expect(b.client.getRdap(u, 'rdap-domain')).rejects.toMatchObject({ kind: 'rate_limited' });
    const c = setup({ [u]: { body: 'Forbidden', status: 403 } });
    await expect(c.client.getRdap(u, 'rdap-domain')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(c.f.requests).toHaveLength(1);
  });

  it('404 is not_found and is not retried; RIPE 501 error object is unavailable', async () => {
    const a = setup({});
    await expect(a.client.getRdap(URL1, 'rdap-ip')).rejects.toMatchObject({ kind: 'not_found' });
    expect(a.f.requests).toHaveLength(1);
    const u = 'https://rdap.db.ripe.net/nameserver/x';
    const b = setup({ [u]: { fixture: 'ripe-error-response.json', status: 501 } });
    await expect(b.client.getRdap(u, 'rdap-domain')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(b.f.requests).toHaveLength(1);
  });

  it('a server that never answers times out once, without a retry that would double the wait', async () => {
    const { f, client } = setup({ [URL1]: { hang: true } }, { timeoutMs: 15, retries: 1 });
    await expect(client.getRdap(URL1, 'rdap-ip')).rejects.toMatchObject({ kind: 'timeout' });
    expect(f.requests).toHaveLength(1);
  });

  it('circuit breaker: after 3 timeouts a registry fails fast; after the cooldown one probe closes it again', async () => {
    let t = FIXED_NOW.getTime();
    const urls = [1, 2, 3, 4, 5].map((i) => `https://rdap.arin.net/registry/ip/13.64.0.${i}`);
    const routes: Record<string, FakeRoute> = Object.fromEntries(
      urls.map((u, i) => [u, i === 3 ? MSFT : { hang: true }]),
    );
    const { f, client } = setup(routes, {
      timeoutMs: 15,
      now: () => new Date(t),
      breaker: { threshold: 3, cooldownMs: 30_000 },
    });
    for (const u of urls.slice(0, 3))
      await expect(client.getRdap(u, 'rdap-ip')).rejects.toMatchObject({ kind: 'timeout' });
    const started = Date.now();
    await expect(client.getRdap(urls[3]!, 'rdap-ip')).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/not answering/),
    });
    expect(Date.now() - started).toBeLessThan(15);
    expect(f.requests).toHaveLength(3);
    t += 30_001;
    // Half-open: one probe goes through; its answer closes the circuit, so the next failure counts from zero.
    await expect(client.getRdap(urls[3]!, 'rdap-ip')).resolves.toMatchObject({ data: { handle: 'NET-13-64-0-0-1' } });
    await expect(client.getRdap(urls[4]!, 'rdap-ip')).rejects.toMatchObject({ kind: 'timeout' });
    expect(f.requests).toHaveLength(5);
  });

  it('request budget per registry host: a request beyond it fails at once when the next token is too far away', async () => {
    const urls = [1, 2, 3].map((i) => `https://rdap.lacnic.net/rdap/ip/200.40.0.${i}`);
    const lacnic = { fixture: 'lacnic-ip-200.40.0.0_17-antel-member-TRIMMED-2026.json' } as FakeRoute;
    const { f, client } = setup(Object.fromEntries(urls.map((u) => [u, lacnic])), {
      requestBudgets: { 'rdap.lacnic.net': { perMinute: 2, burst: 2 } },
    });
    await client.getRdap(urls[0]!, 'rdap-ip');
    await client.getRdap(urls[1]!, 'rdap-ip');
    await expect(client.getRdap(urls[2]!, 'rdap-ip')).rejects.toMatchObject({
      kind: 'rate_limited',
      message: expect.stringMatching(/budget/),
    });
    expect(f.requests).toHaveLength(2);
  });

  it('malformed JSON and HTML bodies are invalid_response, not retried', async () => {
    const { f, client } = setup({
      [URL1]: { body: readFixtureText('arin-ip-13.64.0.0-msft-abuse-nested-in-org-2022.json').slice(0, 500) },
    });
    await expect(client.getRdap(URL1, 'rdap-ip')).rejects.toMatchObject({ kind: 'invalid_response' });
    expect(f.requests).toHaveLength(1);
  });

  it('hostile JSON: wrong types, oversized arrays, deep nesting, oversized bodies', async () => {
    const cases: Record<string, FakeRoute> = {
      'https://r.example/wrong': { json: { objectClassName: 'ip network', startAddress: 5, entities: 'x' } },
      'https://r.example/huge': { json: { entities: Array.from({ length: 5000 }, () => ({ handle: 'x' })) } },
      'https://r.example/deep': { body: '['.repeat(100_000) + ']'.repeat(100_000) },
      'https://r.example/big': { body: JSON.stringify({ remarks: [{ description: ['x'.repeat(MAX_BODY_BYTES)] }] }) },
      'https://r.example/nested-entities': {
        json: { entities: [{ entities: [{ entities: [{ entities: [{ roles: 7 }] }] }] }] },
      },
    };
    const { client } = setup(cases);
    for (const u of Object.keys(cases))
      await expect(client.getRdap(u, 'rdap-ip'), u).rejects.toMatchObject({ kind: 'invalid_response' });
  });

  it('follows redirects (ARIN legacy space → RIPE) and re-checks each hop against allowUrl', async () => {
    const arin = 'https://rdap.arin.net/registry/ip/130.59.31.80';
    const ripe = 'https://rdap.db.ripe.net/ip/130.59.31.80';
    const { client } = setup({
      [arin]: { redirect: ripe, status: 301 },
      [ripe]: { fixture: 'ripe-ip-130.59.0.0-switch-abuse-c-2022.json' },
    });
    const r = await client.getRdap(arin, 'rdap-ip');
    expect(r.url).toBe(ripe);
    expect(parseNetwork(r.data, r.url)!.rir).toBe('ripe');

    const evil = setup({ [arin]: { redirect: 'http://169.254.169.254/latest/meta-data' } });
    await expect(evil.client.getRdap(arin, 'rdap-ip')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(evil.f.requests).toEqual([arin]);
  });

  it('refuses non-https and private IP-literal URLs by default', async () => {
    const { f, client } = setup({});
    await expect(client.getRdap('http://rdap.example.net/ip/1.1.1.1', 'rdap-ip')).rejects.toBeInstanceOf(LookupFailure);
    await expect(client.getRdap('https://10.0.0.1/ip/1.1.1.1', 'rdap-ip')).rejects.toMatchObject({
      kind: 'unavailable',
    });
    expect(f.requests).toEqual([]);
  });

  it('coalesces identical in-flight requests and caps concurrency per server', async () => {
    let active = 0;
    let peak = 0;
    const base = createFakeFetch({}, { bootstrap: false });
    const slowFetch = (async (input: RequestInfo | URL) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return new Response(JSON.stringify({ handle: requestUrl(input) }), { status: 200 });
    }) as typeof fetch;
    const deps: LookupDeps = {
      fetch: slowFetch,
      resolve: fakeResolver({}).resolve,
      now: () => FIXED_NOW,
      maxPerServer: 2,
    };
    const client = rdapClientFor(deps);
    const same = await Promise.all([1, 2, 3].map(() => client.getRdap(URL1, 'rdap-ip')));
    expect(new Set(same.map((r) => r.data.handle)).size).toBe(1);
    expect(client.requestCount).toBe(1);
    await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) => client.getRdap(`https://rdap.arin.net/registry/ip/1.1.1.${i}`, 'rdap-ip')),
    );
    expect(peak).toBe(2);
    expect(base.requests).toEqual([]);
  });

  it('Retry-After parsing', () => {
    expect(parseRetryAfter('120', FIXED_NOW)).toBe(120_000);
    expect(parseRetryAfter(new Date(FIXED_NOW.getTime() - 1000).toUTCString(), FIXED_NOW)).toBe(0);
    expect(parseRetryAfter('soon', FIXED_NOW)).toBeNull();
  });
});

describe('RDAP parser properties', () => {
  const onlyInvalidResponse = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(LookupFailure);
      expect((e as LookupFailure).kind).toBe('invalid_response');
    }
  };

  it('never throws anything but invalid_response on random JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        onlyInvalidResponse(() => {
          const data = parseRdapText(text, 'rdap-ip');
          extractContacts(data, 'network');
          extractContacts(data, 'domain');
          parseNetwork(data, null);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('never throws anything but invalid_response on arbitrary values, including RDAP-shaped ones', () => {
    const entity = fc.letrec((tie) => ({
      e: fc.record(
        {
          handle: fc.option(fc.string()),
          roles: fc.option(fc.array(fc.string())),
          vcardArray: fc.option(fc.tuple(fc.constant('vcard'), fc.array(fc.array(fc.anything())))),
          entities: fc.option(fc.array(tie('e'), { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
    })).e;
    const rdapish = fc.record(
      {
        startAddress: fc.option(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())),
        endAddress: fc.option(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())),
        entities: fc.option(fc.array(entity, { maxLength: 4 })),
        cidr0_cidrs: fc.option(
          fc.array(fc.record({ v4prefix: fc.ipV4(), length: fc.oneof(fc.integer(), fc.string()) })),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), rdapish), (value) => {
        onlyInvalidResponse(() => {
          const data = parseRdap(value, 'rdap-ip');
          extractContacts(data, 'network');
          parseNetwork(data, 'https://rdap.arin.net/registry/ip/1.1.1.1');
        });
      }),
      { numRuns: 400 },
    );
  });
});
