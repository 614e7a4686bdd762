import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { draftNotice } from '../../../lib/notices/draft';
import { hasSettlementDemand } from '../../../lib/notices/elements';
import { REGIMES } from '../../../lib/notices/regimes';
import { completeCase, NOW } from './fixtures';

const draft = (over: Parameters<typeof completeCase>[0] = {}, opts = {}) =>
  draftNotice(completeCase(over), { now: NOW, ...opts });

describe('draftNotice', () => {
  it("states each new regime's own items: truth declaration (JP), liability (KR), categories (AU), 21-day undertaking (IN)", () => {
    const jp = draft({ regime: 'jp' });
    expect(jp.text).toContain('上記内容が事実に相違ないことを証します');
    expect(jp.text).toContain('権利侵害を確認可能な方法');
    expect(jp.subject).toContain('送信防止措置依頼書');
    expect(jp.text).toContain('Act No. 137 of 2001');
    expect(draft({ regime: 'kr' }).text).toContain('without a legitimate right is liable for the damage caused');
    expect(draft({ regime: 'au' }).measures).not.toContain('own_policy');
    const auSearch = { name: 'Search Co', role: 'search' as const, emails: [], country: 'AU' };
    expect(draft({ regime: 'au', australia: { safeHarbour: true }, recipient: auSearch }).text).toContain('category D');
    const india = draft({
      regime: 'in',
      india: { route: 'rule-75', undertakeSuit: true },
      fairUse: { considered: true, note: 'A complete commercial copy.' },
    }).text;
    expect(india).toContain('within a period of twenty-one days');
    expect(india).toContain('within 36 hours');
    expect(india).toContain('section 52 of the Copyright Act 1957');
    expect(india).toContain('A complete commercial copy.');
  });

  it('puts Chinese before English in a bilingual letter', () => {
    const d = draft({ regime: 'cn', lang: 'zh-en' });
    const intro = d.sections.find((s) => s.id === 'intro')!;
    expect(intro.title).toBe('');
    expect(intro.paragraphs[0]).toBe('Example Hosting Inc.：');
    expect(intro.paragraphs[1]).toMatch(/^Lotus Press Ltd（以下简称“我司”）/);
    expect(intro.paragraphs[2]).toMatch(/^Lotus Press Ltd \("we"\)/);
    expect(d.sections.find((s) => s.id === 'sender')!.title).toBe('一、权利人信息 / Complaining party');
    expect(d.date).toBe('2026年3月4日 / 4 March 2026');
    // A bilingual letter says which text prevails.
    expect(d.text).toContain('本通知以中文文本为准。');
    expect(d.text).toContain('The Chinese text of this notice prevails.');
    expect(draft({ regime: 'us-dmca', lang: 'zh-en' }).text).toContain('The English text of this notice prevails.');
  });

  it('writes the date in the recipient convention from the injected clock or the override', () => {
    expect(draft({ regime: 'us-dmca' }).date).toBe('March 4, 2026');
    expect(draft({ regime: 'uk' }).date).toBe('4 March 2026');
    expect(draft({ regime: 'cn' }).date).toBe('2026年3月4日');
    expect(draft({ regime: 'eu-dsa', date: '2025-12-31' }).date).toBe('31 December 2025');
  });

  it('quotes each regime statutory statements verbatim', () => {
    for (const regime of Object.values(REGIMES)) {
      for (const lang of ['en', 'zh'] as const) {
        const route = regime.id === 'in' ? { india: { route: 'rule-75' as const, undertakeSuit: true } } : {};
        const text = draft({ regime: regime.id, lang, ...route }).text;
        for (const s of regime.statements)
          if (s.verbatim) expect(text, `${regime.id}/${lang}/${s.id}`).toContain(s.verbatim);
      }
    }
    // § 512(c)(3)(A)(v), in the signer's own voice (the perjury and good faith are the natural person's).
    expect(draft({ regime: 'us-dmca' }).text).toContain(
      'I have a good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law.',
    );
    // The truthfulness guarantee is the sender's own promise, not the Regulation's rule quoted back.
    expect(draft({ regime: 'cn' }).text).toContain(
      '我司保证本通知书及所附材料内容真实、合法、有效，并对本通知书的真实性负责。',
    );
    expect(draft({ regime: 'cn' }).text).not.toContain('权利人应当对通知书的真实性负责');
  });

  it('records the fair-use self-check before the good-faith statement, and signs "/s/ Name"', () => {
    const d = draft({ regime: 'us-dmca', fairUse: { considered: true, note: 'The copy is complete and commercial.' } });
    const stmts = d.sections.find((s) => s.id === 'statements')!.body;
    expect(stmts.indexOf('fair use under 17 U.S.C. § 107')).toBeGreaterThanOrEqual(0);
    expect(stmts.indexOf('fair use under 17 U.S.C. § 107')).toBeLessThan(stmts.indexOf('good faith belief'));
    expect(stmts).toContain('The copy is complete and commercial.');
    expect(d.formFields.signature).toBe('/s/ Mei Chen');
    expect(d.text).toContain('/s/ Mei Chen');
  });

  it('asks each kind of recipient for what it can do (docs/notice-law.md §2)', () => {
    const m = (kind: 'cloud' | 'shared' | 'cdn' | 'registrar' | 'search', role = 'host') =>
      draft({ regime: 'us-dmca', recipient: { name: 'R', role: role as 'host', kind, emails: [] } }).measures;
    expect(m('cloud')).toEqual([
      'remove_via_customer',
      'suspend_service',
      'repeat_infringer',
      'preserve_data',
      'confirm_action',
    ]);
    expect(m('shared')).toContain('remove_or_disable');
    expect(m('cdn', 'cdn')).toEqual(['forward_to_origin', 'disclose_host']);
    expect(m('registrar', 'registrar')).toEqual(['forward_to_registrant', 'abuse_policy', 'report_ticket']);
    expect(m('search', 'search')).toEqual(['delist']);
    const cdnPurge = draft({
      regime: 'us-dmca',
      recipient: { name: 'E', role: 'cdn', emails: [] },
      originRemoved: { basis: 'court_order' },
    });
    expect(cdnPurge.measures).toContain('purge_cache');
    expect(cdnPurge.text).toContain('A court has ordered that the material be removed from the originating site');
  });

  it('asks a Chinese cloud host to forward (转通知) and take necessary measures, with no concession', () => {
    const d = draft({
      regime: 'cn',
      recipient: { name: '云', role: 'host', kind: 'cloud', emails: [], country: 'CN' },
    });
    const req = d.sections.find((s) => s.id === 'request')!.body;
    expect(req).toContain('转送上述服务器的租用客户');
    expect(req).toContain('根据构成侵权的初步证据和贵司的服务类型采取必要措施');
    expect(d.text).not.toContain('不要求贵司首先关闭或清空整台服务器');
    expect(d.text).not.toContain('无法自行删除');
  });

  it('asks a Canadian host only what s. 41.26 requires, with no settlement or payment language', () => {
    for (const lang of ['en', 'zh'] as const) {
      const d = draft({
        regime: 'ca-notice',
        lang,
        recipient: { name: 'Maple Hosting', role: 'host', kind: 'shared', emails: [], country: 'CA' },
      });
      expect(d.measures).toEqual(['forward_notice', 'retain_records', 'confirm_forwarding']);
      expect(hasSettlementDemand(d.text), d.text).toBe(false);
    }
  });

  it('lists every infringing URL numbered, hundreds in one notice', () => {
    const urls = Array.from({ length: 500 }, (_, i) => `https://pirate.example/p/${i}`);
    const d = draft({ regime: 'us-dmca', infringingUrls: urls });
    expect(d.text).toContain('1. https://pirate.example/p/0\n');
    expect(d.text).toContain('500. https://pirate.example/p/499\n');
    expect(d.formFields.infringingUrls!.split('\n')).toHaveLength(500);
    expect(d.html.match(/<li>https:\/\/pirate\.example\/p\/\d+<\/li>/g)).toHaveLength(500);
  });

  it('includes hosting facts, works with registration and original URL, and the evidence in UTC (en) or Beijing time (zh)', () => {
    const d = draft({
      regime: 'us-dmca',
      evidence: [{ kind: 'html', sha256: 'b'.repeat(64), capturedAt: '2026-03-01T18:00:00+08:00' }],
    });
    expect(d.text).toContain('IP address: 203.0.113.7');
    expect(d.text).toContain('Network handle: NET-203-0-113-0-1');
    expect(d.text).toContain('ASN: AS64500');
    expect(d.text).toContain('registration: TX 9-123-456');
    expect(d.text).toContain('original: https://lotuspress.example/river-atlas');
    expect(d.text).toContain(
      `page archive (HTML) — captured 1 March 2026, 10:00 UTC — SHA-256 ${'b'.repeat(64)} (Enclosure 2)`,
    );
    const zh = draft({
      regime: 'cn',
      evidence: [{ kind: 'html', sha256: 'b'.repeat(64), capturedAt: '2026-02-20T01:15:00Z' }],
    });
    expect(zh.text).toContain('我司于2026年2月20日9时15分（北京时间）发现上述侵权行为。');
    expect(zh.text).toContain('采集时间：2026年2月20日9时15分（北京时间）');
    expect(zh.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('says a trusted timestamp was obtained, not captured, in the notice and in the MIIT letter alike', () => {
    const stamp = { kind: 'timestamp' as const, sha256: 'c'.repeat(64), capturedAt: '2026-03-01T10:00:05Z' };
    expect(draft({ regime: 'us-dmca', evidence: [stamp] }).text).toContain(
      'trusted timestamp (RFC 3161) — obtained 1 March 2026, 10:00 UTC',
    );
    expect(draft({ regime: 'cn', evidence: [stamp] }).text).toContain(
      '可信时间戳（RFC 3161）；取得时间：2026年3月1日18时00分（北京时间）',
    );
  });

  it('cites earlier notices when escalating', () => {
    const d = draft({
      regime: 'us-dmca',
      priorNotices: [{ date: '2026-02-01T09:00:00Z', recipient: 'Edge Co', id: 'N-17' }],
    });
    expect(d.sections.find((s) => s.id === 'prior')!.items).toEqual(['2026-02-01 — Edge Co — ref. N-17']);
  });

  it('still produces a preview while a required element is missing, marked not sendable', () => {
    const d = draft({ regime: 'us-dmca', letterhead: { company: 'Lotus Press Ltd' } });
    expect(d.sendable).toBe(false);
    expect(d.checklist.items.filter((i) => i.status === 'missing' && i.required).map((i) => i.id)).toEqual(
      expect.arrayContaining(['signature', 'sender_contact']),
    );
    expect(d.text).toContain('Lotus Press Ltd');
  });

  it('splits the letter into web-form fields', () => {
    const f = draft({ regime: 'us-dmca' }).formFields;
    expect(f).toMatchObject({
      name: 'Lotus Press Ltd',
      email: 'rights@lotuspress.example',
      address: '12 Harbour Road, Wan Chai, Hong Kong',
    });
    expect(f.infringingUrls).toBe(
      'https://pirate.example/read/river-atlas\nhttps://pirate.example/dl/river-atlas.epub',
    );
    expect(f.statements).toContain('under penalty of perjury');
    expect(f.workDescription).toContain('The River Atlas');
  });

  it('keeps hostile input literal in text and strips line breaks from the subject', () => {
    const evil = 'Evil\r\nBcc: x@y.example <script>"\u202e</script>';
    const d = draft({
      regime: 'us-dmca',
      works: [{ title: evil, owner: 'Lotus Press Ltd', registration: '', originalUrl: '' }],
      explanation: evil,
    });
    expect(d.text).toContain(evil);
    expect(d.subject).not.toMatch(/[\r\n]/);
    expect(d.subject).toContain('Evil Bcc: x@y.example');
  });

  it('accepts 10,000-character fields and rejects wrong types with a clear error', () => {
    const long = 'x'.repeat(10_000);
    const d = draft({
      regime: 'generic',
      letterhead: { company: long, address: long, email: 'a@b.example', phone: '1', signatory: long },
      explanation: long,
    });
    expect(d.text).toContain(long);
    expect(d.subject.length).toBeLessThan(200);
    expect(() => draftNotice({ ...completeCase(), works: [{ title: 5 }] } as never, { now: NOW })).toThrow(AppError);
  });
});

describe('checklist language', () => {
  it('follows the page when it differs from the letter', () => {
    const input = {
      regime: 'us-dmca' as const,
      lang: 'en' as const,
      recipient: { role: 'host' as const, name: 'Host', emails: ['abuse@host.example'] },
      infringingUrls: ['https://pirate.to/x'],
    };
    const zh = draftNotice(input, { now: () => new Date('2026-01-01T00:00:00Z'), checklistLang: 'zh' });
    const en = draftNotice(input, { now: () => new Date('2026-01-01T00:00:00Z') });
    expect(zh.text).toBe(en.text);
    expect(zh.checklist.lang).toBe('zh');
    expect(zh.checklist.items.find((i) => i.id === 'signature')?.name).not.toBe(
      en.checklist.items.find((i) => i.id === 'signature')?.name,
    );
  });
});
