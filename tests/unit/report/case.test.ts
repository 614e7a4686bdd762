import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '../../../lib/model/notice';
import { draftNotice } from '../../../lib/notices/draft';
import { caseFromNotice, evidenceFilename } from '../../../lib/report/case';

const notice = NoticeSchema.parse({
  id: 'n1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  status: 'draft',
  host: 'pirate.to',
  urls: ['https://pirate.to/game'],
  workIds: ['w1', 'gone'],
  recipient: { role: 'host', name: 'Host AG', emails: ['abuse@host.example'], country: 'US', network: { ip: '130.59.31.80', asn: 559 } },
  regime: 'us-dmca',
  captureId: 'c1',
  fairUseConsidered: true,
  confirmations: { goodFaith: true, accuracy: true },
});
const letterhead = { company: 'Moonlit', address: '1 Road', email: 'legal@moonlit.example', phone: '+1 555', signatory: 'Mei Chen', signatoryTitle: 'Counsel' };
const works = [{ id: 'w1', title: 'Starsea', aliases: [], owner: 'Moonlit', registration: 'TX-1', originalUrl: 'https://starsea.example/', officialDomains: [], keywords: [] }];
const shot = { id: 'e1', captureId: 'c1', kind: 'screenshot' as const, mime: 'image/png', sha256: 'a'.repeat(64), size: 10, url: 'https://pirate.to/game', capturedAt: '2026-01-01T00:00:00.000Z', note: '' };

describe('caseFromNotice', () => {
  it('builds a sendable case from what the extension stores, citing evidence and hosting facts', () => {
    const input = caseFromNotice(notice, { letterhead, works, evidence: [shot, { ...shot, id: 'e2', kind: 'metadata', mime: 'application/json' }] })!;
    expect(input.works).toHaveLength(1);
    expect(input.evidence).toEqual([expect.objectContaining({ kind: 'screenshot', filename: `screenshot-${'a'.repeat(12)}.png` })]);
    const draft = draftNotice(input, { now: () => new Date('2026-02-03T00:00:00Z') });
    expect(draft.sendable).toBe(true);
    expect(draft.text).toContain('130.59.31.80');
    expect(draft.text).toContain('/s/ Mei Chen');
  });

  it('keeps sending blocked while a statement is unticked or there is no letterhead', () => {
    const unticked = caseFromNotice({ ...notice, confirmations: { goodFaith: false, accuracy: true } }, { letterhead, works, evidence: [] })!;
    expect(draftNotice(unticked, { now: () => new Date() }).sendable).toBe(false);
    const noLetterhead = caseFromNotice(notice, { letterhead: null, works, evidence: [] })!;
    expect(draftNotice(noLetterhead, { now: () => new Date() }).checklist.items.filter((i) => i.status === 'missing').map((i) => i.id)).toContain('signature');
  });

  it('needs a recipient, and names attachments stably', () => {
    expect(caseFromNotice({ ...notice, recipient: null }, { letterhead, works, evidence: [] })).toBeNull();
    expect(evidenceFilename({ kind: 'html', sha256: 'b'.repeat(64), mime: 'text/html;charset=utf-8' })).toBe(`html-${'b'.repeat(12)}.html`);
  });
});
