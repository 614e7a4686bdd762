import { describe, expect, it } from 'vitest';
import { detectCdn } from '../../../lib/lookup/cdn';
import { buildRecipients } from '../../../lib/lookup/recipients';
import type { AbuseContact, NetworkRecord } from '../../../lib/lookup/types';

const contact = (over: Partial<AbuseContact>): AbuseContact => ({
  handle: null,
  name: null,
  roles: ['abuse'],
  emails: [],
  phones: [],
  formUrl: null,
  scope: 'network',
  isAbuseRole: true,
  depth: 0,
  notes: [],
  ...over,
});
const network = (over: Partial<NetworkRecord>): NetworkRecord => ({
  startAddress: '45.76.0.0',
  endAddress: '45.76.255.255',
  cidr: '45.76.0.0/16',
  handle: 'NET-45-76',
  name: 'CHOOPA',
  country: 'US',
  rir: 'arin',
  originAsn: 24940,
  contacts: [],
  ...over,
});

describe('buildRecipients', () => {
  it('orders cdn, host, upstream, registrar, registry; host by block holder name, upstream by ASN', () => {
    const recipients = buildRecipients({
      cdn: detectCdn({ ips: ['104.16.1.1'] }),
      addresses: [
        {
          ip: '104.16.1.1',
          asn: 13335,
          network: network({
            startAddress: '104.16.0.0',
            endAddress: '104.23.255.255',
            orgName: 'Cloudflare, Inc.',
            contacts: [contact({ emails: ['abuse@cloudflare.com'] })],
          }),
          cdnEdge: true,
        },
        {
          ip: '45.76.1.1',
          asn: 24940,
          cdnEdge: false,
          network: network({
            orgName: 'The Constant Company, LLC',
            contacts: [
              contact({ emails: ['abuse@vultr.com'] }),
              contact({ handle: 'IRT-KRNIC-KR', emails: ['hostmaster@nic.or.kr'], scope: 'registry-desk' }),
            ],
          }),
        },
      ],
      domain: {
        domain: 'pirate.com',
        registrar: { name: 'MarkMonitor Inc.', handle: '292', ianaId: '292', url: null },
        contacts: [contact({ emails: ['abusecomplaints@markmonitor.com'], scope: 'registrar' })],
        notes: [],
        source: 'rdap',
      },
      upstream: new Map(),
    });
    expect(recipients.map((r) => [r.role, r.providerId])).toEqual([
      ['cdn', 'cloudflare'],
      ['host', 'vultr'],
      ['upstream', 'hetzner'],
      ['registrar', 'markmonitor'],
      ['registry', undefined],
    ]);
    expect(recipients.filter((r) => r.role === 'host').flatMap((r) => r.emails)).not.toContain('abuse@cloudflare.com');
    expect(recipients[2]).toMatchObject({ kind: 'network', source: 'directory' });
  });

  it('a provider with a C grade and no channel keeps the RDAP address and says it is unverified', () => {
    const [host] = buildRecipients({
      cdn: null,
      addresses: [
        {
          ip: '43.130.1.1',
          asn: 132203,
          cdnEdge: false,
          network: network({
            orgName: 'Tencent Building, Kejizhongyi Avenue',
            country: 'CN',
            contacts: [contact({ emails: ['tencent_cloud_abuse@tencent.com'] })],
          }),
        },
      ],
      domain: null,
      upstream: new Map(),
    });
    expect(host).toMatchObject({
      providerId: 'tencent-cloud',
      emails: ['tencent_cloud_abuse@tencent.com'],
      source: 'directory+rdap',
      language: 'zh',
      handlingDays: 3,
    });
    expect(host!.confidence).toBeLessThanOrEqual(0.6);
    expect(host!.notes.filter((n) => n.code === 'provider_unverified').length).toBeGreaterThan(0);
  });
});
