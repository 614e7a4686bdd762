import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FOLLOW_UP_ALARM } from '../../../entrypoints/background/follow-ups';
import { wireMailPoll } from '../../../entrypoints/background/mail-poll';
import { deleteMailWorlds, mailWorld } from '../mail/mail-world';

const DSN = (messageId: string) =>
  Buffer.from(
    [
      'From: MAILER-DAEMON@mx.moonlit.example (Mail Delivery System)',
      'To: legal@moonlit.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn.9@mx.moonlit.example>',
      `In-Reply-To: ${messageId}`,
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered to abuse@cloudflare.example.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.moonlit.example',
      '',
      'Final-Recipient: rfc822; abuse@cloudflare.example',
      'Action: failed',
      'Status: 5.1.1',
      '--B--',
      '',
    ].join('\r\n'),
  );

describe('the follow-up alarm polls the backend for replies', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => deleteMailWorlds());

  it('routes the follow-up alarm to the poll, and skips a backend without IMAP', async () => {
    const w = await mailWorld();
    const d = await w.draft();
    const messageId = '<notice.bg1.mk2x9@moonlit.example>';
    await w.notices.markSent(d.id, {
      at: w.now().toISOString(),
      channel: 'smtp',
      recipient: d.recipient!,
      text: 'Notice',
      delivery: {
        messageId,
        accepted: ['abuse@cloudflare.example'],
        rejected: [],
        response: '250 ok',
        time: w.now().toISOString(),
        envelope: { from: 'legal@moonlit.example', to: ['abuse@cloudflare.example'] },
        emlSha256: 'b'.repeat(64),
      },
    });
    w.mailbox.messages.push({ uid: 1, internalDate: '2026-03-03T10:00:00.000Z', source: DSN(messageId) });
    let imap = false;
    const wired = wireMailPoll({ ...w.pollDeps, imapConfigured: async () => imap });

    await fakeBrowser.alarms.onAlarm.trigger({ name: FOLLOW_UP_ALARM, scheduledTime: Date.now() });
    expect(await wired.poll()).toBeNull();
    expect(w.cursor().lastPoll).toBeNull();

    imap = true;
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now() });
    expect((await w.notices.getTimeline(d.id))!.events.map((e) => e.kind)).not.toContain('reply_received');
    await fakeBrowser.alarms.onAlarm.trigger({ name: FOLLOW_UP_ALARM, scheduledTime: Date.now() });
    // The alarm's poll is in flight; a second call joins it rather than polling twice.
    const out = await wired.poll();
    expect(out).toMatchObject({ stored: 1 });
    const events = (await w.notices.getTimeline(d.id))!.events;
    expect(events.filter((e) => e.kind === 'reply_received')).toHaveLength(1);
    expect(w.failing().entries.map((e) => e.address)).toEqual(['abuse@cloudflare.example']);
  });
});
