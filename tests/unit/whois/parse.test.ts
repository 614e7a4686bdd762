import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseWhois } from '../../../lib/whois/parse';
import { whoisReferral } from '../../../lib/whois/referral';
import { parseWhoisRecord } from '../../../lib/whois/record';
import { DEFAULT_WHOIS_SERVERS } from '../../helpers/loopback-whois';

const reply = (server: string, query: string): string => {
  const r = DEFAULT_WHOIS_SERVERS[server]![query] ?? DEFAULT_WHOIS_SERVERS[server]!['*'];
  const text = typeof r === 'function' ? r(query) : r;
  if (text == null) throw new Error(`no canned reply for ${query} at ${server}`);
  return text;
};

describe('parseWhois', () => {
  test('gTLD registry reply: registrar, URL, abuse e-mail and phone', () => {
    const r = parseWhois(reply('whois.verisign-grs.com', 'themarquetry.com'), 'whois.verisign-grs.com');
    expect(r.registrar).toBe('Hosting Concepts B.V. d/b/a Registrar.eu');
    expect(r.registrarUrl).toBe('http://www.registrar.eu/');
    expect(r.abuseEmails).toEqual(['abuse@registrar.eu']);
    expect(r.abusePhone).toBe('+31.104482297');
    expect(r.server).toBe('whois.verisign-grs.com');
  });

  test('registrar reply: REDACTED placeholders are dropped, real values kept', () => {
    const r = parseWhois(reply('whois.registrar.eu', 'themarquetry.com'), 'whois.registrar.eu');
    expect(r.registrantOrg).toBe('The Marquetry Workshop');
    expect(r.country).toBe('NL');
    expect(r.abuseEmails).toEqual(['abuse@registrar.eu']);
  });

  test('CNNIC: Chinese registrar, registrant, no abuse e-mail', () => {
    const r = parseWhois(reply('whois.cnnic.cn', 'pirate-books.cn'), 'whois.cnnic.cn');
    expect(r.registrar).toBe('阿里云计算有限公司（万网）');
    expect(r.registrantOrg).toBe('某某影视传媒有限公司');
    expect(r.abuseEmails).toEqual([]);
    expect(r.country).toBeNull();
  });

  test("AFRINIC: '% Abuse contact for … is …' comment, range, org and country", () => {
    const r = parseWhois(reply('whois.afrinic.net', '196.11.240.215'), 'whois.afrinic.net');
    expect(r.abuseEmails).toEqual(['abuse@mtnbusiness.co.za']);
    expect(r.range).toBe('196.11.239.0 - 196.11.246.255');
    expect(r.country).toBe('ZA');
    expect(r.registrantOrg).toBe('MTN Business Solutions');
  });

  test('registro.br: abuse-c handle resolved to the e-mail of its block', () => {
    const r = parseWhois(reply('whois.lacnic.net', '200.160.2.3'), 'whois.lacnic.net');
    expect(r.abuseEmails).toEqual(['cert@cert.br']);
    expect(r.registrantOrg).toMatch(/NIC\.BR/);
    expect(r.range).toBe('200.160.0.0/20');
  });

  test('RIPE abuse-mailbox and ARIN OrgAbuseEmail', () => {
    expect(
      parseWhois(
        'inetnum: 130.59.0.0 - 130.59.255.255\nnetname: SWITCH-LAN\nabuse-mailbox: Abuse@Switch.ch\ncountry: CH\n',
        'whois.ripe.net',
      ),
    ).toMatchObject({
      abuseEmails: ['abuse@switch.ch'],
      networkName: 'SWITCH-LAN',
      country: 'CH',
    });
    expect(
      parseWhois(
        'NetRange: 13.64.0.0 - 13.107.255.255\nOrgName: Microsoft Corporation\nOrgAbuseEmail: abuse@microsoft.com\nOrgAbusePhone: +1-425-882-8080\n',
        'whois.arin.net',
      ),
    ).toMatchObject({
      abuseEmails: ['abuse@microsoft.com'],
      abusePhone: '+1-425-882-8080',
      registrantOrg: 'Microsoft Corporation',
      range: '13.64.0.0 - 13.107.255.255',
    });
  });

  test('placeholders never become contacts', () => {
    const r = parseWhois(
      'Registrar: REDACTED FOR PRIVACY\nRegistrant Organization: DATA REDACTED\nRegistrar Abuse Contact Email: Please query the RDDS service of the Registrar of Record\nCountry: REDACTED\n',
      's',
    );
    expect(r).toMatchObject({ registrar: null, registrantOrg: null, abuseEmails: [], country: null });
  });

  test('never throws on arbitrary input, and stays within its caps', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc
            .array(
              fc.constantFrom(
                'abuse-c: X\n',
                'nic-hdl: X\n',
                'e-mail: a@b.cd\n',
                '\n',
                "% Abuse contact for 'x' is ''\n",
                'Registrar: ',
                ':',
                'x'.repeat(600),
              ),
            )
            .map((a) => a.join('')),
        ),
        fc.string(),
        (text, server) => {
          const r = parseWhois(text, server);
          expect(r.abuseEmails.length).toBeLessThanOrEqual(20);
          expect(r.registrar === null || r.registrar.length <= 500).toBe(true);
          expect(() => whoisReferral(text)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
    expect(() => parseWhois(undefined as unknown as string, undefined as unknown as string)).not.toThrow();
  });
});

describe('parseWhois output always passes the WhoisRecord boundary check (no answer rejected whole)', () => {
  const pieces = [
    'Registrar Abuse Contact Email: ',
    'abuse-mailbox: a..b@example.com\n',
    'Registrar Email: .x@y.zz\n',
    "e-mail: o'neil@example.com\n",
    'Registrar IANA ID: 0292\n',
    'Registrar: MarkMonitor, Inc. (R22-LRCC)\n',
    'Registrar:\n   ',
    'registrant: AB12-X\n\ncontact: AB12-X\norg: ',
    'x@y.z',
    '\n',
    ' ',
    'y'.repeat(700),
  ];
  test('property: arbitrary line soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.string(), (parts, server) => {
        const checked = parseWhoisRecord(parseWhois(parts.join(''), server));
        expect(checked.ok ? '' : checked.message).toBe('');
      }),
      { numRuns: 400 },
    );
  });

  test('a 300 KB answer is kept (raw clipped), not rejected', () => {
    const text = `Domain Name: example.com\nRegistrar: Example Registrar\n${'% filler line\n'.repeat(25_000)}`;
    const checked = parseWhoisRecord(parseWhois(text, 'whois.example'));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.record.registrar).toBe('Example Registrar');
  });
});

describe('whoisReferral', () => {
  test('IANA refer:, registrar WHOIS server, ARIN whois:// referral', () => {
    expect(whoisReferral(reply('whois.iana.org', 'cn'))).toBe('whois.cnnic.cn');
    expect(whoisReferral(reply('whois.verisign-grs.com', 'themarquetry.com'))).toBe('whois.registrar.eu');
    expect(whoisReferral('ReferralServer:  whois://whois.ripe.net\n')).toBe('whois.ripe.net');
    expect(whoisReferral('ReferralServer: rwhois://rwhois.example.net:4321\n')).toBeNull();
    expect(whoisReferral('refer: not a host!\n')).toBeNull();
  });
});
