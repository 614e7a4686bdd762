import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { TranslateProvider } from '../../../components/i18n';
import { HistoryCheck } from '../../../components/notice/HistoryCheck';
import { NoticeSummary } from '../../../components/notice/NoticeSummary';
import { ReplyForm } from '../../../components/notice/ReplyForm';
import { Timeline } from '../../../components/notice/Timeline';
import { RemovalChart } from '../../../components/stats/RemovalChart';
import type { Translate } from '../../../lib/i18n';
import type { NoticeEvent } from '../../../lib/model/notice';
import type { ProviderStats } from '../../../lib/tracking/stats';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { T0, sentNotice } from '../tracking/make-notice';

const tFrom =
  (messages: Record<string, { message: string } | undefined>): Translate =>
  (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  };
const t = tFrom(en);
const render = (node: ReactNode) => renderToStaticMarkup(<TranslateProvider t={t}>{node}</TranslateProvider>);
const hostile = '<img src=x onerror=alert(1)>';

describe('tracking views', () => {
  it('shows labelled details and folds technical ones (ids, hashes, nested proofs) under a summary', () => {
    const base = { noticeId: 'n1', actor: 'system', prevHash: '0', textHash: '', hash: 'h', seq: 0, at: T0 } as const;
    const events: NoticeEvent[] = [
      {
        ...base,
        id: 'e1',
        kind: 'sent',
        details: { channel: 'smtp', delivery: { messageId: '<m1@x>', envelope: { from: 'a@b' } }, session: 's-1' },
      },
    ];
    const html = render(<Timeline events={events} />);
    const [shown, folded] = html.split('data-testid="event-technical"');
    expect(shown).toContain('data-key="channel"');
    expect(shown).toContain('data-key="delivery.messageId"');
    expect(shown).toContain('Message-ID');
    expect(shown).not.toContain('data-key="session"');
    expect(folded).toContain('Technical details (2)');
    expect(folded).toContain('data-key="session"');
    expect(folded).toContain('data-key="delivery.envelope.from"');
  });

  it('marks imported rows with the import time and the file hash, and leaves local rows unmarked', () => {
    const base = { noticeId: 'n1', actor: 'user', details: {}, prevHash: '0', textHash: '', hash: 'h' } as const;
    const fileSha256 = 'ab'.repeat(32);
    const events: NoticeEvent[] = [
      { ...base, id: 'e1', seq: 0, at: T0, kind: 'created', imported: { at: T0, fileSha256, exportedAt: T0 } },
      { ...base, id: 'e2', seq: 1, at: T0, kind: 'note' },
    ];
    const html = render(<Timeline events={events} />);
    const rows = html.split('data-testid="timeline-event"').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('data-testid="event-imported"');
    expect(rows[0]).toContain(fileSha256);
    expect(rows[0]).toContain('>Imported<');
    expect(rows[1]).not.toContain('event-imported');
  });

  it('show replies and provider names as text, never as HTML', () => {
    const events: NoticeEvent[] = [
      {
        id: 'e1',
        noticeId: 'n1',
        seq: 0,
        at: T0,
        kind: 'rejected',
        actor: 'user',
        details: { reason: hostile },
        prevHash: '',
        textHash: '',
        hash: '',
      },
    ];
    const timeline = render(<Timeline events={events} />);
    expect(timeline).toContain('Rejected');
    expect(timeline).not.toContain('<img');
    expect(timeline).toContain('&lt;img');
    const stats: ProviderStats[] = [
      {
        provider: 'p',
        name: hostile,
        sent: 4,
        removed: 1,
        partiallyRemoved: 0,
        rejected: 0,
        noResponse: 3,
        decided: 4,
        pending: 0,
        removalRate: 0.25,
        medianDaysToRemoval: 2,
      },
    ];
    const chart = render(<RemovalChart stats={stats} label="chart" />);
    expect(chart).not.toContain('<img');
    expect(chart).toContain('25%');
    expect(chart).toContain('chart__bar--low');
  });

  it('shows the counter-notice window and the follow-up basis in the UI language, the recorded text in the title', () => {
    const n = sentNotice({ status: 'counter_noticed', followUpAt: '2026-03-16T09:00:00.000Z' });
    const summary = (
      <NoticeSummary
        notice={n}
        basis={{
          text: 'cloudflare publishes a handling time of 24 h',
          ref: { kind: 'provider', who: 'cloudflare', hours: 24 },
        }}
        counterWindow={{
          law: 'us-512g',
          earliest: '2026-03-16T09:00:00.000Z',
          latest: '2026-03-20T09:00:00.000Z',
          basis: 'restore 10 to 14 business days',
          unverified: false,
        }}
      />
    );
    const html = render(summary);
    expect(html).toContain('Counter-notice window');
    expect(html).toContain('title="restore 10 to 14 business days"');
    expect(html).toContain('no less than 10 and no more than 14 business days');
    expect(html).toContain('Basis: cloudflare publishes a handling time of 24 h');
    expect(html).toContain('a'.repeat(64));
    const zhHtml = renderToStaticMarkup(<TranslateProvider t={tFrom(zh)}>{summary}</TranslateProvider>);
    expect(zhHtml).toContain('cloudflare 公布的处理时限为 24 小时');
    expect(zhHtml).toContain('收到反通知后不少于 10 个');
    // A basis this version cannot word is shown as recorded.
    const unknown = render(
      <NoticeSummary notice={sentNotice()} basis={{ text: 'Hoster publishes 24 h', ref: null }} counterWindow={null} />,
    );
    expect(unknown).toContain('Hoster publishes 24 h');
  });

  it('offers only the allowed replies and names a broken event', () => {
    const form = render(<ReplyForm status="rejected" regime="us-dmca" onSubmit={async () => {}} />);
    expect([...form.matchAll(/<option value="([a-z_]+)"/g)].map((m) => m[1])).toEqual(['withdrawn']);
    expect(render(<ReplyForm status="withdrawn" regime="us-dmca" onSubmit={async () => {}} />)).toContain(
      'No reply can be recorded',
    );
    const broken = render(
      <HistoryCheck verdict={{ ok: false, brokenAt: 3, eventId: 'ev-3', reason: 'edited' }} events={5} />,
    );
    expect(broken).toContain('History check failed at event 3.');
    expect(broken).toContain('no longer matches its hash');
    // The raw verdict stays available as evidence.
    expect(broken).toContain('reason=edited · seq=3 · event=ev-3');
    const mismatch = render(
      <HistoryCheck
        verdict={{ ok: false, brokenAt: 4, eventId: null, reason: 'notice_mismatch', expected: 'removed' }}
        events={4}
      />,
    );
    expect(mismatch).toContain('the log leads to “Removed”');
    expect(mismatch).toContain('expected=removed');
  });

  it('labels timeline events and details for people, keeping the recorded values', () => {
    const events: NoticeEvent[] = [
      {
        id: 'e1',
        noticeId: 'n1',
        seq: 0,
        at: T0,
        kind: 'draft_saved',
        actor: 'user',
        details: { fields: ['lang', 'regime', 'regimeChosen'] },
        prevHash: '',
        textHash: '',
        hash: '',
      },
      {
        id: 'e2',
        noticeId: 'n1',
        seq: 1,
        at: T0,
        kind: 'sent',
        actor: 'user',
        details: { from: 'draft', to: 'sent', channel: 'copy', followUpAt: '2026-12-02T15:40:21.625Z' },
        prevHash: '',
        textHash: '',
        hash: '',
      },
      {
        id: 'e3',
        noticeId: 'n1',
        seq: 2,
        at: T0,
        kind: 'future_kind',
        actor: 'system',
        details: { mystery: 1 },
        prevHash: '',
        textHash: '',
        hash: '',
      },
    ];
    const html = render(<Timeline events={events} />);
    expect(html).toContain(
      'Changed:</span> <span class="detail-value" title="lang, regime, regimeChosen">letter language, legal regime</span>',
    );
    expect(html).toContain('title="from">From:</span> <span class="detail-value" title="draft">Draft</span>');
    expect(html).toContain(
      'title="channel">Sent via:</span> <span class="detail-value" title="copy">copied text</span>',
    );
    expect(html).not.toContain('>2026-12-02T15:40:21.625Z<');
    expect(html).toContain('title="2026-12-02T15:40:21.625Z"');
    expect(html).toContain(`<time dateTime="${T0}" title="${T0}">`);
    // An unknown kind or key from a newer export is shown as recorded, not hidden.
    expect(html).toContain('title="future_kind">future_kind</td>');
    expect(html).toContain('title="mystery">mystery:</span>');
  });
});
