import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRecipients } from '../../../lib/lookup/recipients';
import { whoisDomainContacts } from '../../../lib/whois/record';
import { parseWhois } from '../../../lib/whois/parse';
import { PEERS_DIR } from '../../helpers/peers/load';
import { notesText } from '../../helpers/notes';
import { note } from '../../../lib/model/note';

const likexian = (name: string) => readFileSync(path.join(PEERS_DIR, 'likexian-whois-parser/noterror', name), 'utf8');

function registrarRecipient(name: string, domain: string) {
  const w = parseWhois(likexian(name), 'whois.example', domain);
  const facts = {
    domain,
    registrar: {
      name: w.registrar,
      handle: w.registrarId ?? null,
      ianaId: w.registrarIanaId ?? null,
      url: w.registrarUrl,
    },
    contacts: whoisDomainContacts(w),
    notes: [],
    source: 'whois' as const,
    whois: w,
  };
  return {
    w,
    r: buildRecipients({ addresses: [], cdn: null, domain: facts, upstream: new Map() }).find(
      (x) => x.role === 'registrar',
    )!,
  };
}

describe('registrar e-mails the WHOIS answer does not label as abuse', () => {
  it(".pl: the registrar's general contact, with lower confidence and a note, never an abuse desk", () => {
    const { w, r } = registrarRecipient('pl_aftermarket.pl', 'aftermarket.pl');
    expect(w.abuseEmails).toEqual([]);
    expect(w.registrarEmails).toEqual(['domains@dropped.pl']);
    expect(r).toMatchObject({ name: 'Aftermarket.pl Limited', emails: ['domains@dropped.pl'], source: 'whois' });
    expect(r.confidence).toBeLessThan(0.5);
    expect(notesText(r.notes)).toMatch(/general address: the WHOIS answer does not name it as an abuse contact/);
  });

  it('a labelled abuse address comes first, with the higher confidence; the general one after', () => {
    const w = parseWhois(
      [
        'Domain Name: example.com',
        'Registrar: Example Registrar, Inc.',
        'Registrar Abuse Contact Email: abuse@registrar.example',
        'Registrar Email: hello@registrar.example',
      ].join('\n'),
      'whois.example',
    );
    const contacts = whoisDomainContacts(w);
    expect(contacts.map((c) => [c.emails, c.isAbuseRole])).toEqual([
      [['abuse@registrar.example'], true],
      [['hello@registrar.example'], false],
    ]);
  });

  it.each([
    ['nz_gre.nz', 'reg.nz-admin@gandi.net'],
    ['ch_switch.ch', 'support-en@support.gandi.net'],
    ['fr_git.fr', 'support@ovh.net'],
    ['sk_google.sk', 'registry.admin@markmonitor.com'],
    ['hk_google.hk', 'ccops@markmonitor.com'],
  ])("%s: the registrar block's address is a general contact, not abuse", (name, email) => {
    const w = parseWhois(likexian(name), 'whois.example', name.slice(name.indexOf('_') + 1));
    expect(w.abuseEmails).not.toContain(email);
    expect(w.registrarEmails).toContain(email);
    expect(whoisDomainContacts(w).every((c) => !c.isAbuseRole)).toBe(true);
  });
});

describe('a directory provider without its own channel', () => {
  const contact = (isAbuseRole: boolean, email: string) => ({
    handle: null,
    name: 'M247 Europe SRL',
    roles: isAbuseRole ? ['abuse'] : ['registrant'],
    emails: [email],
    phones: [],
    formUrl: null,
    scope: 'network' as const,
    isAbuseRole,
    depth: 0,
    notes: isAbuseRole ? [] : [note('not_abuse_contact')],
  });
  const host = (contacts: ReturnType<typeof contact>[]) => {
    const network = {
      startAddress: '185.0.0.0',
      endAddress: '185.0.0.255',
      cidr: '185.0.0.0/24',
      handle: 'NET-1',
      name: 'M247-NET',
      country: 'RO',
      rir: 'ripe',
      originAsn: 9009,
      orgName: 'M247 Europe SRL',
      contacts,
    };
    const addresses = [{ ip: '185.0.0.1', network, asn: 9009, cdnEdge: false }];
    return buildRecipients({ addresses, cdn: null, domain: null, upstream: new Map() }).find((r) => r.role === 'host')!;
  };

  it('uses an abuse desk before a general address, and says so when only a general address exists', () => {
    expect(host([contact(false, 'info@m247.example'), contact(true, 'abuse@m247.example')]).emails[0]).toBe(
      'abuse@m247.example',
    );
    const general = host([contact(false, 'info@m247.example')]);
    expect(general.emails).toEqual(['info@m247.example']);
    expect(general.confidence).toBeLessThanOrEqual(0.4);
    expect(notesText(general.notes)).toMatch(/Not an abuse contact/);
  });
});
