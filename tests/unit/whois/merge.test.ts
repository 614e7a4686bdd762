import { describe, expect, it } from 'vitest';
import { mergeWhoisRecords } from '../../../lib/whois/merge';
import { parseWhois } from '../../../lib/whois/parse';
import { parseWhoisRecord } from '../../../lib/whois/record';

describe('mergeWhoisRecords (registry answer + one registrar hop)', () => {
  const registry = parseWhois(
    [
      'Domain Name: EXAMPLE.COM',
      'Registrar: MarkMonitor Inc. (R37-LROR)',
      'Registrar IANA ID: 292',
      'Registrar Abuse Contact Email: abusecomplaints@markmonitor.com',
    ].join('\n'),
    'whois.verisign-grs.com',
  );
  const registrar = parseWhois(
    [
      'Domain Name: example.com',
      'Registrar: MarkMonitor, Inc.',
      'Registrar Email: ccops@markmonitor.com',
      'Registrar Abuse Contact Email: abusecomplaints@markmonitor.com',
      'Registrant Organization: Example Org',
    ].join('\n'),
    'whois.markmonitor.com',
  );

  it('keeps the IANA id, the registry id and the general address through the hop, and validates', () => {
    const m = mergeWhoisRecords(registry, registrar);
    expect(m).toMatchObject({
      server: 'whois.markmonitor.com',
      registrar: 'MarkMonitor, Inc.',
      registrarIanaId: '292',
      registrarId: 'R37-LROR',
      abuseEmails: ['abusecomplaints@markmonitor.com'],
      registrarEmails: ['ccops@markmonitor.com'],
      registrantOrg: 'Example Org',
    });
    expect(parseWhoisRecord(m).ok).toBe(true);
  });

  it('an address that is the abuse desk in either answer is never also offered as the general contact', () => {
    const other = { ...registrar, abuseEmails: [], registrarEmails: ['abusecomplaints@markmonitor.com'] };
    expect(mergeWhoisRecords(registry, other).registrarEmails).toBeUndefined();
  });
});
