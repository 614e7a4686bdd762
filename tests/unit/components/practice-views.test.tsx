import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { TranslateProvider } from '../../../components/i18n';
import { Art17LockBanner } from '../../../components/notice/Art17LockBanner';
import { LetterCard, type LetterCardProps } from '../../../components/notice/LetterCard';
import { PracticeLetters } from '../../../components/notice/PracticeLetters';
import { PrivacyPanel } from '../../../components/notice/PrivacyPanel';
import type { Translate } from '../../../lib/i18n';
import { LetterSchema } from '../../../lib/model/letter';
import { RecipientSchema } from '../../../lib/model/recipient';
import { LetterInputSchema } from '../../../lib/notices/letters/schema';
import { privacyAdvice } from '../../../lib/providers/privacy';
import { art17Locks } from '../../../lib/tracking/art17-lock';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { NOW, repeatLetter, usActionFiled } from '../letters/fixtures';
import { describeDetails } from '../../../lib/tracking/event-labels';
import { recipient, sentNotice } from '../tracking/make-notice';

const translator =
  (m: Record<string, { message: string }>): Translate =>
  (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (m[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  };
const render = (node: ReactNode, m: Record<string, { message: string }> = en) =>
  renderToStaticMarkup(<TranslateProvider t={translator(m)}>{node}</TranslateProvider>);
const none = { counter: null, repeat: null, miit: null } as const;

const letter = (over: object = {}) =>
  LetterSchema.parse({
    id: 'l1',
    kind: 'us_action_filed',
    createdAt: '2026-03-04T00:00:00.000Z',
    updatedAt: '2026-03-04T00:00:00.000Z',
    status: 'draft',
    followsUp: 'n-100',
    recipientName: 'Agent',
    facts: LetterInputSchema.parse(usActionFiled()),
    ...over,
  });
const props = (over: Partial<LetterCardProps> = {}): LetterCardProps => ({
  letter: letter(),
  events: [],
  checklistLang: 'en',
  now: NOW,
  onSave: async () => {},
  onMarkSent: async () => {},
  onRecord: async () => {},
  onCopy: async () => {},
  onVerify: async () => null,
  mailto: () => 'mailto:dmca@host.example?subject=x',
  ...over,
});

describe('practice letter views', () => {
  it('offers only the letters that apply, in both languages, and nothing when none does', () => {
    expect(render(<PracticeLetters offers={none} count={0} onStart={async () => {}} />)).toBe('');
    const html = render(
      <PracticeLetters
        offers={{
          counter: 'us_action_filed',
          repeat: { count: 3, subject: '203.0.113.7', provider: 'DigitalOcean' },
          miit: null,
        }}
        count={0}
        onStart={async () => {}}
      />,
    );
    expect(html).toContain('data-testid="offer-us_action_filed"');
    expect(html).toContain('3 notices about 203.0.113.7 at DigitalOcean');
    expect(html).not.toContain('offer-miit_unfiled');
    const begun = render(
      <PracticeLetters
        offers={{ ...none, counter: 'us_action_filed' }}
        count={1}
        begun={['us_action_filed']}
        onStart={async () => {}}
      />,
    );
    expect(begun).toContain('practice-letters');
    expect(begun).not.toContain('offer-us_action_filed');
    const zhHtml = render(
      <PracticeLetters
        offers={{ ...none, counter: 'cn_action_filed', miit: { host: '阿里云' } }}
        count={0}
        onStart={async () => {}}
      />,
      zh,
    );
    expect(zhHtml).toContain('发送已起诉/已投诉通知');
    expect(zhHtml).toContain('向工信部备案系统举报未备案网站（阿里云位于中国境内');
  });

  it('a draft letter shows its form, checklist and preview; a blocked one cannot be marked sent', () => {
    const ok = render(<LetterCard {...props()} />);
    expect(ok).toContain('data-testid="letter-form"');
    expect(ok).toContain('data-sendable="true"');
    expect(ok).toContain('Case number: 2:26-cv-01234');
    const blocked = render(
      <LetterCard {...props({ letter: letter({ facts: LetterInputSchema.parse(usActionFiled({ court: '' })) }) })} />,
    );
    expect(blocked).toContain('data-sendable="false"');
    expect(blocked).toMatch(/data-element="court"[^>]*>|data-status="missing" data-element="court"/);
    expect(blocked).toMatch(/<button[^>]*data-testid="letter-mark-sent"[^>]*disabled=""/);
    expect(blocked).not.toContain('letter-mailto');
  });

  it('a sent letter shows the frozen text only, and the checklist speaks the page language', () => {
    const sent = render(
      <LetterCard
        {...props({
          letter: letter({
            status: 'sent',
            sent: { at: '2026-03-04T00:00:00.000Z', channel: 'email', text: 'FROZEN <b>', textSha256: 'a'.repeat(64) },
            sentAt: '2026-03-04T00:00:00.000Z',
          }),
        })}
      />,
    );
    expect(sent).toContain('FROZEN &lt;b&gt;');
    expect(sent).not.toContain('letter-form');
    expect(sent).toContain('letter-acknowledged');
    const zhList = render(
      <LetterCard
        {...props({
          checklistLang: 'zh',
          letter: letter({ facts: LetterInputSchema.parse(usActionFiled({ caseNumber: '' })) }),
        })}
      />,
      zh,
    );
    expect(zhList).toContain('<strong>案号</strong>');
  });

  it('names the art. 17 lock in the page language', () => {
    const pan = recipient('host', '某网盘', { kind: 'storage' });
    const n = sentNotice({ id: 'n1', regime: 'cn', urls: ['https://pan.example/s/1'] }, pan);
    const locks = art17Locks({ urls: ['https://pan.example/s/1'], recipient: pan }, [
      {
        notice: n,
        events: [
          {
            id: 'e',
            noticeId: 'n1',
            seq: 1,
            at: '2026-02-10T00:00:00.000Z',
            kind: 'counter_notice_received',
            actor: 'user',
            details: {},
            prevHash: '',
            textHash: '',
            hash: '',
          },
        ],
      },
    ]);
    const html = render(<Art17LockBanner locks={locks} lang="zh" />, zh);
    expect(html).toContain('该作品不得再次通知');
    expect(html).toContain('第十七条');
    expect(render(<Art17LockBanner locks={[]} lang="en" />)).toBe('');
  });

  it('warns about Lumen and ticks "do not forward my details" for a CDN by default', () => {
    const cf = RecipientSchema.parse({ role: 'cdn', name: 'Cloudflare', providerId: 'cloudflare' });
    const html = render(
      <PrivacyPanel advice={privacyAdvice(cf)} lang="en" isCdn withhold readOnly={false} onWithhold={() => {}} />,
    );
    expect(html).toContain('Lumen database');
    expect(html).toMatch(/<input type="checkbox"[^>]*data-testid="privacy-withhold"[^>]*checked=""/);
    const host = RecipientSchema.parse({ role: 'host', name: 'Hetzner', providerId: 'hetzner' });
    expect(
      render(
        <PrivacyPanel
          advice={privacyAdvice(host)}
          lang="en"
          isCdn={false}
          withhold={false}
          readOnly={false}
          onWithhold={() => {}}
        />,
      ),
    ).toBe('');
  });

  it('lets a repeat request name an account, and labels letter events', () => {
    const facts = LetterInputSchema.parse(repeatLetter());
    const html = render(<LetterCard {...props({ letter: letter({ kind: 'repeat_infringer', facts }) })} />);
    expect(html).toMatch(/<select[^>]*data-field="subjectKind"/);
    expect(html).toContain('<option value="account">account</option>');
    const lines = describeDetails({ letterKind: 'us_action_filed', followsUp: 'n-1' }, translator(zh), (s) => s);
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      ['函件类型', '已起诉通知（美国）'],
      ['所跟进的通知', 'n-1'],
    ]);
  });
});
