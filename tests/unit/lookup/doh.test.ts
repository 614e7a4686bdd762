import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDohResolver, parseDohJson, txtFromPresentation, type DohFormat } from '../../../lib/lookup/doh';
import { LookupFailure } from '../../../lib/lookup/types';
import { startLoopbackDns, type LoopbackDns } from '../../helpers/loopback-dns';
import { startLoopbackDoh, type LoopbackDoh } from '../../helpers/loopback-doh';
import { fixtureZone } from '../../helpers/loopback-fixture-zone';

const loopbackOnly = (u: URL) => u.protocol === 'http:' && u.hostname === '127.0.0.1';

/** A fetch that answers every request with one body, so an answer in a resolver's own shape can be replayed. */
function replay(body: unknown, init: ResponseInit = {}): typeof fetch {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/dns-json' },
      ...init,
    });
}

describe("DoH JSON answers in the resolvers' own shapes", () => {
  // Cloudflare prints TXT data quoted (presentation format); Google prints it bare. Names end with a dot in both.
  const cloudflareCname = {
    Status: 0,
    TC: false,
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: [{ name: 'www.pirate-site.to.', type: 1 }],
    Answer: [
      { name: 'www.pirate-site.to.', type: 5, TTL: 300, data: 'pirate-site.to.cdn.cloudflare.net.' },
      { name: 'pirate-site.to.cdn.cloudflare.net.', type: 1, TTL: 300, data: '104.16.132.229' },
    ],
  };
  const cloudflareTxt = {
    Status: 0,
    TC: false,
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: [{ name: '1.1.1.1.origin.asn.cymru.com.', type: 16 }],
    Answer: [
      {
        name: '1.1.1.1.origin.asn.cymru.com.',
        type: 16,
        TTL: 14400,
        data: '"13335 | 1.1.1.0/24 | AU | apnic | 2011-08-11"',
      },
    ],
  };
  const googleTxt = {
    Status: 0,
    TC: false,
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: [{ name: '1.1.1.1.origin.asn.cymru.com.', type: 16 }],
    Answer: [
      {
        name: '1.1.1.1.origin.asn.cymru.com.',
        type: 16,
        TTL: 14400,
        data: '13335 | 1.1.1.0/24 | AU | apnic | 2011-08-11',
      },
    ],
  };
  const nxdomain = {
    Status: 3,
    TC: false,
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: [{ name: 'nope.to.', type: 1 }],
    Authority: [],
  };

  it("A behind a CNAME: the chain end's addresses; CNAME: the first hop without the trailing dot", async () => {
    const r = createDohResolver({
      url: 'https://cloudflare-dns.com/dns-query',
      format: 'json',
      fetch: replay(cloudflareCname),
    });
    expect(await r('www.pirate-site.to', 'A')).toEqual(['104.16.132.229']);
    expect(await r('www.pirate-site.to', 'CNAME')).toEqual(['pirate-site.to.cdn.cloudflare.net']);
    expect(await r('www.pirate-site.to', 'AAAA')).toEqual([]);
  });

  it('Team Cymru TXT: quoted (Cloudflare) and bare (Google) data give the same string', async () => {
    const cf = createDohResolver({
      url: 'https://cloudflare-dns.com/dns-query',
      format: 'json',
      fetch: replay(cloudflareTxt),
    });
    const gg = createDohResolver({ url: 'https://dns.google/resolve', format: 'json', fetch: replay(googleTxt) });
    const want = ['13335 | 1.1.1.0/24 | AU | apnic | 2011-08-11'];
    expect(await cf('1.1.1.1.origin.asn.cymru.com', 'TXT')).toEqual(want);
    expect(await gg('1.1.1.1.origin.asn.cymru.com', 'TXT')).toEqual(want);
  });

  it('presentation TXT: several strings of one record are joined; escapes are undone', () => {
    expect(txtFromPresentation('"v=spf1 include:a" " -all"')).toBe('v=spf1 include:a -all');
    expect(txtFromPresentation('"say \\"hi\\" \\065"')).toBe('say "hi" A');
  });

  it('NXDOMAIN is an empty answer; SERVFAIL and REFUSED are failures', async () => {
    expect(
      await createDohResolver({ url: 'https://dns.google/resolve', format: 'json', fetch: replay(nxdomain) })(
        'nope.to',
        'A',
      ),
    ).toEqual([]);
    for (const Status of [2, 5]) {
      const r = createDohResolver({
        url: 'https://dns.google/resolve',
        format: 'json',
        fetch: replay({ ...nxdomain, Status }),
      });
      await expect(r('nope.to', 'A')).rejects.toMatchObject({
        step: 'dns',
        kind: 'unavailable',
        message: expect.stringMatching(/SERVFAIL|REFUSED/),
      });
    }
  });

  it('a private address for a public name is a lying resolver: reported, never returned', async () => {
    const lie = { ...cloudflareCname, Answer: [{ name: 'ripe-host.to.', type: 1, TTL: 60, data: '10.0.0.5' }] };
    const r = createDohResolver({
      url: 'https://dns.example-filter.net/dns-query',
      format: 'json',
      fetch: replay(lie),
    });
    const err = await r('ripe-host.to', 'A').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LookupFailure);
    expect(err).toMatchObject({ step: 'dns', kind: 'unavailable' });
    expect((err as Error).message).toMatch(/dns\.example-filter\.net.*10\.0\.0\.5 \(private\).*not used/);
  });

  it('hostile bodies: not JSON, wrong shape, too large, HTTP errors, rate limits', async () => {
    const url = 'https://dns.google/resolve';
    await expect(
      createDohResolver({ url, format: 'json', fetch: replay('<html>') })('a.to', 'A'),
    ).rejects.toMatchObject({ kind: 'invalid_response' });
    await expect(
      createDohResolver({ url, format: 'json', fetch: replay({ Status: 'ok' }) })('a.to', 'A'),
    ).rejects.toMatchObject({ kind: 'invalid_response' });
    await expect(
      createDohResolver({ url, format: 'json', fetch: replay('x'.repeat(70_000)) })('a.to', 'A'),
    ).rejects.toMatchObject({ kind: 'invalid_response' });
    await expect(
      createDohResolver({ url, format: 'json', fetch: replay('', { status: 502 }) })('a.to', 'A'),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(
      createDohResolver({ url, format: 'json', fetch: replay('', { status: 429 }) })('a.to', 'A'),
    ).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(() => parseDohJson({ Status: 0, Answer: [{ name: 'a', type: 1, data: 5 }] }, 'x')).toThrow(LookupFailure);
  });

  it('an unreachable or hanging resolver fails with a sentence, and a plain-http resolver is refused', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(
      createDohResolver({ url: 'https://dns.google/resolve', format: 'json', fetch: down })('a.to', 'A'),
    ).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/dns\.google could not be reached/),
    });
    const hang: typeof fetch = (_u, init) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    await expect(
      createDohResolver({ url: 'https://dns.google/resolve', format: 'json', fetch: hang, timeoutMs: 30 })('a.to', 'A'),
    ).rejects.toMatchObject({ kind: 'timeout' });
    let called = false;
    const spy: typeof fetch = async () => ((called = true), new Response('{}'));
    await expect(
      createDohResolver({ url: 'http://dns.google/resolve', format: 'json', fetch: spy })('a.to', 'A'),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(called).toBe(false);
  });
});

