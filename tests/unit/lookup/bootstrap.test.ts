import { describe, expect, it } from 'vitest';
import {
  findAsnBase,
  findDomainBase,
  findIpBase,
  loadBootstrap,
  maxAgeMs,
  rdapBaseForIp,
} from '../../../lib/lookup/bootstrap';
import { runtimeFor } from '../../../lib/lookup/runtime';
import type { LookupDeps } from '../../../lib/lookup/types';
import {
  BOOTSTRAP_BASE,
  createFakeFetch,
  fakeResolver,
  FIXED_NOW,
  recordingSleep,
} from '../../helpers/fake-rdap-fetch';

function setup(extra: Partial<LookupDeps> = {}) {
  const f = createFakeFetch();
  let now = FIXED_NOW.getTime();
  const deps: LookupDeps = {
    fetch: f.fetch,
    resolve: fakeResolver({}).resolve,
    now: () => new Date(now),
    ...recordingSleep(),
    ...extra,
  };
  return { f, deps, advance: (ms: number) => (now += ms) };
}

describe('IANA bootstrap', () => {
  it('longest-prefix IPv4/IPv6, ASN ranges and bare numbers, TLD suffix; https preferred', async () => {
    const { deps } = setup();
    const rt = runtimeFor(deps);
    expect(findIpBase(rt, await loadBootstrap(deps, 'ipv4'), '13.64.1.1')).toBe('https://rdap.arin.net/registry/');
    expect(findIpBase(rt, await loadBootstrap(deps, 'ipv4'), '62.239.237.1')).toBe('https://rdap.db.ripe.net/');
    // Legacy space is listed under ARIN, which redirects to the holder (docs/rdap-quirks.md §1).
    expect(findIpBase(rt, await loadBootstrap(deps, 'ipv4'), '130.59.31.80')).toBe('https://rdap.arin.net/registry/');
    expect(findIpBase(rt, await loadBootstrap(deps, 'ipv4'), '200.160.0.1')).toBe('https://rdap.lacnic.net/rdap/');
    expect(findIpBase(rt, await loadBootstrap(deps, 'ipv6'), '2606:4700::1')).toBe('https://rdap.arin.net/registry/');
    const asn = await loadBootstrap(deps, 'asn');
    expect(findAsnBase(rt, asn, 13335)).toBe('https://rdap.arin.net/registry/');
    expect(findAsnBase(rt, asn, 2043)).toBe('https://rdap.db.ripe.net/');
    const dns = await loadBootstrap(deps, 'dns');
    expect(findDomainBase(rt, dns, 'www.google.com')).toBe('https://rdap.verisign.com/com/v1/');
    expect(findDomainBase(rt, dns, 'x.samsung')).toBe('https://nic.samsung:8443/rdap/');
    expect(findDomainBase(rt, dns, 'example.cn')).toBeNull();
  });

  it('fetches each file once and caches it for Cache-Control max-age', async () => {
    const { f, deps, advance } = setup();
    await Promise.all([rdapBaseForIp(deps, '1.1.1.1'), rdapBaseForIp(deps, '8.8.8.8'), rdapBaseForIp(deps, '9.9.9.9')]);
    expect(f.count((u) => u === `${BOOTSTRAP_BASE}ipv4.json`)).toBe(1);
    advance(86_399_000);
    await rdapBaseForIp(deps, '1.1.1.1');
    expect(f.count((u) => u === `${BOOTSTRAP_BASE}ipv4.json`)).toBe(1);
    advance(2000);
    await rdapBaseForIp(deps, '1.1.1.1');
    expect(f.count((u) => u === `${BOOTSTRAP_BASE}ipv4.json`)).toBe(2);
  });

  it('http-only servers are skipped under the default https-only policy', async () => {
    const { deps } = setup();
    const rt = runtimeFor(deps);
    const file = { version: '1.0', services: [[['example'], ['http://rdap.example/']]] as [string[], string[]][] };
    expect(findDomainBase(rt, file, 'a.example')).toBeNull();
  });

  it('a malformed bootstrap file is an invalid_response error', async () => {
    const { f, deps } = setup();
    f.route(`${BOOTSTRAP_BASE}asn.json`, { json: { version: '1.0', services: 'nope' } });
    await expect(loadBootstrap(deps, 'asn')).rejects.toMatchObject({ step: 'bootstrap', kind: 'invalid_response' });
  });

  it('max-age parsing', () => {
    expect(maxAgeMs('public, max-age=600')).toBe(600_000);
    expect(maxAgeMs(null)).toBe(86_400_000);
    expect(maxAgeMs('no-store, max-age=5')).toBe(0);
  });
});
