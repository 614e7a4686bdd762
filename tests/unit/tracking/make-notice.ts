import { NoticeSchema, type Notice, type SentRecord } from '../../../lib/model/notice';
import { RecipientSchema, type Recipient } from '../../../lib/model/recipient';

export const T0 = '2026-03-02T09:00:00.000Z';

export function recipient(role: Recipient['role'], name: string, extra: Partial<Recipient> = {}): Recipient {
  return RecipientSchema.parse({
    role,
    name,
    emails: [`abuse@${name.toLowerCase().replace(/\W+/g, '')}.example`],
    ...extra,
  });
}

export function makeNotice(over: Partial<Notice> = {}): Notice {
  return NoticeSchema.parse({
    id: 'n1',
    createdAt: T0,
    updatedAt: T0,
    status: 'draft',
    host: 'pirate.example',
    urls: ['https://pirate.example/book.pdf'],
    workIds: ['w1'],
    workTitles: ['The Book'],
    ...over,
  });
}

export function sentRecord(r: Recipient, at = T0, text = 'Notice text'): SentRecord {
  return { at, channel: 'email', recipient: r, text, textSha256: 'a'.repeat(64), evidenceSha256: [] };
}

export function sentNotice(over: Partial<Notice> = {}, r = recipient('host', 'Hoster')): Notice {
  const sent = sentRecord(r, over.sentAt ?? T0);
  return makeNotice({ status: 'sent', sent, sentAt: sent.at, recipient: r, recipientName: r.name, ...over });
}
