import { describe, expect, it } from 'vitest';
import type { Translate } from '../../../lib/i18n';
import {
  describeDetails,
  detailKey,
  draftFieldKey,
  eventKindKey,
  historyReasonKey,
  statusKey,
} from '../../../lib/tracking/event-labels';
import { INFO_EVENT_KINDS, TRANSITIONS } from '../../../lib/tracking/status';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';

const fake =
  (messages: Record<string, { message: string }>): Translate =>
  (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  };
const t = fake(en);
const date = (iso: string) => `<${iso.slice(0, 10)}>`;

describe('verify-history reasons', () => {
  it('map every reason the chain check and the repo report to its own sentence', () => {
    const reasons = ['edited', 'missing', 'reordered', 'text_mismatch', 'notice_mismatch'] as const;
    const keys = reasons.map(historyReasonKey);
    expect(keys).toEqual([
      'historyReason_edited',
      'historyReason_missing',
      'historyReason_reordered',
      'historyReason_text_mismatch',
      'historyReason_notice_mismatch',
    ]);
    for (const k of keys) {
      expect(en[k].message).not.toMatch(/\b(edited|notice_mismatch|text_mismatch)\b/);
      expect(zh[k].message).not.toBe('');
    }
  });

  it('falls back to a generic sentence for a reason this version does not know', () => {
    expect(historyReasonKey('something_new')).toBe('historyReason_unknown');
  });
});

describe('event kinds and detail keys', () => {
  it('name every event kind the status machine and the repo can record', () => {
    const kinds = new Set<string>([
      ...INFO_EVENT_KINDS,
      ...Object.values(TRANSITIONS).flatMap((to) => Object.values(to) as string[]),
    ]);
    for (const kind of kinds) expect(eventKindKey(kind), kind).not.toBeNull();
    expect(eventKindKey('from_a_newer_version')).toBeNull();
  });

  it('name every status and the keys recorded by send, reply, recheck, correction and escalation', () => {
    for (const s of Object.keys(TRANSITIONS)) expect(statusKey(s), s).not.toBeNull();
    for (const k of [
      'from',
      'to',
      'channel',
      'recipient',
      'followUpAt',
      'followUpBasis',
      'fields',
      'reason',
      'replyText',
      'attachment.sha256',
      'correctionId',
      'supersedes',
      'escalatedFrom',
      'priorNotices',
      'nextNoticeId',
      'role',
      'url',
      'finalUrl',
      'status',
      'bodySha256',
      'bytes',
      'truncated',
      'stillServing',
      'matchedMarkers',
      'checkedAt',
    ]) {
      expect(detailKey(k), k).not.toBeNull();
    }
    for (const f of [
      'lang',
      'regime',
      'recipient',
      'recipientName',
      'candidates',
      'confirmations',
      'explanation',
      'fairUseConsidered',
      'fairUseNote',
      'measure',
      'workIds',
      'workTitles',
      'urls',
    ]) {
      expect(draftFieldKey(f), f).not.toBeNull();
    }
  });
});

describe('describeDetails', () => {
  it('localises labels and known values, keeping the raw value beside each', () => {
    const lines = describeDetails(
      {
        from: 'draft',
        to: 'sent',
        channel: 'copy',
        recipient: 'Example Hosting Ltd',
        followUpAt: '2026-12-02T15:40:21.625Z',
        followUpBasis: '17 U.S.C. § 512(c)(1)(C)',
      },
      t,
      date,
    );
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      ['From', 'Draft'],
      ['To', 'Sent'],
      ['Sent via', 'copied text'],
      ['Recipient', 'Example Hosting Ltd'],
      ['Follow up on', '<2026-12-02>'],
      ['Follow-up basis', '17 U.S.C. § 512(c)(1)(C)'],
    ]);
    expect(lines.map((l) => l.raw)).toEqual([
      'draft',
      'sent',
      'copy',
      'Example Hosting Ltd',
      '2026-12-02T15:40:21.625Z',
      '17 U.S.C. § 512(c)(1)(C)',
    ]);
  });

  it('lists changed draft fields by name, once each, with the locale separator', () => {
    expect(describeDetails({ fields: ['lang', 'regime', 'regimeChosen'] }, t, date)[0]!.value).toBe(
      'letter language, legal regime',
    );
    expect(describeDetails({ fields: ['lang', 'regime'] }, fake(zh), date)[0]).toMatchObject({
      label: '修改内容',
      value: '通知语言、适用法律',
      raw: 'lang, regime',
    });
    expect(describeDetails({ fields: ['somethingNew'] }, t, date)[0]!.value).toBe('somethingNew');
  });

  it('says yes/no for booleans, flattens nested keys and passes unknown keys and values through', () => {
    const lines = describeDetails(
      { stillServing: false, attachment: { sha256: 'a'.repeat(64), name: 'reply.eml' }, channel: 'fax', mystery: 'x' },
      t,
      date,
    );
    expect(lines.map((l) => [l.key, l.label, l.value])).toEqual([
      ['stillServing', 'Still serving the work', 'no'],
      ['attachment.sha256', 'Attachment SHA-256', 'a'.repeat(64)],
      ['attachment.name', 'Attachment', 'reply.eml'],
      ['channel', 'Sent via', 'fax'],
      ['mystery', 'mystery', 'x'],
    ]);
  });
});
