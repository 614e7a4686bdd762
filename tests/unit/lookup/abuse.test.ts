import { describe, expect, it } from 'vitest';
import { extractContacts } from '../../../lib/lookup/abuse';
import { parseRdap } from '../../../lib/lookup/rdap-client';
import { parseNetwork } from '../../../lib/lookup/rdap-network';
import { readRdapFixture } from '../../helpers/fixtures';
import { notesText } from '../../helpers/notes';
import { noteText } from '../../../lib/model/note-text';

const load = (name: string) => parseRdap(readRdapFixture(name), 'rdap-ip');
const net = (name: string, url: string | null = null) => parseNetwork(load(name), url)!;

describe('abuse contacts: one test per registry quirk (docs/rdap-quirks.md §4)', () => {
  it('ARIN: abuse nested only under the registrant org (MSFT)', () => {
    const n = net(
      'arin-ip-13.64.0.0-msft-abuse-nested-in-org-2022.json',
      'https://rdap.arin.net/registry/ip/13.64.0.0',
    );
    expect(n.contacts[0]).toMatchObject({
      handle: 'MAC74-ARIN',
      emails: ['abuse@microsoft.com'],
      isAbuseRole: true,
      scope: 'network',
      depth: 1,
    });
    expect(notesText(n.contacts[0]!.notes)).toMatch(/Listed under Microsoft Corporation/);
    expect(n.rir).toBe('arin');
    expect(n.country).toBeNull();
    expect(n.orgName).toBe('Microsoft Corporation');
  });

  it('ARIN: multi-block cidr0 and an empty origin-AS list mean "unknown"', () => {
    const n = net('arin-ip-13.64.0.0-msft-abuse-nested-in-org-2022.json');
    expect(n.cidrs).toEqual(['13.64.0.0/11', '13.96.0.0/13', '13.104.0.0/14']);
    expect(n.cidr).toBe('13.64.0.0/11');
    expect(n.originAsn).toBeNull();
  });

  it('ARIN: the same person POC at two depths is deduped', () => {
    const n = net('arin-ipnetwork-192-198-0-0-abuse-poc.json');
    const petsi = n.contacts.filter((c) => c.handle === 'PETSI-ARIN');
    expect(petsi).toHaveLength(1);
    expect(petsi[0]!.emails).toEqual(['daniel.petsinger@radiolinkinternet.com']);
    expect(n.originAsn).toBe(53301);
  });

  it('ARIN: the dedicated abuse POC outranks a mixed-role POC (Google v6)', () => {
    const n = net('arin-ipv6-2001-4860-google-2021.json');
    expect(n.contacts.map((c) => c.emails[0])).toEqual(['network-abuse@google.com', 'arin-contact@google.com']);
    expect(n.originAsn).toBe(15169);
  });

  it('ARIN: the same abuse handle at top level and nested appears once (Cloudflare v6)', () => {
    const n = net('arin-ipv6-2606-4700-4700--1111-cloudflare-2024.json');
    expect(n.contacts.filter((c) => c.emails.includes('abuse@cloudflare.com'))).toHaveLength(1);
    expect(n.originAsn).toBe(13335);
  });

  it('ARIN 2015: zero-padded IPv4 start/end are canonicalised', () => {
    const n = net('ipwhois2015-arin-ipv4-google-zero-padded-start.json');
    expect([n.startAddress, n.endAddress, n.cidr]).toEqual(['74.125.0.0', '74.125.255.255', '74.125.0.0/16']);
    expect(n.contacts[0]!.emails).toEqual(['arin-contact@google.com']);
  });

  it('ARIN 2015: expanded upper-case IPv6 start/end are canonicalised', () => {
    const n = net('ipwhois2015-arin-ipv6-google-dns.json');
    expect([n.startAddress, n.endAddress, n.cidr]).toEqual([
      '2001:4860::',
      '2001:4860:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:4860::/32',
    ]);
  });

  it('ARIN: fake 555 phone numbers on Amazon POCs are dropped and the nested abuse POC is found', () => {
    const { contacts, notes } = extractContacts(load('arin-autnum-AS16509-amazon.json'), 'autnum');
    expect(contacts[0]).toMatchObject({ handle: 'AEA8-ARIN', emails: ['abuse@amazonaws.com'], phones: [] });
    expect(notesText(notes)).toMatch(/placeholder number/);
  });

  it('RIPE: abuse-c with the address twice (type email / type abuse) gives one address', () => {
    const n = net('ripe-ip-130.59.0.0-switch-abuse-c-2022.json', 'https://rdap.db.ripe.net/ip/130.59.31.80');
    expect(n.contacts[0]).toMatchObject({ handle: 'AR31930-RIPE', emails: ['abuse@switch.ch'], isAbuseRole: true });
    expect(n.rir).toBe('ripe');
    expect(n.country).toBe('CH');
    expect(notesText(n.notes!)).toMatch(/filtered personal e-mail/);
  });

  it('RIPE 2015: no objectClassName and /32 suffixes on addresses', () => {
    const n = net('ipwhois2015-ripe-ipv4-62-239-237-bt-range-handle.json');
    expect([n.startAddress, n.endAddress, n.cidr]).toEqual(['62.239.237.0', '62.239.237.255', '62.239.237.0/24']);
    expect(n.contacts[0]!.emails).toHaveLength(3);
    const v6 = net('ipwhois2015-ripe-ipv6-2a00-2381-bt-abuse-nested.json');
    expect(v6.cidr).toBe('2a00:2381:ffff::/64');
  });

  it('APNIC: pref "1" beats document order (helpdesk@ listed first, abuse@ preferred)', () => {
    const n = net('apnic-ip-203.119.100.0_22-irt-pref-abuse-2026.json', 'https://rdap.apnic.net/ip/203.119.100.0');
    expect(n.contacts[0]!.emails[0]).toBe('abuse@apnic.net');
    // APNIC's own space: its desk address is the operator here, not a registry desk.
    expect(n.contacts[0]!.scope).toBe('network');
  });

  it('APNIC: the IRT e-mail listed twice is deduped; org text from the "description" remark', () => {
    const n = net('apnic-ip-1.1.1.1-irt-abuse-2024.json', 'https://rdap.apnic.net/ip/1.1.1.1');
    expect(n.contacts[0]).toMatchObject({ handle: 'IRT-APNICRANDNET-AU', emails: ['helpdesk@apnic.net'] });
    expect(n.orgName).toBe('APNIC and Cloudflare DNS Resolver project');
    expect(n.cidr).toBe('1.1.1.0/24');
  });

  it("KRNIC: the IRT desk is flagged registry-desk and the operator's own address comes first", () => {
    const n = net('ipwhois2015-apnic-ipv4-210-107-krnic-irt-abuse.json');
    const desk = n.contacts.find((c) => c.handle === 'IRT-KRNIC-KR')!;
    expect(desk.scope).toBe('registry-desk');
    expect(n.contacts[n.contacts.length - 1]).toBe(desk);
    expect(n.contacts[0]!.emails).toContain('abuse@bora.net');
    expect(n.contacts[0]!.scope).not.toBe('registry-desk');
  });

  it('CNNIC: IRT-CNNIC-CN / ipas@cnnic.cn is a registry desk, never the host', () => {
    const data = load('apnic-ip-1.1.1.1-irt-abuse-2024.json');
    const irt = data.entities!.find((e) => e.handle === 'IRT-APNICRANDNET-AU')!;
    irt.handle = 'IRT-CNNIC-CN';
    irt.vcardArray = [
      'vcard',
      [
        ['fn', {}, 'text', 'IRT-CNNIC-CN'],
        ['email', { pref: '1' }, 'text', 'ipas@cnnic.cn'],
      ],
    ];
    const org = data.entities!.find((e) => e.handle === 'ORG-ARAD1-AP')!;
    org.vcardArray = [
      'vcard',
      [
        ['fn', {}, 'text', 'Hangzhou Alibaba Advertising Co.,Ltd.'],
        ['kind', {}, 'text', 'org'],
        ['email', {}, 'text', 'ipadmin@alibaba-inc.com'],
      ],
    ];
    data.remarks = [];
    const n = parseNetwork(data, 'https://rdap.apnic.net/ip/47.88.1.1')!;
    const desk = n.contacts.find((c) => c.emails.includes('ipas@cnnic.cn'))!;
    expect(desk.scope).toBe('registry-desk');
    expect(notesText(desk.notes)).toMatch(/CNNIC says it is not an ISP/);
    expect(n.contacts[0]!.scope).not.toBe('registry-desk');
  });

  it('JPNIC: no abuse entity; the JPNIC hostmaster is a registry desk', () => {
    const n = net('ipwhois2015-apnic-ipv6-2001-240-jpnic.json');
    expect(n.contacts).toHaveLength(1);
    expect(n.contacts[0]).toMatchObject({
      emails: ['hostmaster@nic.ad.jp'],
      scope: 'registry-desk',
      isAbuseRole: false,
    });
  });

  it('LACNIC: abuse role shared with technical; origin AS as "AS6057" strings', () => {
    const n = net(
      'lacnic-ip-200.40.0.0_17-antel-member-TRIMMED-2026.json',
      'https://rdap.lacnic.net/rdap/ip/200.40.0.1',
    );
    expect(n.contacts[0]).toMatchObject({ handle: 'ANU', emails: ['ipadmin@antel.net.uy'], isAbuseRole: true });
    expect(n.contacts[0]!.phones[0]).toContain('#0000');
    expect(n.originAsn).toBe(6057);
    expect(n.rir).toBe('lacnic');
  });

  it('LACNIC own space: ipadmin@lacnic.net is valid there and not flagged', () => {
    const n = net('lacnic-ip-200.3.12.0_22-lacnic-own-2026.json');
    expect(n.contacts[0]).toMatchObject({ emails: ['ipadmin@lacnic.net'], scope: 'network' });
    expect(n.originAsn).toBe(28001);
  });

  it('LACNIC outside its own space: ipadmin@lacnic.net is a registry desk', () => {
    const data = load('lacnic-ip-200.40.0.0_17-antel-member-TRIMMED-2026.json');
    const anu = data.entities!.find((e) => e.handle === 'ANU')!;
    anu.vcardArray = [
      'vcard',
      [
        ['fn', {}, 'text', 'LACNIC desk'],
        ['email', {}, 'text', 'ipadmin@lacnic.net'],
      ],
    ];
    const n = parseNetwork(data, null)!;
    expect(n.contacts.find((c) => c.emails.includes('ipadmin@lacnic.net'))!.scope).toBe('registry-desk');
  });

  it('LACNIC: the removed@lacnic.net placeholder is ignored and noted', () => {
    const data = load('lacnic-ip-200.40.0.0_17-antel-member-TRIMMED-2026.json');
    const anu = data.entities!.find((e) => e.handle === 'ANU')!;
    anu.vcardArray = [
      'vcard',
      [
        ['fn', {}, 'text', 'ANTEL URUGUAY'],
        ['email', {}, 'text', 'removed@lacnic.net'],
      ],
    ];
    const n = parseNetwork(data, null)!;
    expect(n.contacts.flatMap((c) => c.emails)).not.toContain('removed@lacnic.net');
    expect(notesText(n.notes!)).toMatch(/removed@lacnic\.net/);
  });

  it('LACNIC 2015: handle/start/end are the queried IP; uncompressed IPv6', () => {
    const n = net('ipwhois2015-lacnic-ipv4-200-57-141-mx.json');
    expect([n.startAddress, n.endAddress, n.cidr]).toEqual(['200.57.141.161', '200.57.141.161', '200.57.141.161/32']);
    expect(n.contacts[0]!.emails).toEqual(['operacion.redes@TRIARA.COM']);
    const v6 = net('ipwhois2015-lacnic-ipv6-2801-10-c000-co.json');
    expect(v6.startAddress).toBe('2801:10:c000::');
  });

  it('registro.br: abuse entity without e-mail is kept with its name and a note; cidr0 length as a string', () => {
    const n = net(
      'registrobr-ip-200.160.0.0_20-abuse-no-email-cidr0-string-length-TRIMMED-2026.json',
      'https://rdap.registro.br/ip/200.160.0.1',
    );
    const abuse = n.contacts.find((c) => c.isAbuseRole)!;
    expect(abuse).toMatchObject({ handle: 'FAN', name: 'Frederico Augusto de Carvalho Neves', emails: [] });
    expect(notesText(abuse.notes)).toMatch(/No e-mail in RDAP.*web form or phone/);
    expect(n.cidr).toBe('200.160.0.0/20');
    expect(n.originAsn).toBe(22548);
    expect(n.rir).toBe('registro.br');
    expect(notesText(n.notes!)).toMatch(/truncated/);
  });

  it('AFRINIC: entities without roles fall back to org / other e-mails, flagged as not abuse contacts', () => {
    const n = net('ipwhois2015-afrinic-ipv4-196-11-240-no-roles.json');
    expect(n.contacts.length).toBeGreaterThan(0);
    expect(n.contacts.every((c) => !c.isAbuseRole)).toBe(true);
    expect(n.contacts[0]).toMatchObject({ emails: ['teixei_a@mtn.co.za'], scope: 'org' });
    expect(notesText(n.notes!)).toMatch(/no abuse contact/);
    const v6 = net('ipwhois2015-afrinic-ipv6-2001-43f8-7b0-no-roles.json');
    expect(v6.handle).toBe('2001:43f8:07b0::/48');
    expect(v6.cidr).toBe('2001:43f8:7b0::/48');
  });

  it('Verisign thin registry: handle-less nested registrar abuse entity with fn ""', () => {
    const r = extractContacts(load('verisign-com-domain-google.com-2024.json'), 'domain');
    expect(r.contacts[0]).toMatchObject({
      handle: null,
      emails: ['abusecomplaints@markmonitor.com'],
      phones: ['+1.2086851750'],
      scope: 'registrar',
      isAbuseRole: true,
    });
    expect(r.registrar).toMatchObject({ name: 'MarkMonitor Inc.', ianaId: '292' });
  });

  it('.click: registrar IANA id only as the handle (no publicIds)', () => {
    const r = extractContacts(load('gtld-domain-microsoft.click-registrar-abuse.json'), 'domain');
    expect(r.registrar).toMatchObject({ ianaId: '292', name: 'MarkMonitor Inc.' });
    expect(r.contacts[0]!.emails).toEqual(['abusecomplaints@markmonitor.com']);
  });

  it('Cloudflare registrar: DATA REDACTED contacts are ignored and noted; registrar abuse found', () => {
    const r = extractContacts(load('registrar-cloudflare-domain-cloudflare.com-redacted-2024.json'), 'domain');
    expect(r.contacts[0]!.emails).toEqual(['registrar-abuse@cloudflare.com']);
    expect(r.contacts.flatMap((c) => c.phones).some((p) => /REDACTED/.test(p))).toBe(false);
    expect(notesText(r.notes)).toMatch(/DATA REDACTED/);
  });

  it('RFC 9537 redacted[] entries become notes, including one without a method', () => {
    const r = extractContacts(load('synthetic-domain-example.com-rfc9537-redacted.json'), 'domain');
    expect(r.notes.some((n) => /RFC 9537.*Registrant Email/.test(noteText(n)))).toBe(true);
    // A method the server leaves out is shown as a dash, in any language.
    expect(
      r.notes.some((n) => (n.code === 'redacted' || n.code === 'redacted_reason') && n.params.method === '—'),
    ).toBe(true);
    expect(r.contacts[0]!.emails).toEqual(['abuse@organization.example']);
  });

  it('AFNIC: registrar repeated 4 times, no abuse entity: one registrar fallback contact', () => {
    const r = extractContacts(load('cctld-domain-afnic.fr.json'), 'domain');
    expect(r.contacts).toHaveLength(1);
    expect(r.contacts[0]).toMatchObject({ scope: 'registrar', isAbuseRole: false, emails: ['support@afnic.fr'] });
  });
});
