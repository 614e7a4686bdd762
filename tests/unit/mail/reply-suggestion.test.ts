import { afterEach, describe, expect, it } from 'vitest';
import { confirmSuggestion, pendingSuggestions } from '../../../lib/mail/reply-suggestion';
import type { MailReplyDetails } from '../../../lib/mail/reply-event';
import { deleteMailWorlds, mailWorld } from './mail-world';

afterEach(() => deleteMailWorlds());

const details = (kind: 'acknowledged' | 'removed', status: 'acknowledged' | 'removed'): MailReplyDetails => ({
  mailReply: {
    id: '7:1',
    messageId: '<r.1@host.example>',
    from: 'abuse@host.example',
    fromName: null,
    subject: 'Re: notice',
    receivedAt: '2026-03-03T10:00:00.000Z',
    via: 'in-reply-to',
    sha256: 'c'.repeat(64),
    excerpt: 'Done.',
    truncated: false,
    textEvidenceId: 'ev1',
  },
  suggestion: {
    kind,
    status,
    provider: null,
    ticket: null,
    reason: null,
    failedRecipients: [],
    next: null,
    confidence: 'medium',
  },
  attachments: [],
});

describe('reply suggestions on the notice page', () => {
  it('ignores reply events of other shapes, and refuses a suggestion the status has moved past', async () => {
    const w = await mailWorld();
    const d = await w.draft();
    await w.notices.markSent(d.id, { at: w.now().toISOString(), channel: 'email', recipient: d.recipient!, text: 'N' });
    // A reply event written by something else (no mail details) is history, not a suggestion.
    await w.notices.recordEvent(d.id, 'reply_received', { text: 'typed by hand' }, 'user');
    await w.notices.recordEvent(d.id, 'reply_received', details('acknowledged', 'acknowledged'), 'system');
    await w.notices.changeStatus(d.id, 'removed');
    const t = (await w.notices.getTimeline(d.id))!;
    const pending = pendingSuggestions(t.notice, t.events);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ applicable: false, suggestion: { status: 'acknowledged' } });
    await expect(confirmSuggestion(w.notices, d.id, pending[0]!.eventId)).rejects.toMatchObject({
      kind: 'illegal_transition',
    });
    expect((await w.notices.getNotice(d.id))?.status).toBe('removed');
  });
});
