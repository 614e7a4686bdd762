import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DexieLookupCache } from '../../../lib/db/lookup-cache';
import { openDb } from '../../../lib/db/schema';
import { browserBatch } from '../../../lib/lookup/browser-batch';
import { createBrowserLookupDeps } from '../../../lib/lookup/browser-deps';
import { lookup } from '../../../lib/lookup/lookup';
import { backendOnlyGaps } from '../../../lib/report/lookup-mode';
import type { LookupResult } from '../../../lib/contract';
import { type LoopbackDns } from '../../helpers/loopback-dns';
import { startLoopbackDoh, type LoopbackDoh } from '../../helpers/loopback-doh';
import { fixtureZone } from '../../helpers/loopback-fixture-zone';
import { startLoopbackStack, type LoopbackStack } from '../../helpers/loopback-stack';
import { freshDb, freshDbName } from '../../helpers/fresh-db';

// A site on AWS behind CloudFront (54.192.0.0/16 is in AWS's published CLOUDFRONT ranges; AS16509).
const ZONE = fixtureZone({
  'aws-host.to': { A: ['54.192.10.20'] },
  '*.192.54.origin.asn.cymru.com': { TXT: ['16509 | 54.192.0.0/16 | US | arin | 2015-09-02'] },
});

const who = (r: LookupResult) =>
  r.recipients.map((x) => ({
    role: x.role,
    name: x.name,
    emails: [...x.emails].sort(),
    formUrl: x.formUrl,
    source: x.source,
  }));

