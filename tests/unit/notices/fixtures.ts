import type { NoticeCaseInput } from '../../../lib/notices/case';

/** A fixed clock: tests never read the wall clock. */
export const NOW = () => new Date('2026-03-04T05:06:07Z');

const SHA = 'a'.repeat(64);

/** A case that satisfies every required element of every regime, for a shared host. */
export function completeCase(over: Partial<NoticeCaseInput> = {}): NoticeCaseInput {
  return {
    letterhead: {
      company: 'Lotus Press Ltd',
      address: '12 Harbour Road, Wan Chai, Hong Kong',
      email: 'rights@lotuspress.example',
      phone: '+852 2123 4567',
      signatory: 'Mei Chen',
      signatoryTitle: 'Rights Manager',
    },
    works: [
      {
        title: 'The River Atlas',
        owner: 'Lotus Press Ltd',
        registration: 'TX 9-123-456',
        originalUrl: 'https://lotuspress.example/river-atlas',
      },
    ],
    infringingUrls: ['https://pirate.example/read/river-atlas', 'https://pirate.example/dl/river-atlas.epub'],
    explanation:
      'The pages reproduce the full text of The River Atlas, chapter by chapter, with our cover art; we never licensed this site.',
    recipient: {
      name: 'Example Hosting Inc.',
      role: 'host',
      kind: 'shared',
      emails: ['abuse@host.example'],
      country: 'US',
    },
    evidence: [{ kind: 'screenshot', sha256: SHA, capturedAt: '2026-03-01T10:00:00Z' }],
    fairUse: { considered: true },
    hosting: { ip: '203.0.113.7', handle: 'NET-203-0-113-0-1', asn: 64500, icp: '京ICP备00000000号' },
    idDocument: 'Business registration certificate no. 12345678 (copy attached)',
    ...over,
  };
}
