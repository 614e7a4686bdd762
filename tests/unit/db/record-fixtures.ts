/** A real capture and a complete case, stored in a fresh fake-IndexedDB database, for the record tests. */
import { createEvidenceRepo } from '../../../lib/db/evidence-repo';
import { createNoticesRepo } from '../../../lib/db/notices-repo';
import type { TakedownDb } from '../../../lib/db/schema';
import { buildCapture } from '../../../lib/evidence/capture';
import { RecipientSchema } from '../../../lib/model/recipient';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { freshDb } from '../../helpers/fresh-db';

export const cdn = RecipientSchema.parse({
  role: 'cdn',
  name: 'Cloudflare',
  providerId: 'cloudflare',
  emails: ['abuse@cloudflare.example'],
  country: 'US',
  kind: 'cdn',
});
export const host = RecipientSchema.parse({
  role: 'host',
  name: 'Linode',
  providerId: 'linode',
  emails: ['abuse@linode.example'],
  country: 'US',
});
export const registrar = RecipientSchema.parse({
  role: 'registrar',
  name: 'NameCheap',
  emails: ['abuse@namecheap.example'],
  country: 'US',
});

export const letterhead = {
  company: 'Moonlit Games',
  address: '1 Harbour Road, Hong Kong',
  email: 'legal@moonlit.example',
  phone: '',
  signatory: 'Mei Chen',
  signatoryTitle: 'Counsel',
};
export const works = [
  {
    id: 'w1',
    title: 'Starsea',
    aliases: ['星海'],
    owner: 'Moonlit Games',
    registration: 'TX-1',
    originalUrl: 'https://starsea.example/',
    officialDomains: [],
    keywords: [],
  },
  {
    id: 'w2',
    title: 'Moon Quest',
    aliases: [],
    owner: 'Moonlit Games',
    registration: '',
    originalUrl: 'https://moonquest.example/',
    officialDomains: [],
    keywords: [],
  },
];

/** A capture and its draft notices in a fresh database, or in the one given (the pages' own, for services()). */
export async function recordWorld(opts: { db?: TakedownDb; idPrefix?: string } = {}) {
  const db: TakedownDb = opts.db ?? freshDb('record');
  await db.open();
  let clock = new Date('2026-03-02T09:00:00Z');
  let n = 0;
  const now = () => clock;
  // Ids are predictable within one world; several worlds that share a server (the team tests) need a prefix each.
  const newId = () => `${opts.idPrefix ?? ''}id${++n}`;
  const notices = createNoticesRepo({ db, now, newId, calendar: { timeZone: 'UTC' } });
  const evidence = createEvidenceRepo({ db, now, newId });
  const capture = await buildCapture(
    {
      url: 'https://pirate.example/starsea',
      title: 'Starsea free download',
      screenshot: new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
      html: '<h1>Starsea</h1>',
      headers: { server: 'cloudflare' },
      failures: {},
    },
    { sha256: sha256Hex, now, newId },
  );
  await db.evidence.bulkAdd(
    capture.artefacts.map((a) => ({
      ...a.meta,
      blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.meta.mime }),
    })),
  );
  const draft = (recipient = cdn) =>
    notices.createDraft({
      urls: ['https://pirate.example/starsea'],
      workIds: ['w1'],
      workTitles: ['Starsea'],
      recipient,
      recipientName: recipient.name,
      candidates: [cdn, host, registrar],
      regime: 'us-dmca',
      captureId: capture.captureId,
      evidenceIds: capture.artefacts.filter((a) => a.meta.kind !== 'metadata').map((a) => a.meta.id),
      explanation: 'The page offers the full game for download.',
      fairUseConsidered: true,
      confirmations: { goodFaith: true, accuracy: true },
      batchId: 'report:1',
    });
  return {
    db,
    notices,
    evidence,
    capture,
    draft,
    tick: (h: number) => (clock = new Date(clock.getTime() + h * 3_600_000)),
    now,
  };
}
