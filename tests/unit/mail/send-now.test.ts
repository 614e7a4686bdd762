import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { sendNotice } from '../../../lib/report/send-notice';
import { sha256Hex } from '../../../lib/tracking/sha256';
import type { LoopbackSmtp } from '../../helpers/loopback-smtp';
import { letterhead, works } from '../db/record-fixtures';
import { deleteMailWorlds, mailWorld, smtpServer } from './mail-world';

const servers: LoopbackSmtp[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await deleteMailWorlds();
});
async function smtp(opts: Parameters<typeof smtpServer>[0] = {}) {
  const s = await smtpServer(opts);
  servers.push(s);
  return s;
}

const blobText = async (b: Blob) => new TextDecoder().decode(new Uint8Array(await new Response(b).arrayBuffer()));

describe('Send now: channel smtp of the one send function', () => {
  it('sends the frozen .eml byte for byte and marks the notice sent with the server acceptance in its history', async () => {
    const server = await smtp();
    const w = await mailWorld({ smtp: server });
    const d = await w.draft();
    const deps = { notices: w.notices, evidence: w.evidence, now: w.now, mail: w.transport };
    const sent = await sendNotice(deps, { noticeId: d.id, channel: 'smtp', letterhead, works });

    expect(sent.status).toBe('sent');
    expect(sent.sent?.channel).toBe('smtp');
    const delivery = sent.sent!.delivery!;
    expect(delivery.accepted).toEqual(['abuse@cloudflare.example']);
    expect(delivery.rejected).toEqual([]);
    expect(delivery.response).toMatch(/^250 2\.0\.0 Ok: queued as 4Q\d+LB/);
    expect(delivery.messageId).toMatch(/^<notice\.id\d+\.[a-z0-9]+@moonlit\.example>$/);
    expect(delivery.envelope).toEqual({ from: 'legal@moonlit.example', to: ['abuse@cloudflare.example'] });

    // What arrived is what was hashed and kept: the .eml evidence, the acceptance and the event agree.
    expect(server.received).toHaveLength(1);
    const arrived = server.received[0]!.raw;
    expect(await sha256Hex(new Uint8Array(arrived))).toBe(delivery.emlSha256);
    const files = await w.evidence.repliesOf(d.id);
    expect(files.map((f) => [f.kind, f.noticeId, f.note]).sort()).toEqual([
      ['delivery', d.id, 'delivery.json'],
      ['delivery', d.id, 'notice.eml'],
    ]);
    const emlFile = files.find((f) => f.note === 'notice.eml')!;
    const proofFile = files.find((f) => f.note === 'delivery.json')!;
    expect(emlFile.sha256).toBe(delivery.emlSha256);
    expect(await blobText((await w.evidence.blob(emlFile.id))!)).toBe(arrived.toString('utf8'));
    const proof = JSON.parse(await blobText((await w.evidence.blob(proofFile.id))!)) as Record<string, unknown>;
    expect(proof).toMatchObject({ messageId: delivery.messageId, sha256: delivery.emlSha256, messageIdAdded: false });
    // The letter in the .eml is the frozen text, and the notice's own evidence went with it.
    expect(arrived.toString()).toContain(`Message-ID: ${delivery.messageId}`);
    expect(arrived.toString()).toContain('Content-Disposition: attachment');

    const t = await w.notices.getTimeline(d.id);
    expect(t?.events.at(-1)).toMatchObject({
      kind: 'sent',
      details: { channel: 'smtp', delivery: { messageId: delivery.messageId, emlSha256: delivery.emlSha256 } },
    });
    expect(await w.notices.verifyHistory(d.id)).toEqual({ ok: true });
    // A reply quoting this Message-ID finds the notice.
    expect((await w.notices.byMessageIds([delivery.messageId.toUpperCase()])).map((n) => n.id)).toEqual([d.id]);
  });

  it('shows a refusal with the server reason and marks nothing sent, keeping the refusal as evidence', async () => {
    const server = await smtp({ refuse: ['abuse@cloudflare.example'] });
    const w = await mailWorld({ smtp: server });
    const d = await w.draft();
    const deps = { notices: w.notices, evidence: w.evidence, now: w.now, mail: w.transport };
    const err = await sendNotice(deps, { noticeId: d.id, channel: 'smtp', letterhead, works }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('Recipient address rejected');
    expect((err as AppError).message).toContain('Nothing was marked as sent');
    expect(server.received).toHaveLength(0);
    const after = await w.notices.getNotice(d.id);
    expect(after?.status).toBe('draft');
    expect(after?.sent).toBeNull();
    expect((await w.notices.getTimeline(d.id))?.events.map((e) => e.kind)).not.toContain('sent');
    const files = await w.evidence.repliesOf(d.id);
    expect(files.map((f) => f.note).sort()).toEqual(['delivery.json', 'notice.eml']);
  });

  it('never mails a notice twice: after an acceptance the page failed to record, a retry freezes the stored one', async () => {
    const server = await smtp();
    const w = await mailWorld({ smtp: server });
    const d = await w.draft();
    let failOnce = true;
    const notices = {
      ...w.notices,
      markSent: async (...a: Parameters<typeof w.notices.markSent>) => {
        if (failOnce) {
          failOnce = false;
          throw new AppError('storage', 'QuotaExceededError');
        }
        return w.notices.markSent(...a);
      },
    };
    const deps = { notices, evidence: w.evidence, now: w.now, mail: w.transport };
    const first = await sendNotice(deps, { noticeId: d.id, channel: 'smtp', letterhead, works }).catch(
      (e: unknown) => e,
    );
    expect((first as AppError).kind).toBe('storage');
    expect((await w.notices.getNotice(d.id))?.status).toBe('draft');
    expect(server.received).toHaveLength(1);

    w.tick(1);
    const sent = await sendNotice(deps, { noticeId: d.id, channel: 'smtp', letterhead, works });
    expect(server.received).toHaveLength(1);
    expect(sent.status).toBe('sent');
    const raw = server.received[0]!.raw;
    expect(sent.sent?.delivery?.emlSha256).toBe(await sha256Hex(new Uint8Array(raw)));
    expect(raw.toString()).toContain(`Message-ID: ${sent.sent!.delivery!.messageId}`);
    // The frozen text is the letter inside the .eml that left.
    const body =
      /Content-Type: text\/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/.exec(
        raw.toString(),
      )?.[1];
    expect(Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(sent.sent!.text);
  });

  it('refuses when the backend has no SMTP, and when the letterhead has no address, without marking anything', async () => {
    const w = await mailWorld({ smtp: null });
    const d = await w.draft();
    const deps = { notices: w.notices, evidence: w.evidence, now: w.now, mail: w.transport };
    const noSmtp = await sendNotice(deps, { noticeId: d.id, channel: 'smtp', letterhead, works }).catch(
      (e: unknown) => e,
    );
    expect(noSmtp).toBeInstanceOf(AppError);
    expect((noSmtp as AppError).kind).toBe('unavailable');
    expect((noSmtp as AppError).message).toContain('TAKEDOWN_SMTP_URL');
    const noMail = await sendNotice(
      { notices: w.notices, evidence: w.evidence, now: w.now },
      { noticeId: d.id, channel: 'smtp', letterhead, works },
    ).catch((e: unknown) => e);
    expect((noMail as AppError).kind).toBe('unavailable');
    expect((await w.notices.getNotice(d.id))?.status).toBe('draft');
    expect(await w.evidence.repliesOf(d.id)).toEqual([]);
  });
});