describe('DoH against the loopback DoH server (answers from the fixture zone)', () => {
  let dns: LoopbackDns;
  let doh: LoopbackDoh;
  beforeAll(async () => {
    dns = await startLoopbackDns({ zone: fixtureZone() });
    doh = await startLoopbackDoh({ upstream: dns });
  });
  afterAll(async () => {
    await doh.close();
    await dns.close();
  });

  const resolver = (format: DohFormat) =>
    createDohResolver({ url: format === 'json' ? doh.jsonUrl : doh.wireUrl, format, fetch, allowUrl: loopbackOnly });

  for (const format of ['json', 'wire'] as const) {
    it(`${format}: A, AAAA, CNAME chain, NS and Team Cymru TXT match what node:dns gets from the same zone`, async () => {
      const r = resolver(format);
      expect(await r('www.pirate-site.to', 'CNAME')).toEqual(['pirate-site.to.cdn.cloudflare.net']);
      expect(await r('www.pirate-site.to', 'A')).toEqual(['104.16.132.229']);
      expect(await r('pirate-site.to', 'AAAA')).toEqual(['2606:4700::6810:84e5']);
      expect((await r('pirate-site.to', 'NS')).sort()).toEqual(['adam.ns.cloudflare.com', 'bella.ns.cloudflare.com']);
      expect(await r('80.31.59.130.origin.asn.cymru.com', 'TXT')).toEqual([
        '559 | 130.59.0.0/16 | CH | ripencc | 2010-07-14',
      ]);
      expect(await r('does-not-exist.to', 'A')).toEqual([]);
      expect(await r('nodata.to', 'A')).toEqual([]);
    });

    it(`${format}: SERVFAIL upstream is a failure; private answers are a lie`, async () => {
      const r = resolver(format);
      dns.addFault({ name: 'ripe-host.to', fault: 'servfail', times: 1 });
      await expect(r('ripe-host.to', 'A')).rejects.toMatchObject({
        kind: 'unavailable',
        message: expect.stringMatching(/SERVFAIL/),
      });
      await expect(r('private-only.to', 'A')).rejects.toMatchObject({
        kind: 'unavailable',
        message: expect.stringMatching(/filtering or lying/),
      });
    });
  }

  it('counts one DoH request per question, in the asked format', async () => {
    const before = doh.count('wire');
    await resolver('wire')('ripe-host.to', 'A');
    expect(doh.count('wire')).toBe(before + 1);
  });
});
