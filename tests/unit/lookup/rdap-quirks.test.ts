import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractContacts } from '../../../lib/lookup/abuse';
import { parseRdap, parseRdapText } from '../../../lib/lookup/rdap-client';
import { parseNetwork } from '../../../lib/lookup/rdap-network';
import { readRdapFixture } from '../../helpers/fixtures';
import { PEERS_DIR } from '../../helpers/peers/load';
import { notesText } from '../../helpers/notes';

const peerAutnum = (n: number) => readFileSync(path.join(PEERS_DIR, `20c-rdap/rdap/autnum/${n}.input`), 'utf8');
/** A deep copy of a fixture to derive a variant from; the fixture itself stays read-only. */
const variant = (name: string) => structuredClone(readRdapFixture(name)) as Record<string, any>;
const invalid = (f: () => unknown) => expect(f).toThrow(expect.objectContaining({ kind: 'invalid_response' }));

describe('RDAP validation: non-conformant answers are normalised, unsafe ones refused', () => {
  it('a RIPE aut-num with a 290-line routing-policy remark is read, the remark cut and the cut noted', () => {
    const data = parseRdapText(peerAutnum(8283), 'rdap-asn');
    expect(data.remarks?.[0]?.description).toHaveLength(200);
    expect(data.quirks?.join(' ')).toMatch(/description of \d+ lines cut to 200/);
    const x = extractContacts(data, 'autnum');
    expect(x.orgName).toBe('Netwerkvereniging Coloclue');
    expect(notesText(x.notes)).toMatch(/Non-conformant answer normalised/);
    expect(x.contacts[0]).toMatchObject({ isAbuseRole: true });
    expect(x.contacts[0]!.emails[0]).toBe('abuse@coloclue.net');
  });

  it('numbers for handle and publicIds.identifier are read as text, not rejected', () => {
    const v = variant('gtld-domain-microsoft.click-registrar-abuse.json');
    const reg = v.entities.find((e: { roles?: string[] }) => e.roles?.includes('registrar'));
    reg.handle = 292;
    reg.publicIds = [{ type: 'IANA Registrar ID', identifier: 292 }];
    v.handle = 123456;
    const data = parseRdap(v, 'rdap-domain');
    expect(data.handle).toBe('123456');
    expect(data.quirks).toEqual(
      expect.arrayContaining(['handle sent as a number, read as text', 'identifier sent as a number, read as text']),
    );
    expect(extractContacts(data, 'domain').registrar).toMatchObject({ ianaId: '292', handle: '292' });
  });

  it('a conformant answer carries no quirks, and a server cannot send its own', () => {
    expect(parseRdap(readRdapFixture('ripe-ip-130.59.0.0-switch-abuse-c-2022.json'), 'rdap-ip').quirks).toBeUndefined();
    const v = variant('ripe-ip-130.59.0.0-switch-abuse-c-2022.json');
    v.quirks = ['send money to …'];
    expect(parseRdap(v, 'rdap-ip').quirks).toBeUndefined();
  });

  it('the wrong structure, huge arrays and deep nesting are still refused', () => {
    const wrong = variant('ripe-ip-130.59.0.0-switch-abuse-c-2022.json');
    wrong.entities = { not: 'a list' };
    invalid(() => parseRdap(wrong, 'rdap-ip'));
    const huge = variant('ripe-ip-130.59.0.0-switch-abuse-c-2022.json');
    huge.entities = Array.from({ length: 101 }, () => huge.entities[0]);
    invalid(() => parseRdap(huge, 'rdap-ip'));
    const handleObject = variant('ripe-ip-130.59.0.0-switch-abuse-c-2022.json');
    handleObject.handle = { nested: true };
    invalid(() => parseRdap(handleObject, 'rdap-ip'));
    invalid(() => parseRdapText(`${'['.repeat(60)}${']'.repeat(60)}`, 'rdap-ip'));
  });
});

describe('organisation names: the entity of kind org, never a maintainer or a handle', () => {
  it('RIPE lists maintainers as registrants before the ORG- entity (ALOJALIA-MNT vs ALOJALIA CLOUD S.L.)', () => {
    expect(extractContacts(parseRdapText(peerAutnum(205697), 'rdap-asn'), 'autnum').orgName).toBe(
      'ALOJALIA CLOUD S.L.',
    );
    expect(extractContacts(parseRdapText(peerAutnum(61399), 'rdap-asn'), 'autnum').orgName).toBe('KG-IX LLC');
  });

  it('a network whose only registrant is a maintainer has no organisation name rather than the maintainer', () => {
    const v = variant('ripe-ip-130.59.0.0-switch-abuse-c-2022.json');
    v.entities = v.entities.filter((e: { roles?: string[] }) => !e.roles?.includes('registrant'));
    v.entities.push({
      handle: 'EXAMPLE-MNT',
      roles: ['registrant'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['fn', {}, 'text', 'EXAMPLE-MNT'],
          ['kind', {}, 'text', 'individual'],
        ],
      ],
    });
    expect(parseNetwork(parseRdap(v, 'rdap-ip'), null)?.orgName).toBeNull();
  });
});
