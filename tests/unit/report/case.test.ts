import { describe, expect, it } from 'vitest';
import { NoticeSchema } from '../../../lib/model/notice';
import { draftNotice } from '../../../lib/notices/draft';
import { evidenceFilename } from '../../../lib/model/evidence';
import { caseFromNotice } from '../../../lib/report/case';

const notice = NoticeSchema.parse({
  id: 'n1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  status: 'draft',
  host: 'pirate.to',
  urls: ['https://pirate.to/game'],
  workIds: ['w1', 'gone'],
  recipient: {
    role: 'host',
    name: 'Host AG',
    emails: ['abuse@host.example'],
    country: 'US',
    network: { ip: '130.59.31.80', asn: 559 },
  },
  regime: 'us-dmca',
  captureId: 'c1',
  fairUseConsidered: true,
  confirmations: { goodFaith: true, accuracy: true },
});
const letterhead = {
  company: 'Moonlit',
  address: '1 Road',
  email: 'legal@moonlit.example',
  phone: '+1 555',
  signatory: 'Mei Chen',
  signatoryTitle: 'Counsel',
};
const works = [
  {
    id: 'w1',
    title: 'Starsea',
    aliases: [],
    owner: 'Moonlit',
    registration: 'TX-1',
    originalUrl: 'https://starsea.example/',
    officialDomains: [],
    keywords: [],
  },
];
const shot = {
  id: 'e1',
  captureId: 'c1',
  kind: 'screenshot' as const,
  mime: 'image/png',
  sha256: 'a'.repeat(64),
  size: 10,
  url: 'https://pirate.to/game',
  capturedAt: '2026-01-01T00:00:00.000Z',
  note: '',
};

describe('caseFromNotice', () => {
  it('builds a sendable case from what the extension stores, citing evidence and hosting facts', () => {
    const input = caseFromNotice(notice, {
      letterhead,
      works,
      evidence: [shot, { ...shot, id: 'e2', kind: 'metadata', mime: 'application/json' }],
    })!;
    expect(input.works).toHaveLength(1);
    expect(input.evidence).toEqual([
      expect.objectContaining({ kind: 'screenshot', filename: `screenshot-${'a'.repeat(12)}.png` }),
    ]);
    const draft = draftNotice(input, { now: () => new Date('2026-02-03T00:00:00Z') });
    expect(draft.sendable).toBe(true);
    expect(draft.text).toContain('130.59.31.80');
    expect(draft.text).toContain('/s/ Mei Chen');
  });

  it('keeps sending blocked while a statement is unticked or there is no letterhead', () => {
    const unticked = caseFromNotice(
      { ...notice, confirmations: { goodFaith: false, accuracy: true } },
      { letterhead, works, evidence: [] },
    )!;
    expect(draftNotice(unticked, { now: () => new Date() }).sendable).toBe(false);
    const noLetterhead = caseFromNotice(notice, { letterhead: null, works, evidence: [] })!;
    expect(
      draftNotice(noLetterhead, { now: () => new Date() })
        .checklist.items.filter((i) => i.status === 'missing')
        .map((i) => i.id),
    ).toContain('signature');
  });

  it('carries the Chinese letterhead fields, ID copy and ownership proof a qualified Chinese notice needs (UI = CLI)', () => {
    const cnNotice = {
      ...notice,
      regime: 'cn' as const,
      lang: 'zh' as const,
      recipient: { ...notice.recipient!, kind: 'cloud' as const, country: 'CN' },
    };
    const lh = { ...letterhead, creditCode: '91110108MA00000000', legalRep: '李某' };
    const blocked = draftNotice(caseFromNotice(cnNotice, { letterhead: lh, works, evidence: [shot] })!, {
      now: () => new Date('2026-02-03T00:00:00Z'),
    });
    expect(blocked.checklist.items.filter((i) => i.required && i.status === 'missing').map((i) => i.id)).toEqual([
      'id_document',
    ]);
    const ok = draftNotice(
      caseFromNotice(
        { ...cnNotice, idDocument: '营业执照副本复印件（加盖公章）', ownershipProof: '登记证书复印件' },
        { letterhead: lh, works, evidence: [shot] },
      )!,
      {
        now: () => new Date('2026-02-03T00:00:00Z'),
      },
    );
    expect(ok.sendable).toBe(true);
    expect(ok.text).toContain('统一社会信用代码：91110108MA00000000');
    expect(ok.text).toContain('法定代表人：李某');
    expect(ok.text).toContain('权属证明：登记证书复印件（见附件2）');
    expect(ok.html).toContain('data-slot="seal"');
  });

  it('needs a recipient, and names attachments stably', () => {
    expect(caseFromNotice({ ...notice, recipient: null }, { letterhead, works, evidence: [] })).toBeNull();
    expect(evidenceFilename({ kind: 'html', sha256: 'b'.repeat(64), mime: 'text/html;charset=utf-8' })).toBe(
      `html-${'b'.repeat(12)}.html`,
    );
  });

  it('carries the ICP numbers the capture read, and never one it did not', () => {
    const cn = { ...notice, regime: 'cn' as const, lang: 'zh' as const };
    const withIcp = caseFromNotice(cn, { letterhead, works, evidence: [shot], icp: ['京ICP备12345678号-1'] })!;
    expect(withIcp.hosting).toEqual({ icp: '京ICP备12345678号-1' });
    expect(draftNotice(withIcp, { now: () => new Date('2026-02-03T00:00:00Z') }).text).toContain('京ICP备12345678号-1');
    expect(caseFromNotice(cn, { letterhead, works, evidence: [shot], icp: [] })!.hosting).toEqual({});
    expect(caseFromNotice(cn, { letterhead, works, evidence: [shot] })!.hosting).toEqual({});
  });

  it('asks a CDN not to forward the sender details unless the user turned it off', () => {
    const cdn = {
      role: 'cdn' as const,
      name: 'Cloudflare',
      emails: [],
      formUrl: 'https://abuse.cloudflare.com/',
      country: 'US',
      source: 'manual',
      confidence: 1,
      notes: [],
      providerId: 'cloudflare',
    };
    expect(
      caseFromNotice({ ...notice, recipient: cdn }, { letterhead, works, evidence: [] })!.withholdSenderDetails,
    ).toBe(true);
    expect(
      caseFromNotice({ ...notice, recipient: cdn, withholdSenderDetails: false }, { letterhead, works, evidence: [] })!
        .withholdSenderDetails,
    ).toBe(false);
    expect(caseFromNotice(notice, { letterhead, works, evidence: [] })!.withholdSenderDetails).toBe(false);
  });
});
