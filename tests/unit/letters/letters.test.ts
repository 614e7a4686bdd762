import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { blockingReasons } from '../../../lib/notices/letters/checklist';
import { draftLetter } from '../../../lib/notices/letters/draft-letter';
import type { LetterInput } from '../../../lib/notices/letters/schema';
import { cnActionFiled, miitLetter, NOW, repeatLetter, usActionFiled } from './fixtures';

const draft = (input: LetterInput, checklistLang?: 'en' | 'zh') => draftLetter(input, { now: NOW, checklistLang });
const missing = (input: LetterInput) =>
  draft(input)
    .checklist.items.filter((i) => i.required && i.status === 'missing')
    .map((i) => i.id);

describe('US notice of action filed (17 U.S.C. § 512(g)(2)(C))', () => {
  it('tells the designated agent that the action was filed, with court, case number and complaint', () => {
    const d = draft(usActionFiled());
    expect(d.sendable).toBe(true);
    expect(d.subject).toBe('Notice of action filed under 17 U.S.C. § 512(g)(2)(C) – 2:26-cv-01234');
    expect(d.law).toEqual(['17 U.S.C. § 512(g)(2)(C)']);
    expect(d.text).toContain(
      'has filed an action seeking a court order to restrain John Roe from engaging in infringing activity relating to the material on your system or network',
    );
    expect(d.text).toContain('Court: United States District Court for the Central District of California');
    expect(d.text).toContain('Case number: 2:26-cv-01234');
    expect(d.text).toContain('Filed on: March 3, 2026');
    expect(d.text).toContain('our reference n-100');
    expect(d.text).toContain('Copy of the complaint as filed: complaint-2-26-cv-01234.pdf');
    expect(d.text).toContain('not replace it on the strength of the counter-notification');
    expect(d.text).toContain('https://pirate.example/dl/river-atlas.epub');
    expect(d.text).toContain('/s/ Mei Chen');
    expect(d.html).toContain('<h1>Notice of action filed');
  });

  it('is written in Chinese too, with full-width punctuation and the same law', () => {
    const d = draft(usActionFiled({ lang: 'zh' }));
    expect(d.sendable).toBe(true);
    expect(d.law).toEqual(['《美国法典》第17编第512条(g)(2)(C)']);
    expect(d.text).toContain('已提起诉讼，请求法院发布命令，禁止John Roe');
    expect(d.text).toContain('案号：2:26-cv-01234');
    expect(d.text).toContain('起诉日期：2026年3月3日');
    expect(d.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it.each([
    ['court', { court: '' }],
    ['case_number', { caseNumber: '  ' }],
    ['filing_date', { filedOn: undefined }],
    ['filing_date', { filedOn: '2026-03-09' }],
    ['complaint_copy', { complaintCopy: '' }],
    ['subscriber', { subscriber: '' }],
    ['counter_notice_date', { counterNoticeReceivedAt: undefined }],
    ['stmt_restrain', { confirmRestrain: false }],
    ['stmt_accuracy', { confirmAccuracy: false }],
    ['designated_agent', { recipient: { name: 'Agent', emails: [] } }],
    ['signature', { letterhead: { company: 'Lotus Press Ltd', email: 'rights@lotuspress.example' } }],
  ] as const)('blocks without %s', (id, over) => {
    const input = usActionFiled(over as never);
    expect(missing(input)).toContain(id);
    const d = draft(input);
    expect(d.sendable).toBe(false);
    expect(blockingReasons(d.checklist).join('\n')).toContain('512(');
  });

  it('warns once business day 10 after the counter-notification has come', () => {
    // Counter-notice on Mon 2026-03-02: business day 10 is Mon 2026-03-16.
    expect(draft(usActionFiled({ date: '2026-03-13' })).checklist.items.find((i) => i.id === 'timely')?.status).toBe(
      'ok',
    );
    const late = draft(usActionFiled({ date: '2026-03-16' }));
    expect(late.checklist.items.find((i) => i.id === 'timely')?.status).toBe('weak');
    expect(late.sendable).toBe(true);
  });

  it('names the element and statute in the checklist language', () => {
    const d = draft(usActionFiled({ caseNumber: '' }), 'zh');
    const item = d.checklist.items.find((i) => i.id === 'case_number')!;
    expect(item.name).toBe('案号');
    expect(item.citation).toBe('《美国法典》第17编第512条(g)(2)(C)');
    expect(item.message).toContain('案号');
  });
});

describe('China 已起诉/已投诉 notification (Civil Code art. 1196)', () => {
  it('cites art. 1196, attaches the 受理通知书 and asks to keep the measures', () => {
    const d = draft(cnActionFiled());
    expect(d.sendable).toBe(true);
    expect(d.subject).toBe('关于已提起诉讼的通知');
    expect(d.law).toEqual(['《中华人民共和国民法典》第一千一百九十六条']);
    expect(d.text).toContain(
      '根据《中华人民共和国民法典》第一千一百九十六条的规定，现通知贵司：我司已就上述内容向北京互联网法院提起诉讼，并已获受理。',
    );
    expect(d.text).toContain('受理通知书复印件：受理通知书-2026京0491民初1234号.pdf');
    expect(d.text).toContain('继续维持对上列内容已采取的必要措施');
    expect(d.text).toContain('2026年2月20日9时15分（北京时间）');
    expect(d.text).toContain('法定代表人：李华');
    expect(d.text).toContain('权利人（盖章）：北京乐动卓越科技有限公司');
    expect(d.text).toContain('法定代表人或授权代表（签字）：');
    expect(d.text).toMatch(/特此通知。\n\n附件/);
    expect(d.text).not.toContain('/s/');
    expect(d.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(d.text).not.toContain('《《');
  });

  it('writes the complaint route and the e-commerce 15-day law when chosen', () => {
    const d = draft(cnActionFiled({ route: 'complaint', authority: '北京市版权局', ecommercePlatform: true }));
    expect(d.subject).toBe('关于已向有关部门投诉的通知');
    expect(d.law).toContain('《中华人民共和国电子商务法》第四十三条');
    expect(d.text).toContain('我司已就上述内容向北京市版权局投诉，并已获受理');
  });

  it('has an English version', () => {
    const d = draft(cnActionFiled({ lang: 'en' }));
    expect(d.law).toEqual(['Civil Code of the PRC art. 1196']);
    expect(d.text).toContain('Under article 1196 of the Civil Code, we notify you that');
    expect(d.text).toContain('has brought an action before 北京互联网法院, which has accepted it');
    expect(d.text).not.toContain('/s/');
  });

  it.each([
    ['acceptance_notice', { acceptanceNotice: '' }],
    ['authority', { authority: '' }],
    ['case_number', { caseNumber: '' }],
    ['accepted_on', { acceptedOn: undefined }],
    ['counter_statement_date', { counterStatementReceivedAt: undefined }],
    ['stmt_accuracy', { confirmAccuracy: false }],
    ['sender_identity', { letterhead: { email: 'a@b.example' } }],
  ] as const)('blocks without %s', (id, over) => {
    const input = cnActionFiled(over);
    expect(missing(input)).toContain(id);
    expect(draft(input).sendable).toBe(false);
  });

  it('warns once the period after the declaration has run (15 days on an e-commerce platform)', () => {
    const timely = (over: object) => draft(cnActionFiled(over)).checklist.items.find((i) => i.id === 'timely')!;
    expect(timely({}).status).toBe('ok');
    expect(timely({}).unverified).toBe(true);
    expect(timely({ ecommercePlatform: true, date: '2026-03-12' }).status).toBe('ok');
    expect(timely({ ecommercePlatform: true, date: '2026-03-13' }).status).toBe('weak');
    expect(draft(cnActionFiled({ ecommercePlatform: true, date: '2026-03-14' })).sendable).toBe(true);
  });

  it('only warns without the licence copy', () => {
    const d = draft(cnActionFiled({ idDocument: '' }));
    expect(d.sendable).toBe(true);
    expect(d.checklist.items.find((i) => i.id === 'id_document')?.status).toBe('weak');
  });
});

describe('repeat-infringer request', () => {
  it('US: cites § 512(i)(1)(A) and Cox, and lists every earlier notice with date, id and URLs', () => {
    const d = draft(repeatLetter());
    expect(d.sendable).toBe(true);
    expect(d.law).toEqual([
      '17 U.S.C. § 512(i)(1)(A)',
      'BMG Rights Management (US) LLC v. Cox Communications, Inc., 881 F.3d 293 (4th Cir. 2018)',
    ]);
    expect(d.text).toContain('881 F.3d 293 (4th Cir. 2018)');
    expect(d.text).toContain('5 January 2026 — ref. n-1 — sent to DigitalOcean — URLs: https://a.example/1');
    expect(d.text).toContain('11 February 2026 — ref. n-3');
    expect(d.text).toContain('terminate the account');
    expect(d.subject).toBe('Repeat infringement – IP address 203.0.113.7 – 3 earlier notices');
  });

  it('China: 重复侵权 under the SPC Provisions, in Chinese', () => {
    const d = draft(repeatLetter({ law: 'cn', lang: 'zh', subject: { kind: 'site', value: 'mt-sifu.example.com' } }));
    expect(d.law[0]).toContain('第九条第（六）项');
    expect(d.text).toContain('重复侵权');
    expect(d.text).not.toContain('反复侵权');
    expect(d.text).toContain('2026年1月5日 — 编号n-1');
    expect(d.text).toContain('对该用户的重复侵权行为采取相应的合理措施');
    expect(d.checklist.items.every((i) => !i.unverified || i.id !== 'prior_notices')).toBe(true);
  });

  it('cites no statute to a provider outside both regimes', () => {
    const d = draft(repeatLetter({ law: 'terms' }));
    expect(d.law).toEqual([]);
    expect(d.text).not.toContain('512');
    expect(d.text).toContain('terms of service');
  });

  it('blocks with fewer than two earlier notices and warns below the threshold', () => {
    const one = repeatLetter({ priorNotices: [{ id: 'n-1', sentAt: '2026-01-05T10:00:00Z' }] });
    expect(missing(one)).toContain('prior_notices');
    const two = draft(
      repeatLetter({
        threshold: 3,
        priorNotices: [
          { id: 'n-1', sentAt: '2026-01-05T10:00:00Z', urls: ['https://a.example/1'] },
          { id: 'n-2', sentAt: '2026-01-06T10:00:00Z', urls: ['https://a.example/2'] },
        ],
      }),
    );
    expect(two.sendable).toBe(true);
    expect(two.checklist.items.find((i) => i.id === 'threshold')?.status).toBe('weak');
    expect(missing(repeatLetter({ subject: { kind: 'ip', value: '' } }))).toContain('subject');
  });
});

describe('MIIT report of an unfiled site (未备案网站举报)', () => {
  it('states only what the capture shows and carries the evidence list', () => {
    const d = draft(miitLetter());
    expect(d.sendable).toBe(true);
    expect(d.subject).toBe('关于网站mt-sifu.example.com未履行ICP备案手续的举报');
    expect(d.law[0]).toBe('《互联网信息服务管理办法》（国务院令第292号）第四条');
    expect(d.text).toContain(
      '经我司于2026年2月20日9时15分（北京时间）采集，该网站页面未显示ICP备案编号或经营许可证编号',
    );
    expect(d.text).toContain(`SHA-256 ${'c'.repeat(64)}`);
    expect(d.text).toContain('举报人（盖章）：北京乐动卓越科技有限公司');
    expect(d.text).toMatch(/特此举报。\n\n证据清单/);
  });

  it('blocks when the page shows an ICP number (the report would be false) or was not archived', () => {
    const shown = draft(miitLetter({ icpShown: ['京ICP备12345678号-1'] }));
    expect(shown.sendable).toBe(false);
    expect(blockingReasons(shown.checklist)[0]).toContain('页面未显示ICP备案编号');
    expect(missing(miitLetter({ pageArchived: false }))).toContain('page_archived');
    expect(missing(miitLetter({ evidence: [] }))).toEqual(expect.arrayContaining(['evidence_list', 'page_archived']));
    expect(missing(miitLetter({ hostProvider: '' }))).toContain('mainland_host');
  });

  it('has an English version', () => {
    const d = draft(miitLetter({ lang: 'en' }));
    expect(d.text).toContain('displays no ICP filing or licence number');
    expect(d.text).toContain('page archive (HTML) — captured 20 February 2026, 01:15 UTC');
    // The same evidence names as the notice: a timestamp token is obtained, not captured.
    const stamp = {
      kind: 'timestamp' as const,
      sha256: 'd'.repeat(64),
      capturedAt: '2026-02-20T01:15:09Z',
      filename: '',
    };
    const base = miitLetter() as Extract<LetterInput, { kind: 'miit_unfiled' }>;
    const withStamp = (lang: 'en' | 'zh') =>
      draft(miitLetter({ lang, evidence: [...(base.evidence ?? []), stamp] })).text;
    expect(withStamp('en')).toContain('trusted timestamp (RFC 3161) — obtained 20 February 2026, 01:15 UTC');
    expect(withStamp('zh')).toContain('可信时间戳（RFC 3161） — 取得时间 2026年2月20日9时15分（北京时间）');
  });
});

describe('bad input', () => {
  it('rejects an unknown kind with the path', () => {
    expect(() => draftLetter({ kind: 'nope' }, { now: NOW })).toThrow(AppError);
    try {
      draftLetter({ ...usActionFiled(), filedOn: 'yesterday' }, { now: NOW });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).details.path).toBe('filedOn');
    }
  });

  it('keeps control characters out of the subject', () => {
    const d = draft(usActionFiled({ caseNumber: '1:26-cv-1\r\nBcc: x@y.example' }));
    expect(d.subject).not.toMatch(/[\r\n]/);
  });
});
