import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { failingAmong } from '../../../lib/mail/failing-addresses';
import { pollReplies } from '../../../lib/mail/poll-replies';
import { confirmSuggestion, dismissSuggestion, pendingSuggestions } from '../../../lib/mail/reply-suggestion';
import { RecipientSchema } from '../../../lib/model/recipient';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { REPO_ROOT } from '../../helpers/fixtures';
import { host } from '../db/record-fixtures';
import { deleteMailWorlds, mailWorld } from './mail-world';

afterEach(() => deleteMailWorlds());

const fixture = (name: string) => readFileSync(path.join(REPO_ROOT, 'tests/fixtures/replies', name), 'utf8');
const PDF = Buffer.from('%PDF-1.4\n% ticket 7C6A4F:1B\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** Hetzner's acknowledgement (fixture 09), answering `messageId`, with the ticket as a PDF attachment. */
function hetznerAck(messageId: string): Buffer {
  const plain = fixture('09-hetzner-ack.eml');
  const split = plain.search(/\r?\n\r?\n/);
  const body = plain.slice(split).trim();
  const headers = plain
    .slice(0, split)
    .replace('<notice.n06.mk2x9@lotus.example>', messageId)
    .replace('Content-Type: text/plain; charset=utf-8', 'Content-Type: multipart/mixed; boundary="B1"');
  return Buffer.from(
    [
      headers,
      '',
      '--B1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '--B1',
      'Content-Type: application/pdf; name="ticket.pdf"',
      'Content-Disposition: attachment; filename="ticket.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      PDF.toString('base64'),
      '--B1--',
      '',
    ].join('\r\n'),
  );
}

/** Two notices sent by SMTP from one capture: to the CDN, and to a host whose address no longer exists. */
async function sentPair() {
  const w = await mailWorld();
  const gone = RecipientSchema.parse({ ...host, name: 'Gone Host', emails: ['abuse@gone-host.example'] });
  const ids: Record<'cdn' | 'gone', { id: string; messageId: string }> = {} as never;
  for (const [key, recipient] of [
    ['cdn', undefined],
    ['gone', gone],
  ] as const) {
    const d = await w.draft(recipient);
    const messageId = `<notice.${key}${d.id}.mk2x9@moonlit.example>`;
    const r = recipient ?? d.recipient!;
    await w.notices.markSent(d.id, {
      at: w.now().toISOString(),
      channel: 'smtp',
      recipient: r,
      text: `Notice to ${r.name}`,
      delivery: {
        messageId,
        accepted: r.emails,
        rejected: [],
        response: '250 2.0.0 Ok: queued as 4Q000001LB',
        time: w.now().toISOString(),
        envelope: { from: 'legal@moonlit.example', to: r.emails },
        emlSha256: 'a'.repeat(64),
      },
    });
    ids[key] = { id: d.id, messageId };
  }
  return { w, ids };
}

describe('reply poll: match, store as evidence of that notice, suggest', () => {
  it('stores a reply with its attachment on the notice it answers only, and changes no status', async () => {
    const { w, ids } = await sentPair();
    w.mailbox.messages.push({
      uid: 1,
      internalDate: '2026-03-03T10:00:00.000Z',
      source: hetznerAck(ids.cdn.messageId),
    });

    const out = await pollReplies(w.pollDeps);
    expect(out).toMatchObject({ fetched: 1, stored: 1, unmatched: 0, repeated: 0, errors: [] });

    const t = (await w.notices.getTimeline(ids.cdn.id))!;
    expect(t.notice.status).toBe('sent');
    const event = t.events.at(-1)!;
    expect(event).toMatchObject({ kind: 'reply_received', actor: 'system' });
    const [s] = pendingSuggestions(t.notice, t.events);
    expect(s).toMatchObject({
      applicable: true,
      suggestion: { kind: 'acknowledged', status: 'acknowledged', provider: 'hetzner', ticket: '7C6A4F:1B' },
      mailReply: { from: 'abuse@hetzner.com', via: 'in-reply-to', id: '7:1' },
    });
    // Text and attachment are evidence of THIS notice, each with its hash; the PDF is the exact bytes sent.
    const files = await w.evidence.repliesOf(ids.cdn.id);
    expect(files.map((f) => f.kind)).toEqual(['reply', 'reply']);
    const pdf = files.find((f) => f.note === 'ticket.pdf')!;
    expect(pdf.sha256).toBe(await sha256Hex(new Uint8Array(PDF)));
    expect(s!.attachments).toEqual([
      expect.objectContaining({ filename: 'ticket.pdf', sha256: pdf.sha256, evidenceId: pdf.id }),
    ]);
    const text = files.find((f) => f.id === s!.mailReply.textEvidenceId)!;
    expect(text.mime).toContain('text/plain');
    expect(await w.evidence.repliesOf(ids.gone.id)).toEqual([]);
    expect((await w.notices.getTimeline(ids.gone.id))!.events.map((e) => e.kind)).not.toContain('reply_received');
    expect(w.cursor()).toMatchObject({ since: '2026-03-03T10:00:00.000Z', lastError: null });

    // The next poll sees the same reply again (since is inclusive) and stores nothing twice.
    const again = await pollReplies(w.pollDeps);
    expect(again).toMatchObject({ fetched: 1, stored: 0, repeated: 1 });
    expect((await w.evidence.repliesOf(ids.cdn.id)).length).toBe(2);
    expect(await w.notices.verifyHistory(ids.cdn.id)).toEqual({ ok: true });
  });

  it('moves the status only on the one-click confirmation, which cites the reply', async () => {
    const { w, ids } = await sentPair();
    w.mailbox.messages.push({
      uid: 1,
      internalDate: '2026-03-03T10:00:00.000Z',
      source: hetznerAck(ids.cdn.messageId),
    });
    await pollReplies(w.pollDeps);
    let t = (await w.notices.getTimeline(ids.cdn.id))!;
    const [s] = pendingSuggestions(t.notice, t.events);
    w.tick(1);
    const after = await confirmSuggestion(w.notices, ids.cdn.id, s!.eventId);
    expect(after.status).toBe('acknowledged');
    t = (await w.notices.getTimeline(ids.cdn.id))!;
    expect(t.events.at(-1)).toMatchObject({
      kind: 'acknowledged',
      actor: 'user',
      details: { replyEventId: s!.eventId, replyKind: 'acknowledged', ticket: '7C6A4F:1B' },
    });
    expect(pendingSuggestions(t.notice, t.events)).toEqual([]);
    // A second click on the same suggestion is refused, not recorded twice.
    await expect(confirmSuggestion(w.notices, ids.cdn.id, s!.eventId)).rejects.toMatchObject({ kind: 'read_only' });
    expect(await w.notices.verifyHistory(ids.cdn.id)).toEqual({ ok: true });
  });

  it('records a rejection with its reason, and a dismissal leaves the status alone', async () => {
    const { w, ids } = await sentPair();
    const rejected = fixture('13-ovh-rejected.eml').replace(
      'Message-ID: <ovh.2@ovh.net>',
      `Message-ID: <ovh.2@ovh.net>\r\nIn-Reply-To: ${ids.cdn.messageId}`,
    );
    const ack = hetznerAck(ids.gone.messageId);
    w.mailbox.messages.push(
      { uid: 1, internalDate: '2026-03-03T10:00:00.000Z', source: Buffer.from(rejected) },
      { uid: 2, internalDate: '2026-03-03T11:00:00.000Z', source: ack },
    );
    expect(await pollReplies(w.pollDeps)).toMatchObject({ stored: 2 });
    const t = (await w.notices.getTimeline(ids.cdn.id))!;
    const [r] = pendingSuggestions(t.notice, t.events);
    expect(r?.suggestion).toMatchObject({ kind: 'rejected', status: 'rejected' });
    const n = await confirmSuggestion(w.notices, ids.cdn.id, r!.eventId);
    expect(n.status).toBe('rejected');
    const last = (await w.notices.getTimeline(ids.cdn.id))!.events.at(-1)!;
    expect(typeof last.details.reason).toBe('string');
    expect((last.details.reason as string).length).toBeGreaterThan(0);

    const g = (await w.notices.getTimeline(ids.gone.id))!;
    const [a] = pendingSuggestions(g.notice, g.events);
    const kept = await dismissSuggestion(w.notices, ids.gone.id, a!.eventId);
    expect(kept.status).toBe('sent');
    const g2 = (await w.notices.getTimeline(ids.gone.id))!;
    expect(g2.events.at(-1)).toMatchObject({
      kind: 'note',
      details: { replyEventId: a!.eventId, dismissed: 'acknowledged' },
    });
    expect(pendingSuggestions(g2.notice, g2.events)).toEqual([]);
  });

  it('marks a bounced address failing for later lookups and suggests the next channel without moving the status', async () => {
    const { w, ids } = await sentPair();
    const dsn = fixture('20-bounce-dsn.eml').replace('<notice.n13.mk2x9@lotus.example>', ids.gone.messageId);
    w.mailbox.messages.push({ uid: 1, internalDate: '2026-03-03T10:00:00.000Z', source: Buffer.from(dsn) });
    const out = await pollReplies(w.pollDeps);
    expect(out.bounced).toEqual(['abuse@gone-host.example']);
    expect(failingAmong(w.failing(), ['abuse@cloudflare.example', 'Abuse@Gone-Host.example'])).toEqual([
      expect.objectContaining({ address: 'abuse@gone-host.example', noticeId: ids.gone.id }),
    ]);
    const t = (await w.notices.getTimeline(ids.gone.id))!;
    const [s] = pendingSuggestions(t.notice, t.events);
    expect(s?.suggestion).toMatchObject({
      kind: 'bounce',
      status: null,
      failedRecipients: ['abuse@gone-host.example'],
      next: 'try-form-or-upstream',
    });
    const n = await confirmSuggestion(w.notices, ids.gone.id, s!.eventId);
    expect(n.status).toBe('sent');
    expect((await w.notices.getTimeline(ids.gone.id))!.events.at(-1)).toMatchObject({
      kind: 'note',
      actor: 'user',
      details: { replyEventId: s!.eventId, replyKind: 'bounce' },
    });
  });

  it('matches a reply to a notice sent as a downloaded .eml by the Message-ID that file carried', async () => {
    const w = await mailWorld();
    const d = await w.draft();
    await w.notices.markSent(d.id, {
      at: w.now().toISOString(),
      channel: 'eml',
      recipient: d.recipient!,
      text: 'Notice',
    });
    w.mailbox.messages.push({
      uid: 1,
      internalDate: '2026-03-03T10:00:00.000Z',
      source: hetznerAck(`<${d.id}@takedown.invalid>`),
    });
    expect(await pollReplies(w.pollDeps)).toMatchObject({ stored: 1, unmatched: 0 });
    const t = (await w.notices.getTimeline(d.id))!;
    expect(pendingSuggestions(t.notice, t.events).map((x) => x.suggestion.kind)).toEqual(['acknowledged']);
  });

  it('leaves unmatched replies alone, records attachments whose bytes changed as problems, and survives an outage', async () => {
    const { w, ids } = await sentPair();
    const stranger = fixture('29-human-unclear.eml').replace(/<notice\.[^>]+>/g, '<other.1@elsewhere.example>');
    w.mailbox.messages.push(
      { uid: 1, internalDate: '2026-03-03T09:00:00.000Z', source: Buffer.from(stranger) },
      { uid: 2, internalDate: '2026-03-03T10:00:00.000Z', source: hetznerAck(ids.cdn.messageId) },
    );
    const tampered = { ...w.pollDeps, fetchAttachment: async () => new TextEncoder().encode('not the PDF') };
    const out = await pollReplies(tampered);
    expect(out).toMatchObject({ fetched: 2, stored: 1, unmatched: 1, errors: [] });
    const t = (await w.notices.getTimeline(ids.cdn.id))!;
    const [s] = pendingSuggestions(t.notice, t.events);
    expect(s!.attachments[0]).toMatchObject({ filename: 'ticket.pdf', evidenceId: null });
    expect(s!.attachments[0]!.problem).toMatch(/hash mismatch/);
    expect((await w.evidence.repliesOf(ids.cdn.id)).map((f) => f.note)).not.toContain('ticket.pdf');

    const down = { ...w.pollDeps, fetchReplies: async () => Promise.reject(new Error('connection refused')) };
    await expect(pollReplies(down)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(w.cursor()).toMatchObject({ since: '2026-03-03T10:00:00.000Z', lastError: 'connection refused' });
  });
});
