/** A sent notice with its two-event hash chain (created, sent), as the extension pushes it to a team server. */
import { createHash } from 'node:crypto';
import { NoticeSchema, type Notice, type NoticeEvent } from '../../lib/model/notice';
import { RecipientSchema } from '../../lib/model/recipient';
import { appendEvent } from '../../lib/tracking/hash-chain';
import { sha256Hex } from '../../lib/tracking/sha256';

export const T0 = '2026-03-02T09:00:00.000Z';
export const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

export async function sentNoticeWithLog(
  id: string,
  text = `Notice ${id}`,
): Promise<{ notice: Notice; events: NoticeEvent[] }> {
  const recipient = RecipientSchema.parse({ role: 'host', name: 'Hoster', emails: ['abuse@hoster.example'] });
  const notice = NoticeSchema.parse({
    id,
    createdAt: T0,
    updatedAt: T0,
    status: 'sent',
    host: 'pirate.example',
    urls: ['https://pirate.example/book.pdf'],
    recipient,
    recipientName: recipient.name,
    sent: { at: T0, channel: 'email', recipient, text, textSha256: sha(text), evidenceSha256: [] },
    sentAt: T0,
  });
  const e0 = await appendEvent(
    null,
    { id: `${id}-e0`, noticeId: id, at: T0, kind: 'created', actor: 'user' },
    sha256Hex,
  );
  const e1 = await appendEvent(
    e0,
    { id: `${id}-e1`, noticeId: id, at: T0, kind: 'sent', actor: 'user', textHash: sha(text) },
    sha256Hex,
  );
  return { notice, events: [e0, e1] };
}
