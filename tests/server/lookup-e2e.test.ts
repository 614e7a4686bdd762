import { clientRequest } from '../helpers/api-client';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { LookupResultSchema, type LookupResult } from '../../lib/contract';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';
import { fixtureZone } from '../helpers/loopback-fixture-zone';
import { notesText } from '../helpers/notes';

let stack: LoopbackStack;
beforeAll(async () => {
  stack = await startLoopbackStack({
    zone: fixtureZone({ 'ripe-neighbour.to': { A: ['130.59.200.7'] }, 'fault-host.to': { A: ['13.64.9.9'] } }),
  });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.rdap.reset();
  stack.dns.reset();
  stack.whois.clearFaults();
  stack.whois.queries.length = 0;
});

async function get(app: ReturnType<LoopbackStack['app']>['app'], url: string): Promise<LookupResult> {
  const res = await clientRequest(app, `/v1/lookup?url=${encodeURIComponent(url)}`);
  expect(res.status).toBe(200);
  return LookupResultSchema.parse(await res.json());
}

describe('end-to-end lookups through the HTTP API (loopback DNS, RDAP, WHOIS)', () => {
  test.each([
    ['https://azure-host.to/x', 'arin', 'NET-13-64-0-0-1', 8075, 'abuse@microsoft.com'],
    ['https://ripe-host.to/x', 'ripe', '130.59.0.0 - 130.59.255.255', 559, 'abuse@switch.ch'],
    ['https://apnic-host.to/x', 'apnic', '203.119.100.0 - 203.119.103.255', 4608, 'abuse@apnic.net'],
    ['https://lacnic-host.to/x', 'lacnic', '200.40.0.0/17', 6057, 'ipadmin@antel.net.uy'],
    ['https://registrobr-host.to/x', 'registro.br', '200.160.0.0/20', 22548, 'cert@cert.br'],
    ['https://afrinic-host.to/x', 'afrinic', '196.11.239.0 - 196.11.246.255', 16637, 'abuse@mtnbusiness.co.za'],
  ])('%s → %s network %s', async (url, rir, handle, asn, email) => {
    const { app } = stack.app();
    const r = await get(app, url);
    expect(r.addresses[0]!.network).toMatchObject({ rir, handle });
    expect(r.addresses[0]!.asn).toBe(asn);
    const host = r.recipients.find((p) => p.role === 'host');
    expect(host).toBeDefined();
    if (email) expect(host!.emails).toContain(email);
    else expect(host!.emails.length).toBeGreaterThan(0);
    expect(r.errors).toEqual([]);
  });

  test('registro.br: LACNIC redirects to the NIR; the missing RDAP e-mail comes from port-43 WHOIS', async () => {
    const { app } = stack.app();
    await get(app, 'https://registrobr-host.to/');
    expect(stack.rdap.count({ server: 'lacnic', kind: 'ip' })).toBe(1);
    expect(stack.rdap.count({ server: 'registrobr', kind: 'ip' })).toBe(1);
    expect(stack.whois.count('whois.lacnic.net', '200.160.2.3')).toBe(1);
  });

  test('Verisign .com → registrar RDAP through the related link; registrar abuse first-class', async () => {
    const { app } = stack.app();
    const r = await get(app, 'https://www.google.com/search');
    expect(r.registrableDomain).toBe('google.com');
    expect(stack.rdap.count({ server: 'verisign-com', kind: 'domain' })).toBe(1);
    expect(stack.rdap.count({ server: 'markmonitor', kind: 'domain' })).toBe(1);
    const registrar = r.recipients.find((p) => p.role === 'registrar');
    expect(registrar?.name).toMatch(/MarkMonitor/i);
    expect(registrar?.emails).toContain('abusecomplaints@markmonitor.com');
    expect(r.addresses.map((a) => a.network?.handle)).toEqual(['NET-74-125-0-0-1', 'NET6-2001-4860-1']);
  });

  test.each([
    ['https://www.afnic.fr/', 'afnic', 'support@afnic.fr'],
    ['https://www.norway.no/', 'norid', 'kundeservice@domeneshop.no'],
  ])('ccTLD %s via %s RDAP', async (url, server, email) => {
    const { app } = stack.app();
    const r = await get(app, url);
    expect(stack.rdap.count({ server, kind: 'domain' })).toBe(1);
    expect(r.recipients.find((p) => p.role === 'registrar')?.emails).toContain(email);
  });

  test('.cn has no RDAP: registrar from CNNIC port-43 WHOIS, no abuse e-mail', async () => {
    const { app } = stack.app();
    const r = await get(app, 'https://www.pirate-books.cn/book/1');
    expect(stack.whois.count('whois.cnnic.cn', 'pirate-books.cn')).toBe(1);
    const registrar = r.recipients.find((p) => p.role === 'registrar');
    expect(registrar).toMatchObject({ name: '阿里云计算有限公司（万网）', emails: [], source: 'whois' });
    expect(stack.rdap.count({ kind: 'domain' })).toBe(0);
  });

  test('CDN: Cloudflare IP → CDN recipient first, with a hidden-origin note and the evidence', async () => {
    const { app } = stack.app();
    const r = await get(app, 'https://www.pirate-site.to/movie');
    expect(r.cdn?.name).toBe('Cloudflare');
    expect(r.cdn?.evidence.join(' ')).toMatch(/cname:pirate-site\.to\.cdn\.cloudflare\.net/);
    expect(r.recipients[0]).toMatchObject({ role: 'cdn', name: 'Cloudflare' });
    expect(notesText(r.recipients[0]!.notes)).toMatch(/origin/i);
    expect(r.addresses.map((a) => a.network?.handle)).toEqual(['NET-104-16-0-0-1', 'NET6-2606-4700-1']);
  });

  test('a name that resolves only to private/loopback addresses: no RDAP, a private_target error', async () => {
    const { app } = stack.app();
    const r = await get(app, 'https://private-only.to/');
    expect(r.errors).toContainEqual(expect.objectContaining({ step: 'dns', kind: 'private_target' }));
    expect(r.recipients.filter((p) => p.role === 'host')).toEqual([]);
    expect(stack.rdap.count({ kind: 'ip' })).toBe(0);
  });

  test.each([
    ['429', { fault: '429' as const, retryAfter: 1 }, 'rate_limited'],
    ['LACNIC-style 200 rate-limit notice', { fault: 'lacnic-rate-limit' as const }, 'rate_limited'],
    ['503', { fault: '503' as const }, 'unavailable'],
    ['timeout', { fault: 'timeout' as const }, 'timeout'],
    ['malformed JSON', { fault: 'malformed' as const }, 'invalid_response'],
  ])('RDAP %s → partial result with errors[] rdap-ip/%s', async (_name, fault, kind) => {
    const { app } = stack.app();
    stack.rdap.addFault({ server: 'arin', kind: 'ip', path: 'ip/13.64.9.9', ...fault });
    const r = await get(app, 'https://fault-host.to/');
    expect(r.errors).toContainEqual(expect.objectContaining({ step: 'rdap-ip', kind }));
    // Partial, not failed: DNS, ASN and the domain's registrar (WHOIS) still answer.
    expect(r.addresses[0]!.ip).toBe('13.64.9.9');
    expect(r.recipients.find((p) => p.role === 'registrar')?.emails).toContain('abuse@tonic.to');
  });

  test('DNS SERVFAIL and timeout → errors[] step dns', async () => {
    const { app } = stack.app();
    stack.dns.addFault({ name: 'azure-host.to', fault: 'servfail' });
    const r = await get(app, 'https://azure-host.to/');
    expect(r.errors).toContainEqual(expect.objectContaining({ step: 'dns', kind: 'unavailable' }));
    stack.dns.addFault({ name: 'ripe-host.to', fault: 'timeout' });
    const t = await get(app, 'https://ripe-host.to/');
    expect(t.errors).toContainEqual(expect.objectContaining({ step: 'dns', kind: 'timeout' }));
  });
});

describe('cache', () => {
  test('a second site on the same network asks RDAP nothing; after the TTL it asks again', async () => {
    let t = Date.parse('2026-03-01T00:00:00Z');
    const { app } = stack.app({ now: () => new Date(t) });
    await get(app, 'https://ripe-host.to/');
    const ipQueries = stack.rdap.count({ kind: 'ip' });
    expect(ipQueries).toBeGreaterThan(0);
    const second = await get(app, 'https://ripe-neighbour.to/');
    expect(second.addresses[0]!.network?.handle).toBe('130.59.0.0 - 130.59.255.255');
    expect(stack.rdap.count({ kind: 'ip' })).toBe(ipQueries);
    t += 3 * 24 * 60 * 60 * 1000;
    await get(app, 'https://ripe-neighbour.to/');
    expect(stack.rdap.count({ kind: 'ip' })).toBeGreaterThan(ipQueries);
  });
});