describe('browser lookup mode: DoH + RDAP over fetch + IndexedDB cache, against the loopback servers', () => {
  let stack: LoopbackStack;
  let dns: LoopbackDns;
  let doh: LoopbackDoh;
  beforeAll(async () => {
    stack = await startLoopbackStack({ zone: ZONE });
    dns = stack.dns;
    doh = await startLoopbackDoh({ upstream: dns });
  });
  afterAll(async () => {
    await doh.close();
    await stack.close();
  });
  const made: { flush: () => Promise<void> }[] = [];
  // A fault a test added is cleared even when that test fails, so it cannot leak into the next one; the caches'
  // pending writes land before the test's databases are deleted (tests/helpers/setup-unit.ts).
  afterEach(async () => {
    stack.rdap.clearFaults();
    for (const b of made.splice(0)) await b.flush();
  });

  const browser = (opts: { format?: 'json' | 'wire'; granted?: string[] } = {}) => {
    const b = createBrowserLookupDeps({
      resolver: { url: opts.format === 'wire' ? doh.wireUrl : doh.jsonUrl, format: opts.format ?? 'json' },
      fetch,
      cache: new DexieLookupCache(freshDb('browser-deps')),
      bootstrapBase: stack.rdap.bootstrapBase,
      allowLoopbackHttp: true,
      grantedOrigins: opts.granted,
      timeoutMs: 1500,
    });
    made.push(b);
    return b;
  };

  for (const host of [
    'pirate-site.to',
    'www.pirate-site.to',
    'aws-host.to',
    'ripe-host.to',
    'www.google.com',
  ] as const) {
    it(`${host}: the same recipients as the backend`, async () => {
      const { service } = stack.app();
      const viaBackend = await service.lookup(`https://${host}/watch/1`);
      const b = browser({ format: host.length % 2 ? 'wire' : 'json' });
      const viaBrowser = await lookup(`https://${host}/watch/1`, b.deps);
      // Port-43 WHOIS is the backend's alone (.to has no RDAP): the browser names that gap instead.
      expect(who(viaBrowser)).toEqual(who(viaBackend).filter((r) => r.source !== 'whois'));
      expect(viaBrowser.recipients.length).toBeGreaterThan(0);
      if (viaBackend.recipients.some((r) => r.source === 'whois')) {
        expect(backendOnlyGaps(viaBrowser, 'browser')).toContainEqual({ kind: 'whois-domain', subject: '.to' });
      }
      expect(viaBrowser.cdn?.name ?? null).toBe(viaBackend.cdn?.name ?? null);
      expect(b.corsGaps).toEqual([]);
    });
  }

  it('a second lookup in the same network and domain asks no registry, even from a new page (IndexedDB)', async () => {
    const name = freshDbName('browser-deps-persist');
    const make = () => {
      const b = createBrowserLookupDeps({
        resolver: { url: doh.jsonUrl, format: 'json' },
        fetch,
        cache: new DexieLookupCache(openDb(name)),
        bootstrapBase: stack.rdap.bootstrapBase,
        allowLoopbackHttp: true,
      });
      made.push(b);
      return b;
    };
    const first = make();
    await lookup('https://ripe-host.to/a', first.deps);
    await first.flush();
    stack.rdap.reset();
    const again = await lookup('https://www.themarquetry.com/b', make().deps);
    expect(again.recipients.some((r) => r.emails.includes('abuse@switch.ch'))).toBe(true);
    expect(stack.rdap.count({ kind: 'ip' })).toBe(0);
    expect(stack.rdap.count({ kind: 'bootstrap' })).toBe(0);
  });

  it('refusals match the backend: private and loopback targets never reach DoH or RDAP', async () => {
    const b = browser();
    stack.rdap.reset();
    const before = doh.count();
    for (const input of [
      'http://127.0.0.1/x',
      'http://10.0.0.5/',
      'http://localhost/',
      'http://[::1]/',
      'http://169.254.169.254/latest',
    ]) {
      const r = await lookup(input, b.deps);
      expect(r.errors[0]).toMatchObject({ step: 'input' });
      expect(['private_target', 'invalid_input']).toContain(r.errors[0]!.kind);
    }
    expect(doh.count()).toBe(before);
    expect(stack.rdap.requests.length).toBe(0);
  });

  it('a resolver answering private addresses for a public name is reported and its answer is not used', async () => {
    stack.rdap.reset();
    const r = await lookup('https://private-only.to/', browser().deps);
    expect(r.errors.find((e) => e.step === 'dns')?.message).toMatch(/filtering or lying/);
    expect(r.addresses).toEqual([]);
    expect(stack.rdap.count({ kind: 'ip' })).toBe(0);
  });

  it('hostile RDAP JSON gives invalid_response', async () => {
    stack.rdap.addFault({ server: 'ripe', kind: 'ip', fault: 'deep', times: 1 });
    const r = await lookup('https://ripe-host.to/', browser().deps);
    expect(r.errors).toContainEqual(expect.objectContaining({ step: 'rdap-ip', kind: 'invalid_response' }));
  });

  it('what only the backend can do is named: .cn WHOIS, AFRINIC abuse lines', async () => {
    const cn = await lookup('https://www.pirate-books.cn/', browser().deps);
    expect(backendOnlyGaps(cn, 'browser')).toContainEqual({ kind: 'whois-domain', subject: '.cn' });
    const af = await lookup('https://afrinic-host.to/', browser().deps);
    expect(backendOnlyGaps(af, 'browser')).toContainEqual({ kind: 'afrinic-abuse', subject: '196.11.240.215' });
    expect(backendOnlyGaps(af, 'backend')).toEqual([]);
  });

  it('bulk: one RDAP request per network and per domain, with progress', async () => {
    const b = browser();
    stack.rdap.reset();
    const urls = [
      'ripe-host.to',
      'www.themarquetry.com',
      'www.norway.no',
      'pirate-site.to',
      'www.cloudflare.com',
      'azure-host.to',
      'example.com',
      'ripe-host.to',
    ].map((h, i) => `https://${h}/p/${i}`);
    const seen: number[] = [];
    const res = await browserBatch(urls, b.deps, { onProgress: (done) => seen.push(done) });
    expect(res.stats).toMatchObject({ urls: 8, hosts: 7, failed: 0 });
    expect(seen.at(-1)).toBe(7);
    // Networks: SWITCH (3 hosts), Cloudflare v4 + v6, Microsoft (2 hosts); domains: 6 with RDAP (.to has none).
    const ipRequests = stack.rdap.requests.filter((r) => r.kind === 'ip' && r.status === 200).length;
    expect(ipRequests).toBe(res.stats.networks);
    const domainRequests = stack.rdap.requests.filter((r) => r.kind === 'domain');
    expect(new Set(domainRequests.map((r) => `${r.server}/${r.path}`)).size).toBe(domainRequests.length);
  });

  it('a registry without CORS is a named gap; once the user allows that origin it is read', async () => {
    stack.rdap.addFault({ server: 'ripe', kind: 'ip', fault: 'no-cors' });
    const b = browser();
    const r = await lookup('https://ripe-host.to/', b.deps);
    expect(b.corsGaps).toEqual([stack.rdap.origin]);
    expect(r.errors).toContainEqual(
      expect.objectContaining({
        step: 'rdap-ip',
        kind: 'unavailable',
        message: expect.stringMatching(/no CORS header/),
      }),
    );
    const allowed = browser({ granted: [stack.rdap.origin] });
    const ok = await lookup('https://ripe-host.to/', allowed.deps);
    expect(allowed.corsGaps).toEqual([]);
    expect(ok.recipients.some((x) => x.emails.includes('abuse@switch.ch'))).toBe(true);
  });
});
