import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshText } from '../../lib/server/mail/reply-classify';
import { ingestReply, newMatchState } from '../../lib/server/mail/reply-ingest';
import { MAX_REPLY_BYTES, MAX_TEXT_CHARS, parseReply } from '../../lib/server/mail/reply-parse';
import { REPO_ROOT } from '../helpers/fixtures';

const DIR = path.join(REPO_ROOT, 'tests/fixtures/replies');
interface Expected {
  kind: string;
  provider: string | null;
  ticket: string | null;
  answers: string[];
  via: string | null;
  reason?: string;
  failedRecipients?: string[];
}
const corpus = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as {
  sent: string[];
  replies: Record<string, Expected>;
};
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.eml'))
  .sort();

describe('reply corpus: classification and matching', () => {
  it('has at least 25 replies, each with an expectation, in English and Chinese', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(corpus.replies).sort()).toEqual(files);
    expect(files.filter((f) => f.includes('-zh')).length).toBeGreaterThanOrEqual(6);
  });

  it('classifies and matches every reply as expected (tickets learned in order)', async () => {
    const state = newMatchState(corpus.sent);
    const got: Record<string, Expected> = {};
    for (const f of files) {
      const { classification: c, match } = await ingestReply(readFileSync(path.join(DIR, f)), state);
      const exp = corpus.replies[f];
      got[f] = {
        kind: c.kind,
        provider: c.provider,
        ticket: c.ticket,
        answers: match.answers,
        via: match.via,
        ...(exp!.reason !== undefined ? { reason: c.reason ?? '' } : {}),
        ...(exp!.failedRecipients !== undefined ? { failedRecipients: c.failedRecipients } : {}),
      };
    }
    expect(got).toEqual(corpus.replies);
  });

  it('covers every kind of answer the issue names', () => {
    const kinds = new Set(Object.values(corpus.replies).map((r) => r.kind));
    for (const k of ['acknowledged', 'removed', 'rejected', 'more-info', 'counter-notice', 'forwarded', 'bounce'])
      expect(kinds).toContain(k);
  });

  it('learns no ticket from a reply that matches nothing, so tickets never link unrelated mail', async () => {
    const state = newMatchState();
    const r = await ingestReply(readFileSync(path.join(DIR, '01-cloudflare-ack.eml')), state);
    expect(r.match.answers).toEqual([]);
    expect(state.tickets.size).toBe(0);
    const later = await ingestReply(readFileSync(path.join(DIR, '02-cloudflare-forwarded.eml')), state);
    expect(later.match).toEqual({ answers: [], via: null });
  });
});

describe('reply parsing', () => {
  it('renders HTML as text without scripts, styles or images', async () => {
    const r = await parseReply(readFileSync(path.join(DIR, '28-hostile-html.eml')));
    expect(r.text).toMatch(/has been removed/i);
    expect(r.text).not.toMatch(/document\.write|counter-notice|alert|tracker\.example|color:red/);
  });
  it('decodes GBK and RFC 2047 Chinese', async () => {
    expect((await parseReply(readFileSync(path.join(DIR, '31-gbk-charset-zh.eml')))).text).toContain('侵权链接已删除');
    expect((await parseReply(readFileSync(path.join(DIR, '06-aliyun-ack-zh.eml')))).subject).toBe('阿里云举报受理通知');
  });
  it('reads the DSN fields of a bounce', async () => {
    const r = await parseReply(readFileSync(path.join(DIR, '20-bounce-dsn.eml')));
    expect(r.dsn).toEqual({
      recipients: ['abuse@gone-host.example'],
      action: 'failed',
      status: '5.1.1',
      diagnostic: expect.stringMatching(/^smtp; 550 5\.1\.1 .*User unknown$/),
    });
  });
  it('keeps attachments with their SHA-256', async () => {
    const pdf = Buffer.from('%PDF-1.4 counter-notice statement');
    const raw = [
      'From: abuse-reply@digitalocean.com',
      'To: rights@lotus.example',
      'Subject: counter notice',
      'Message-ID: <att.1@do.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Attached.',
      '--b1',
      'Content-Type: application/pdf; name="counter.pdf"',
      'Content-Disposition: attachment; filename="../../counter.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf.toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    const r = await parseReply(Buffer.from(raw));
    expect(r.attachments).toEqual([
      {
        filename: expect.not.stringContaining('/'),
        mimeType: 'application/pdf',
        size: pdf.length,
        sha256: (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex'),
      },
    ]);
  });
  it('cuts quoted text before classifying', () => {
    expect(freshText('Thanks.\n\nOn Mon, 1 Dec 2026, X <x@y.example> wrote:\n> please remove')).toBe('Thanks.');
    expect(freshText('好的\n> 引用\n在 2026年12月1日 张三 写道：\n原文')).toBe('好的');
  });
});

describe('hostile replies are parsed within limits and never throw', () => {
  it('a reply larger than the cap is truncated', async () => {
    const big = Buffer.concat([
      Buffer.from('From: a@b.example\r\nSubject: big\r\nContent-Type: text/plain\r\n\r\n'),
      Buffer.alloc(MAX_REPLY_BYTES + 1024, 'A'),
    ]);
    const r = await parseReply(big);
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });
  it('deeply nested multiparts', async () => {
    let body = 'Content-Type: text/plain\r\n\r\ninnermost has been removed\r\n';
    for (let i = 0; i < 200; i++)
      body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
    const r = await parseReply(Buffer.from(`From: a@b.example\r\nSubject: nest\r\nMIME-Version: 1.0\r\n${body}`));
    expect(r.subject).toBe('nest');
  });
  it('unknown charsets, broken base64, binary garbage, header bombs and an empty message', async () => {
    const inputs = [
      'From: a@b.example\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nqapla\r\n',
      'From: a@b.example\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64%%%\r\n',
      'Subject: =?UTF-8?B?////?= =?x-unknown?Q?=FF?=\r\n\r\n',
      `X-Long: ${'a'.repeat(2_000_000)}\r\n\r\nbody`,
      `${'X-H: 1\r\n'.repeat(50_000)}\r\nbody`,
      '',
    ].map((s) => Buffer.from(s));
    inputs.push(Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)));
    for (const input of inputs) {
      const r = await parseReply(input);
      expect(typeof r.text).toBe('string');
      expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
