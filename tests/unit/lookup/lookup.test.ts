import { describe, expect, it } from 'vitest';
import { LookupResultSchema } from '../../../lib/contract';
import { cymruOriginName } from '../../../lib/lookup/asn';
import { lookup } from '../../../lib/lookup/lookup';
import type { LookupDeps, WhoisRecord } from '../../../lib/lookup/types';
import { readRdapFixture } from '../../helpers/fixtures';
import {
  createFakeFetch,
  fakeResolver,
  FIXED_NOW,
  recordingSleep,
  type FakeRoute,
} from '../../helpers/fake-rdap-fetch';
import { notesText } from '../../helpers/notes';
import { noteText } from '../../../lib/model/note-text';

const ARIN = 'https://rdap.arin.net/registry/';
const MSFT: FakeRoute = { fixture: 'arin-ip-13.64.0.0-msft-abuse-nested-in-org-2022.json' };
const cymru = (ip: string, txt: string) => ({ [`${cymruOriginName(ip)} TXT`]: [txt] });

function setup(
  routes: Record<string, FakeRoute | FakeRoute[]>,
  dns: Record<string, string[] | 'throw'> = {},
  extra: Partial<LookupDeps> = {},
) {
  const f = createFakeFetch(routes);
  const r = fakeResolver(dns);
  const s = recordingSleep();
  const deps: LookupDeps = { fetch: f.fetch, resolve: r.resolve, now: () => FIXED_NOW, sleep: s.sleep, ...extra };
  return { f, r, deps, waits: s.waits, rdap: () => f.requests.filter((u) => !u.startsWith('https://data.iana.org/')) };
}

