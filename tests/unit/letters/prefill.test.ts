import { describe, expect, it } from 'vitest';
import type { NoticeEvent } from '../../../lib/model/notice';
import { draftLetter } from '../../../lib/notices/letters/draft-letter';
import { prefillLetter } from '../../../lib/notices/letters/prefill';
import { repeatOffer } from '../../../lib/tracking/repeat-infringers';
import { recipient, sentNotice } from '../tracking/make-notice';
import { NOW } from './fixtures';

const counter = (at: string, details = {}): NoticeEvent => ({
  id: 'c',
  noticeId: 'n1',
  seq: 2,
  at,
  kind: 'counter_notice_received',
  actor: 'user',
  details,
  prevHash: '',
  textHash: '',
  hash: '',
});
const letterhead = {
  company: 'Lotus Press Ltd',
  address: '12 Harbour Road',
  email: 'rights@lotuspress.example',
  phone: '',
  signatory: 'Mei Chen',
  signatoryTitle: '',
};

describe('prefillLetter', () => {
  it('fills what the product knows and leaves the court, case and statements to the user', () => {
    const n = sentNotice({ id: 'n1', regime: 'us-dmca', status: 'counter_noticed' }, recipient('host', 'Hoster'));
    const input = prefillLetter('us_action_filed', {
      notice: n,
      events: [counter('2026-03-02T15:00:00.000Z')],
      letterhead,
    });
    expect(input).toMatchObject({
      kind: 'us_action_filed',
      lang: 'en',
      counterNoticeReceivedAt: '2026-03-02',
      original: { id: 'n1', urls: n.urls },
    });
    const d = draftLetter(input, { now: NOW });
    expect(d.sendable).toBe(false);
    const missing = d.checklist.items.filter((i) => i.status === 'missing').map((i) => i.id);
    expect(missing).toEqual(
      expect.arrayContaining([
        'court',
        'case_number',
        'filing_date',
        'complaint_copy',
        'subscriber',
        'stmt_restrain',
        'stmt_accuracy',
      ]),
    );
    expect(missing).not.toContain('original_notice');
    expect(missing).not.toContain('counter_notice_date');
  });

  it('a Chinese notice gets a Chinese 1196 letter with the e-commerce flag from the counter-notice', () => {
    const n = sentNotice(
      { id: 'n1', regime: 'cn', lang: 'zh', status: 'counter_noticed' },
      recipient('host', '某平台'),
    );
    const input = prefillLetter('cn_action_filed', {
      notice: n,
      events: [counter('2026-03-02T15:00:00.000Z', { ecommercePlatform: true })],
      letterhead,
    });
    expect(input).toMatchObject({
      lang: 'zh',
      ecommercePlatform: true,
      counterStatementReceivedAt: '2026-03-02T15:00:00.000Z',
    });
  });

  it('a repeat request lists the whole group', () => {
    const host = recipient('host', 'Hoster', { network: { ip: '198.51.100.9' } });
    const group = [1, 2, 3].map((d) =>
      sentNotice(
        { id: `r${d}`, host: `s${d}.example`, sentAt: `2026-01-0${d}T00:00:00.000Z`, workTitles: [`W${d}`] },
        host,
      ),
    );
    const input = prefillLetter('repeat_infringer', {
      notice: group[2]!,
      events: [],
      letterhead,
      repeat: repeatOffer(group[2]!, group),
    });
    expect(input).toMatchObject({
      law: 'terms',
      subject: { kind: 'ip', value: '198.51.100.9' },
      works: ['W1', 'W2', 'W3'],
    });
    expect((input as { priorNotices: unknown[] }).priorNotices).toHaveLength(3);
    expect(draftLetter({ ...input, confirmAccuracy: true }, { now: NOW }).sendable).toBe(true);
  });

  it('an MIIT report carries the evidence list and the ICP reading, in Chinese', () => {
    const host = recipient('host', '阿里云', { providerId: 'alibaba-cloud-cn', network: { ip: '47.93.10.20' } });
    const n = sentNotice({ id: 'n1', host: 'mt-sifu.example.com', urls: ['http://mt-sifu.example.com/'] }, host);
    const evidence = [
      {
        id: 'e1',
        captureId: 'c',
        kind: 'html' as const,
        mime: 'text/html;charset=utf-8',
        sha256: 'c'.repeat(64),
        size: 10,
        url: '',
        capturedAt: '2026-02-20T01:15:00.000Z',
        note: '',
      },
      {
        id: 'e2',
        captureId: 'c',
        kind: 'reply' as const,
        mime: 'text/plain',
        sha256: 'd'.repeat(64),
        size: 10,
        url: '',
        capturedAt: '2026-02-21T01:15:00.000Z',
        note: '',
      },
    ];
    const input = prefillLetter('miit_unfiled', {
      notice: n,
      events: [],
      letterhead,
      miit: { host },
      icp: { archived: true, numbers: [] },
      evidence,
    });
    expect(input).toMatchObject({
      lang: 'zh',
      domain: 'mt-sifu.example.com',
      ip: '47.93.10.20',
      hostProvider: '阿里云',
      pageArchived: true,
    });
    expect((input as { evidence: { filename: string }[] }).evidence).toEqual([
      {
        kind: 'html',
        sha256: 'c'.repeat(64),
        capturedAt: '2026-02-20T01:15:00.000Z',
        filename: `html-${'c'.repeat(12)}.html`,
      },
    ]);
    expect(draftLetter({ ...input, confirmAccuracy: true }, { now: NOW }).sendable).toBe(true);
  });
});
