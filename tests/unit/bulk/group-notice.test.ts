import { describe, expect, test } from 'vitest';
import { groupDraftFields, previewNotice } from '../../../lib/bulk/group-notice';
import { SharedFieldsSchema } from '../../../lib/bulk/state';
import { RecipientSchema } from '../../../lib/model/recipient';
import { WorkSchema } from '../../../lib/model/work';
import { draftNotice } from '../../../lib/notices/draft';
import { caseFromNotice } from '../../../lib/report/case';

const recipient = RecipientSchema.parse({
  role: 'host',
  name: 'SWITCH-LAN',
  emails: ['abuse@switch.ch'],
  country: 'CH',
});
const group = { recipient, hosts: ['a.to', 'b.to'], urls: ['https://a.to/1', 'https://a.to/2', 'https://b.to/1'] };
const works = [
  WorkSchema.parse({ id: 'w1', title: 'The River Atlas', owner: 'Lotus Press', registration: 'TX 9-123-456' }),
];
const shared = SharedFieldsSchema.parse({
  workIds: ['w1', 'gone'],
  explanation: 'Full copies.',
  fairUseConsidered: true,
  confirmations: { goodFaith: true, accuracy: true },
});
const letterhead = {
  company: 'Lotus Press',
  address: '1 Main St',
  email: 'rights@lotus.example',
  phone: '',
  signatory: 'Mei Chen',
  signatoryTitle: '',
};

describe('a bulk group as a notice', () => {
  test('lists the group URLs minus the excluded ones, with the works still in the catalog', () => {
    const f = groupDraftFields({ batchId: 'bulk:1', group, shared, choice: { excluded: ['https://a.to/2'] }, works });
    expect(f).toMatchObject({
      urls: ['https://a.to/1', 'https://b.to/1'],
      host: 'a.to',
      workIds: ['w1'],
      workTitles: ['The River Atlas'],
      batchId: 'bulk:1',
      recipientName: 'SWITCH-LAN',
      regimeChosen: false,
    });
    expect(groupDraftFields({ batchId: 'b', group, shared, choice: { excluded: group.urls }, works })).toBeNull();
  });

  test('drafts through the same path as a single report, with the checklist complete', () => {
    const n = previewNotice(
      { batchId: 'bulk:1', group, shared, choice: { regime: 'us-dmca', excluded: ['https://a.to/2'] }, works },
      new Date('2026-03-01T00:00:00Z'),
    )!;
    expect(n.regime).toBe('us-dmca');
    const d = draftNotice(caseFromNotice(n, { letterhead, works, evidence: [] })!, {
      now: () => new Date('2026-03-01T00:00:00Z'),
    });
    expect(d.sendable).toBe(true);
    expect(d.text).toContain('https://a.to/1');
    expect(d.text).toContain('https://b.to/1');
    expect(d.text).not.toContain('https://a.to/2');
  });
});
