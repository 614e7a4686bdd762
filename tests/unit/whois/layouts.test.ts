/** One test per layout class of issue 20, on real answers from the peer corpora (read-only; variants derived here). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWhois, parseWhoisDetailed } from '../../../lib/whois/parse';
import { splitRegistrarName } from '../../../lib/whois/names';
import { tokeniseLine } from '../../../lib/whois/lines';
import { PEERS_DIR } from '../../helpers/peers/load';

const peer = (p: string) => readFileSync(path.join(PEERS_DIR, p), 'utf8');
const lx = (name: string) =>
  parseWhois(peer(`likexian-whois-parser/noterror/${name}`), 'whois.example', name.slice(name.indexOf('_') + 1));

describe('WHOIS layouts as data', () => {
  it('values on the line under the key (.nl .uk .pl .edu .tw)', () => {
    expect(parseWhois(peer('python-whois/whois/app.nl'), 'whois.domain-registry.nl')).toMatchObject({
      registrar: 'Hosting Secure',
      abuseEmails: ['abuse@hostingsecure.com'],
      abusePhone: '+31.0202018165',
    });
    expect(lx('uk_google.uk')).toMatchObject({
      registrar: 'Markmonitor Inc. t/a MarkMonitor Inc.',
      registrarId: 'MARKMONITOR',
      registrarUrl: 'http://www.markmonitor.com/',
    });
    expect(lx('edu_cornell.edu').registrantOrg).toBe('Cornell University');
  });

  it('a section with Name:/Organization: lines (.ee .eu .it)', () => {
    expect(lx('ee_git.ee')).toMatchObject({ registrar: 'Zone Media OÜ', registrarUrl: 'http://www.zone.ee/' });
    // .eu's technical contact's organisation is not the registrant's.
    expect(lx('eu_git.eu')).toMatchObject({ registrar: 'Frankcom EU Service', registrantOrg: null });
    expect(lx('it_git.it')).toMatchObject({ registrar: 'Algorithmedia S.r.l.', registrantOrg: 'Macrosten LTD' });
  });

  it('dot-padded keys (.fi .kz) and keys over 60 characters (.hk)', () => {
    expect(tokeniseLine('registrar..........: Gandi SAS')).toMatchObject({ key: 'registrar', value: 'Gandi SAS' });
    expect(lx('fi_git.fi')).toMatchObject({ registrar: 'Gandi SAS', registrarUrl: 'http://www.gandi.net/' });
    expect(lx('kz_ps.kz').registrantOrg).toBe('TOO "Internet-kompaniya PS", BIN 080840007694');
    expect(lx('hk_google.hk').registrantOrg).toBe('GOOGLE LLC');
  });

  it("a registrant handle resolves to its contact block's organisation, never the handle itself (.at .cz .is)", () => {
    expect(lx('at_0wnz.at').registrantOrg).toBe('Firma Markus Rambossek');
    expect(parseWhois(peer('php-whois/cz/google.cz.txt'), 'whois.nic.cz', 'google.cz').registrantOrg).toBe(
      'Google Inc.',
    );
    const d = parseWhoisDetailed(peer('php-whois/is/google.is.txt'), 'whois.isnic.is', 'google.is');
    expect(d.record.registrantOrg).toBe('Google Inc');
    expect(d.quirks.join(' ')).toMatch(/GI350-IS resolved/);
  });

  it("registrar handles resolve to the registrar's block and stay as an id (.sk .ua)", () => {
    expect(lx('sk_google.sk')).toMatchObject({
      registrar: 'MarkMonitor International Limited',
      registrarId: 'MARK-0292',
    });
    expect(lx('ua_google.ua')).toMatchObject({
      registrar: 'MarkMonitor Inc.',
      registrarId: 'ua.markmonitor',
      registrantOrg: 'Google Inc.',
    });
  });

  it('old Verisign answers: look-alike "Server Name" records are skipped, the queried domain\'s record is read', () => {
    const text = peer('python-whois/whois/google.com');
    expect(parseWhois(text, 'whois.verisign-grs.com', 'google.com').registrar).toBe('MARKMONITOR INC.');
    expect(parseWhoisDetailed(text, 'whois.verisign-grs.com').quirks.join(' ')).toMatch(/look-alike/);
    expect(
      parseWhois(peer('python-whois/whois/microsoft.com'), 'whois.verisign-grs.com', 'microsoft.com').registrar,
    ).toBe('TUCOWS INC.');
  });

  it('CentralNic\'s "Sponsoring Registrar Organization" and .ru\'s "org:"', () => {
    expect(
      parseWhois(peer('weppos-whois-parser/whois.centralnic.com/uk.com/status_registered.txt'), 'whois.centralnic.com')
        .registrar,
    ).toBe('E-VELOCITY LTD');
    expect(lx('ru_google.ru')).toMatchObject({ registrantOrg: 'Google LLC', registrar: 'RU-CENTER-RU' });
  });

  it('registry suffixes are stripped for display and kept as an id; the printed name stays beside it', () => {
    expect(splitRegistrarName('MarkMonitor, Inc. (R22-LRCC)')).toEqual({
      name: 'MarkMonitor, Inc.',
      id: 'R22-LRCC',
      url: null,
    });
    expect(splitRegistrarName('MarkMonitor Inc (TLDs)')).toEqual({
      name: 'MarkMonitor Inc (TLDs)',
      id: null,
      url: null,
    });
    const r = parseWhois(
      peer('weppos-whois-parser/whois.afilias-grs.info/sc/status_registered.txt'),
      'whois.afilias-grs.info',
    );
    expect(r).toMatchObject({
      registrar: 'MarkMonitor, Inc.',
      registrarId: 'R22-LRCC',
      registrarRaw: 'MarkMonitor, Inc. (R22-LRCC)',
    });
  });

  it('a redaction placeholder is never an organisation', () => {
    expect(lx('org_github.org').registrantOrg).toBeNull();
    expect(lx('eu_google.eu').registrantOrg).toBeNull();
  });
});