describe('lookup()', () => {
  it('a directory entry outranks raw RDAP: Azure space gets the MSRC channel, source directory+rdap', async () => {
    const { deps } = setup(
      { [`${ARIN}ip/13.64.1.1`]: MSFT },
      cymru('13.64.1.1', '8075 | 13.64.0.0/11 | US | arin | 2015-11-03'),
    );
    const res = await lookup('http://13.64.1.1/movie.mp4', deps);
    expect(LookupResultSchema.safeParse(res).success).toBe(true);
    expect(res.addresses).toEqual([
      {
        ip: '13.64.1.1',
        asn: 8075,
        network: { handle: 'NET-13-64-0-0-1', name: 'MSFT', cidr: '13.64.0.0/11', country: null, rir: 'arin' },
      },
    ]);
    const host = res.recipients.find((r) => r.role === 'host')!;
    expect(host).toMatchObject({
      providerId: 'azure',
      source: 'directory+rdap',
      kind: 'cloud',
      emails: ['abuse@microsoft.com'],
      formUrl: 'https://msrc.microsoft.com/report/abuse',
      language: 'en',
    });
    expect(noteText(host.notes[0]!)).toMatch(/directory.*outranks the raw RDAP contact/);
    expect(host.notes.some((n) => n.code === 'provider_unverified')).toBe(true);
    expect(host.network).toEqual({ ip: '13.64.1.1', handle: 'NET-13-64-0-0-1', asn: 8075, cidr: '13.64.0.0/11' });
    expect(res.errors).toEqual([]);
  });

  it('an unknown host gets the raw RDAP abuse contact (source rdap) and the registry desk last', async () => {
    const { deps } = setup({
      'https://rdap.apnic.net/ip/210.107.1.1': { fixture: 'ipwhois2015-apnic-ipv4-210-107-krnic-irt-abuse.json' },
    });
    const res = await lookup('210.107.1.1', deps);
    expect(res.recipients.map((r) => r.role)).toEqual(['host', 'registry']);
    expect(res.recipients[0]).toMatchObject({ source: 'rdap', country: 'KR', kind: 'unknown' });
    expect(res.recipients[0]!.emails).toContain('abuse@bora.net');
    expect(res.recipients[0]!.emails).not.toContain('hostmaster@nic.or.kr');
    expect(res.recipients[1]).toMatchObject({ emails: ['hostmaster@nic.or.kr'] });
    expect(noteText(res.recipients[1]!.notes[0]!)).toMatch(/Registry desk, not the operator/);
    expect(res.recipients[1]!.confidence).toBeLessThan(res.recipients[0]!.confidence);
  });

  it('cache by range: a second IP in the same network costs zero RDAP requests', async () => {
    const { deps, rdap } = setup({ [`${ARIN}ip/13.64.1.1`]: MSFT, [`${ARIN}ip/13.100.200.1`]: MSFT });
    await lookup('http://13.64.1.1/', deps);
    expect(rdap()).toHaveLength(1);
    const second = await lookup('http://13.100.200.1/', deps);
    expect(rdap()).toHaveLength(1);
    expect(second.addresses[0]!.network?.handle).toBe('NET-13-64-0-0-1');
    expect(second.recipients[0]!.providerId).toBe('azure');
  });

  it('single flight: concurrent lookups of IPs in the same /24 make one RDAP request', async () => {
    const { deps, rdap } = setup({ [`${ARIN}ip/13.64.1.1`]: MSFT, [`${ARIN}ip/13.64.1.77`]: MSFT });
    const results = await Promise.all([lookup('http://13.64.1.1/', deps), lookup('http://13.64.1.77/', deps)]);
    expect(rdap()).toHaveLength(1);
    expect(results.every((r) => r.addresses[0]!.network?.handle === 'NET-13-64-0-0-1')).toBe(true);
  });

  it('the bootstrap is fetched once across many lookups', async () => {
    const { f, deps } = setup({ [`${ARIN}ip/13.64.1.1`]: MSFT });
    await Promise.all(['13.64.1.1', '13.64.2.1', '13.64.3.1'].map((ip) => lookup(ip, deps)));
    expect(f.count((u) => u.endsWith('/ipv4.json'))).toBe(1);
  });

  it('a name that resolves only to private addresses gives private_target and makes no RDAP query', async () => {
    const { f, deps } = setup({}, { 'intranet.example.com A': ['10.0.0.5'], 'intranet.example.com AAAA': ['fd00::5'] });
    const res = await lookup('https://intranet.example.com/wiki', deps);
    expect(res.errors).toEqual([expect.objectContaining({ step: 'dns', kind: 'private_target' })]);
    expect(res.recipients).toEqual([]);
    expect(f.requests).toEqual([]);
  });

  it('private IP literals are refused at input', async () => {
    const { f, deps } = setup({});
    const res = await lookup('http://192.168.0.1/admin', deps);
    expect(res.errors).toEqual([expect.objectContaining({ step: 'input', kind: 'private_target' })]);
    expect(f.requests).toEqual([]);
  });

  it('Cloudflare in front: the CDN recipient comes first, its RDAP contact never becomes the host, the registrar follows', async () => {
    const { deps, rdap } = setup(
      {
        [`${ARIN}ip/2606:4700::6810:101`]: { fixture: 'arin-ipv6-2606-4700-4700--1111-cloudflare-2024.json' },
        'https://rdap.verisign.com/com/v1/domain/themarquetry.com': {
          fixture: 'verisign-com-domain-THEMARQUETRY.COM-2022.json',
        },
      },
      { 'www.themarquetry.com AAAA': ['2606:4700::6810:101'], 'themarquetry.com NS': ['ada.ns.cloudflare.com'] },
    );
    const res = await lookup('https://www.themarquetry.com/stolen', deps, { headers: { 'CF-Ray': '8a1b-FRA' } });
    expect(res.recipients.map((r) => r.role)).toEqual(['cdn', 'registrar']);
    expect(res.cdn!.name).toBe('Cloudflare');
    expect(res.cdn!.evidence).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ip-in:cloudflare/), 'ns:ada.ns.cloudflare.com', 'header:cf-ray']),
    );
    expect(noteText(res.cdn!.note!)).toMatch(/origin host is hidden/);
    const cdn = res.recipients[0];
    expect(cdn).toMatchObject({ providerId: 'cloudflare', kind: 'cdn', formUrl: 'https://abuse.cloudflare.com/' });
    expect(noteText(cdn!.notes[0]!)).toMatch(/origin host is hidden.*forward.*disclose the origin/);
    const registrar = res.recipients[1];
    expect(registrar).toMatchObject({
      providerId: 'registrar-eu',
      kind: 'registrar',
      source: 'directory+rdap',
      emails: ['abuse@registrar.eu'],
    });
    // The registrar's own RDAP (related link) is not in the fixtures: a partial result names the failed step.
    expect(res.errors).toEqual([expect.objectContaining({ step: 'rdap-registrar', kind: 'not_found' })]);
    expect(rdap()).toContain('https://rdap.registrar.eu/v1/domain/THEMARQUETRY.COM');
  });

  it('thin registry → registrar hop: the same abuse address from both hops appears once', async () => {
    const { deps } = setup(
      {
        'https://rdap.verisign.com/com/v1/domain/google.com': { fixture: 'verisign-com-domain-google.com-2024.json' },
        'https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM': {
          fixture: 'registrar-markmonitor-domain-GOOGLE.COM-2024.json',
        },
      },
      { 'www.google.com A': [] },
    );
    const res = await lookup('www.google.com', deps);
    const reg = res.recipients.find((r) => r.role === 'registrar')!;
    expect(reg).toMatchObject({ providerId: 'markmonitor', emails: ['abusecomplaints@markmonitor.com'] });
    expect(reg.notes.filter((n) => /abusecomplaints/.test(noteText(n)))).toEqual([]);
    expect(res.errors).toEqual([expect.objectContaining({ step: 'dns', kind: 'not_found' })]);
  });

  it('a TLD without RDAP (.cn) uses WHOIS when the backend provides it, and says so otherwise', async () => {
    const whoisCalls: string[] = [];
    const whois = async (q: string, kind: 'domain' | 'ip'): Promise<WhoisRecord | null> => {
      whoisCalls.push(`${kind}:${q}`);
      return kind === 'domain'
        ? {
            server: 'whois.cnnic.cn',
            registrar: '阿里云计算有限公司（万网）',
            registrarUrl: null,
            abuseEmails: ['DomainAbuse@service.aliyun.com'],
            registrantOrg: null,
            country: 'CN',
          }
        : null;
    };
    const dns = { 'www.pirate.cn A': ['47.88.1.1'] };
    const withWhois = setup({}, dns, { whois });
    const res = await lookup('http://www.pirate.cn/', withWhois.deps);
    expect(whoisCalls).toEqual(expect.arrayContaining(['domain:pirate.cn', 'ip:47.88.1.1']));
    const reg = res.recipients.find((r) => r.role === 'registrar')!;
    expect(reg).toMatchObject({ source: 'whois', emails: ['DomainAbuse@service.aliyun.com'] });
    expect(res.errors).toEqual([expect.objectContaining({ step: 'rdap-ip', kind: 'not_found' })]);

    const without = setup({}, dns);
    const res2 = await lookup('http://www.pirate.cn/', without.deps);
    expect(res2.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          step: 'rdap-domain',
          kind: 'not_found',
          message: expect.stringMatching(/no RDAP service.*WHOIS/),
        }),
      ]),
    );
  });

  it('registro.br without an abuse e-mail falls back to port-43 WHOIS on the backend', async () => {
    const whois = async (_q: string, kind: 'domain' | 'ip'): Promise<WhoisRecord | null> =>
      kind === 'ip'
        ? {
            server: 'whois.registro.br',
            registrar: null,
            registrarUrl: null,
            abuseEmails: ['abuse@example-br.net.br'],
            registrantOrg: 'NIC.BR',
            country: 'BR',
          }
        : null;
    const { deps } = setup(
      {
        'https://rdap.lacnic.net/rdap/ip/200.160.1.1': {
          fixture: 'registrobr-ip-200.160.0.0_20-abuse-no-email-cidr0-string-length-TRIMMED-2026.json',
        },
      },
      {},
      { whois },
    );
    const res = await lookup('200.160.1.1', deps);
    const host = res.recipients.find((r) => r.role === 'host')!;
    expect(host.emails).toEqual(['abuse@example-br.net.br']);
    expect(notesText(host.notes)).toMatch(/port-43 WHOIS \(whois\.registro\.br\)/);
    expect(res.addresses[0]!.asn).toBe(22548);
  });

  it('a host record without an operator address escalates to the upstream AS (autnum RDAP + directory)', async () => {
    // Derived from the RADIOLINK network: routed by AS16509 and with its POC e-mails removed.
    const net = readRdapFixture('arin-ipnetwork-192-198-0-0-abuse-poc.json') as Record<string, unknown>;
    const strip = (e: any): any => ({
      ...e,
      vcardArray: e.vcardArray ? ['vcard', e.vcardArray[1].filter((p: unknown[]) => p[0] !== 'email')] : undefined,
      entities: e.entities?.map(strip),
    });
    const variant = { ...net, arin_originas0_originautnums: [16509], entities: (net.entities as unknown[]).map(strip) };
    const { deps, rdap } = setup({
      [`${ARIN}ip/192.198.1.1`]: { json: variant },
      [`${ARIN}autnum/16509`]: { fixture: 'arin-autnum-AS16509-amazon.json' },
    });
    const res = await lookup('192.198.1.1', deps);
    expect(rdap()).toEqual([`${ARIN}ip/192.198.1.1`, `${ARIN}autnum/16509`]);
    expect(res.recipients.map((r) => [r.role, r.providerId])).toEqual([
      ['host', undefined],
      ['upstream', 'aws'],
    ]);
    expect(res.recipients[0]).toMatchObject({ name: 'Radio Link Internet', emails: [] });
    expect(res.recipients[1]).toMatchObject({ kind: 'network', source: 'directory+rdap' });
    expect(notesText(res.recipients[1]!.notes)).toMatch(/Upstream network AS16509/);
  });

  it('a malformed WHOIS record from the backend is an invalid_response error, not a crash', async () => {
    const whois = async () => ({ server: 'whois.example', abuseEmails: 'not-a-list' }) as unknown as WhoisRecord;
    const { deps } = setup({}, { 'www.pirate.cn A': ['47.88.1.1'] }, { whois });
    const res = await lookup('www.pirate.cn', deps);
    expect(res.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ step: 'whois', kind: 'invalid_response' })]),
    );
  });

  it('hostile RDAP JSON becomes an invalid_response error, never an exception', async () => {
    const { deps } = setup({
      [`${ARIN}ip/13.64.1.1`]: { json: { startAddress: ['x'], entities: { not: 'an array' } } },
    });
    const res = await lookup('13.64.1.1', deps);
    expect(res.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ step: 'rdap-ip', kind: 'invalid_response' })]),
    );
    expect(res.addresses[0]!.network).toBeNull();
  });

  it('rate limiting and DNS failures are reported per step with a partial result', async () => {
    const { deps, waits } = setup(
      { [`${ARIN}ip/13.64.1.1`]: { body: '', status: 429, headers: { 'retry-after': '1' } } },
      { 'www.example.com A': ['13.64.1.1'], 'www.example.com AAAA': 'throw' },
      { retries: 1 },
    );
    const res = await lookup('www.example.com', deps);
    expect(waits).toEqual([1000]);
    expect(res.addresses.map((a) => a.ip)).toEqual(['13.64.1.1']);
    expect(res.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ step: 'dns', kind: 'unavailable' }),
        expect.objectContaining({ step: 'rdap-ip', kind: 'rate_limited' }),
      ]),
    );
  });

  it('a CNAME loop is detected and capped', async () => {
    const { deps } = setup({}, { 'a.example.com CNAME': ['b.example.com.'], 'b.example.com CNAME': ['a.example.com'] });
    const res = await lookup('a.example.com', deps);
    expect(res.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ step: 'dns', message: expect.stringMatching(/CNAME loop/) })]),
    );
  });

  it('invalid input returns an input error without throwing', async () => {
    const { deps } = setup({});
    const res = await lookup('javascript:alert(1)', deps);
    expect(res.errors).toEqual([expect.objectContaining({ step: 'input', kind: 'invalid_input' })]);
  });
});
