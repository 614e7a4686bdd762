import { z } from 'zod';
import { AppError } from '../errors';
import type { NoticeDraft } from './draft';
import {
  base64Body,
  encodeHeaderValue,
  filenameParams,
  fnv1a,
  isSafeAddress,
  mailbox,
  rfc5322Date,
  safeMimeType,
  utf8Bytes,
} from './mime';

export const EmlAttachmentSchema = z.object({
  filename: z.string().max(1000),
  mime: z.string().max(200),
  bytes: z.instanceof(Uint8Array),
});
export type EmlAttachment = z.infer<typeof EmlAttachmentSchema>;

export interface EmlOptions {
  from: string;
  /** Display name for From; defaults to the letterhead's company. */
  fromName?: string;
  to: string[];
  cc?: string[];
  attachments?: EmlAttachment[];
  now: () => Date;
  /** Without angle brackets, e.g. "notice-42@example.org"; derived from the content when absent. */
  messageId?: string;
}

const CRLF = '\r\n';
const MSG_ID = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,253}$/;

/**
 * The notice as an RFC 5322 message: multipart/alternative (text and HTML, both base64 UTF-8)
 * inside multipart/mixed when evidence is attached. Addresses that could break a header are
 * refused; every other header value goes through RFC 2047 encoding, so input text can never
 * add a header or a line. Boundaries start with "=_", which cannot occur in base64 (RFC 2045 §6.7).
 */
export function renderEml(
  draft: Pick<NoticeDraft, 'subject' | 'text' | 'html' | 'letterhead'>,
  opts: EmlOptions,
): string {
  const bad = [opts.from, ...opts.to, ...(opts.cc ?? [])].filter((a) => !isSafeAddress(a));
  if (bad.length > 0 || opts.to.length === 0)
    throw new AppError(
      'invalid_input',
      opts.to.length === 0
        ? 'no recipient address'
        : `not a usable e-mail address: ${JSON.stringify(bad[0]).slice(0, 120)}`,
    );
  if (opts.messageId !== undefined && !MSG_ID.test(opts.messageId))
    throw new AppError('invalid_input', 'invalid Message-ID');
  const attachments = (opts.attachments ?? []).map((a) => EmlAttachmentSchema.parse(a));

  const now = opts.now();
  const seed = fnv1a(`${now.toISOString()}\n${draft.subject}\n${draft.text.length}\n${opts.to.join(',')}`);
  const domain = opts.from.slice(opts.from.lastIndexOf('@') + 1);
  const messageId = opts.messageId ?? `notice.${seed}.${now.getTime().toString(36)}@${domain}`;
  const mixed = `=_mixed_${seed}`;
  const alt = `=_alt_${seed}`;

  const out: string[] = [
    `Date: ${rfc5322Date(now)}`,
    `From: ${mailbox(opts.from, opts.fromName ?? (draft.letterhead.company || draft.letterhead.signatory))}`,
    `To: ${opts.to.map((a) => `<${a}>`).join(`,${CRLF} `)}`,
  ];
  if (opts.cc && opts.cc.length > 0) out.push(`Cc: ${opts.cc.map((a) => `<${a}>`).join(`,${CRLF} `)}`);
  out.push(`Message-ID: <${messageId}>`, `Subject: ${encodeHeaderValue(draft.subject, 9)}`, 'MIME-Version: 1.0');

  const alternative = [
    `Content-Type: multipart/alternative; boundary="${alt}"`,
    '',
    `--${alt}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Body(utf8Bytes(draft.text)),
    `--${alt}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Body(utf8Bytes(draft.html)),
    `--${alt}--`,
  ];
  if (attachments.length === 0) {
    out.push(...alternative);
  } else {
    out.push(`Content-Type: multipart/mixed; boundary="${mixed}"`, '', `--${mixed}`, ...alternative);
    for (const a of attachments) {
      const params = filenameParams(a.filename);
      out.push(
        `--${mixed}`,
        `Content-Type: ${safeMimeType(a.mime)}`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment;${CRLF} ${params}`,
        '',
        base64Body(a.bytes),
      );
    }
    out.push(`--${mixed}--`);
  }
  return out.join(CRLF) + CRLF;
}
