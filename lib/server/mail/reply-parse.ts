/**
 * A reply as the poller keeps it: headers that link it to a notice, plain text (HTML rendered to text by
 * html-to-text; scripts and styles never survive), attachments with their SHA-256, and the DSN fields of a bounce.
 * postal-mime does the MIME work within limits, so a huge, deeply nested or mis-labelled message yields a
 * truncated or partial reply, never an exception that stops the poller.
 */
import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';
import PostalMime, { type Address, type Attachment } from 'postal-mime';

export const MAX_REPLY_BYTES = 15 * 1024 * 1024;
export const MAX_TEXT_CHARS = 100_000;
const MAX_ATTACHMENTS = 50;

export interface ReplyAttachment {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export interface DeliveryStatus {
  /** The failed recipients (Final-Recipient), bare addresses. */
  recipients: string[];
  action: string | null;
  status: string | null;
  diagnostic: string | null;
}

export interface ParsedReply {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: string | null;
  fromName: string | null;
  to: string[];
  subject: string;
  date: string | null;
  text: string;
  /** Every Message-ID-shaped token in the body and in text-like attachments (quoted notices, returned headers). */
  quotedIds: string[];
  attachments: ReplyAttachment[];
  dsn: DeliveryStatus | null;
  /** Header values a classifier may look at (Auto-Submitted, X-Autoreply, Content-Type …), lower-case keys. */
  headers: Record<string, string>;
  /** True when the input was cut at MAX_REPLY_BYTES or the text at MAX_TEXT_CHARS. */
  truncated: boolean;
  sha256: string;
}

const MSGID = /<[^<>\s@]{1,250}@[^<>\s@]{1,250}>/g;

const ids = (s: string | undefined): string[] => [...new Set((s ?? '').match(MSGID) ?? [])];
const mailboxes = (list: Address[] | undefined) => (list ?? []).flatMap((a) => (a.group ? a.group : [a]));

function bytesOf(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function htmlToText(html: string): string {
  return convert(html.slice(0, 2 * MAX_TEXT_CHARS), {
    wordwrap: false,
    selectors: [
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
    ],
    limits: { maxDepth: 40, maxChildNodes: 2000, ellipsis: '…' },
  });
}

/** RFC 3464 per-recipient fields; the format is "Name: value" lines, unfolded. */
function parseDeliveryStatus(text: string): DeliveryStatus {
  const unfolded = text.replace(/\r?\n[ \t]+/g, ' ');
  const field = (name: string) => unfolded.match(new RegExp(`^${name}:\\s*(.+)$`, 'im'))?.[1]?.trim() ?? null;
  const recipients = [
    ...unfolded.matchAll(/^(?:Final|Original)-Recipient:\s*(?:rfc822;)?\s*<?([^\s<>;]+@[^\s<>;]+)>?/gim),
  ].map((m) => m[1]!.toLowerCase());
  return {
    recipients: [...new Set(recipients)],
    action: field('Action'),
    status: field('Status'),
    diagnostic: field('Diagnostic-Code')?.slice(0, 1000) ?? null,
  };
}

/** Offset just past the blank line that ends the header section (or the end). */
function headerEnd(raw: Uint8Array): number {
  for (let i = 0; i + 1 < raw.length; i++) {
    if (raw[i] === 0x0a && (raw[i + 1] === 0x0a || (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a)))
      return i + (raw[i + 1] === 0x0a ? 2 : 3);
  }
  return raw.length;
}

const TEXTLIKE =
  /^(text\/|message\/(rfc822|delivery-status|global-headers|global-delivery-status)|text\/rfc822-headers)/i;

/** Pass `keep` to receive each attachment's bytes (in the order of `attachments`), for serving one as evidence. */
export async function parseReply(input: Uint8Array, keep?: Uint8Array[]): Promise<ParsedReply> {
  const sha256 = createHash('sha256').update(input).digest('hex');
  let truncated = input.length > MAX_REPLY_BYTES;
  const raw = truncated ? input.subarray(0, MAX_REPLY_BYTES) : input;
  let mail: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    mail = await PostalMime.parse(raw, {
      maxNestingDepth: 30,
      maxHeadersSize: 512 * 1024,
      rfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
    });
  } catch {
    // Too deep or too broken for the MIME parser: keep the headers and the body as undecoded text to read.
    const cut = raw.indexOf(0x0a) < 0 ? raw.length : headerEnd(raw);
    const head = await PostalMime.parse(raw.subarray(0, cut), { maxHeadersSize: 512 * 1024 }).catch(() => null);
    const body = new TextDecoder('utf-8', { fatal: false }).decode(raw.subarray(cut, cut + MAX_TEXT_CHARS));
    mail = { ...(head ?? { headers: [], headerLines: [] }), attachments: [], text: body, html: undefined };
    truncated = true;
  }
  const headers: Record<string, string> = {};
  for (const h of mail.headers.slice(0, 200)) if (!(h.key in headers)) headers[h.key] = h.value.slice(0, 2000);

  let text = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : '';
  const attachments: ReplyAttachment[] = [];
  const quotedSources: string[] = [];
  let dsn: DeliveryStatus | null = null;
  for (const a of mail.attachments.slice(0, MAX_ATTACHMENTS)) {
    const bytes = bytesOf(a.content);
    keep?.push(bytes);
    attachments.push({
      filename: (a.filename ?? 'attachment').replace(/[\p{Cc}\\/]/gu, '_').slice(0, 200),
      mimeType: a.mimeType.slice(0, 200),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    if (TEXTLIKE.test(a.mimeType)) {
      const t = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 256 * 1024));
      quotedSources.push(t);
      if (/delivery-status/i.test(a.mimeType)) dsn = parseDeliveryStatus(t);
    }
  }
  if (mail.attachments.length > MAX_ATTACHMENTS) truncated = true;
  if (text.length > MAX_TEXT_CHARS) {
    text = text.slice(0, MAX_TEXT_CHARS);
    truncated = true;
  }
  const from = mail.from && !mail.from.group ? mail.from : mailboxes(mail.from ? [mail.from] : undefined)[0];
  const messageId = ids(mail.messageId)[0] ?? null;
  return {
    messageId,
    inReplyTo: ids(mail.inReplyTo),
    references: ids(mail.references),
    from: from?.address?.toLowerCase() ?? null,
    fromName: from?.name || null,
    to: mailboxes(mail.to).map((m) => m.address.toLowerCase()),
    subject: (mail.subject ?? '').slice(0, 1000),
    date: mail.date ?? null,
    text,
    quotedIds: [...new Set([text, ...quotedSources].flatMap((s) => ids(s)))].filter((id) => id !== messageId),
    attachments,
    dsn,
    headers,
    truncated,
    sha256,
  };
}
