/**
 * Checks a frozen .eml before it is sent: size cap, a To, every address parseable (postal-mime does the MIME
 * and address parsing; nothing here is hand-rolled). Adds a Message-ID only when the letter lacks one, so in
 * every other case the bytes that leave are the bytes that were hashed.
 */
import { createHash, randomBytes } from 'node:crypto';
import PostalMime, { type Address } from 'postal-mime';
import { AppError } from '../../errors';
import { isSafeAddress } from '../../notices/mime';

export const MAX_EML_BYTES = 25 * 1024 * 1024;

export interface CheckedEml {
  /** The bytes to send: the input, or the input with a Message-ID header prepended. */
  raw: Buffer;
  messageId: string;
  messageIdAdded: boolean;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  sha256: string;
}

function flatten(list: Address[] | undefined): string[] {
  return (list ?? []).flatMap((a) => (a.group ? a.group.map((m) => m.address) : [a.address ?? '']));
}

function invalid(msg: string): never {
  throw new AppError('invalid_input', msg);
}

export async function checkEml(input: Buffer, opts: { now?: () => Date } = {}): Promise<CheckedEml> {
  if (input.length === 0) invalid('the .eml is empty');
  if (input.length > MAX_EML_BYTES) invalid(`the .eml is larger than ${MAX_EML_BYTES / 1024 / 1024} MB`);
  const headEnd = input.indexOf('\r\n\r\n') >= 0 ? input.indexOf('\r\n\r\n') : input.indexOf('\n\n');
  if (headEnd < 0) invalid('the .eml has no header/body separator');
  const mail = await PostalMime.parse(input, { maxNestingDepth: 50, maxHeadersSize: 256 * 1024 });
  // Header fields that must occur once: a second To or From would make the envelope ambiguous.
  for (const key of ['from', 'to', 'cc', 'message-id', 'subject']) {
    if (mail.headers.filter((h) => h.key === key).length > 1) invalid(`the .eml has more than one ${key} header`);
  }
  const to = flatten(mail.to);
  const cc = flatten(mail.cc);
  const from = flatten(mail.from ? [mail.from] : undefined);
  if (to.length === 0) invalid('the .eml has no To address');
  const [sender] = from;
  if (sender === undefined || from.length !== 1) invalid('the .eml needs exactly one From address');
  // The same address rule the letter renderer applies, so every .eml the project drafts passes.
  const bad = [...from, ...to, ...cc].find((a) => !isSafeAddress(a));
  if (bad !== undefined) invalid(`not a usable e-mail address: ${JSON.stringify(bad).slice(0, 120)}`);
  if (mail.bcc?.length) invalid('the .eml has a Bcc header; a frozen notice names every recipient openly');

  let raw = input;
  let messageId = (mail.messageId ?? '').trim();
  const added = !messageId;
  if (added) {
    const domain = sender.slice(sender.lastIndexOf('@') + 1);
    const when = (opts.now ?? (() => new Date()))().getTime().toString(36);
    messageId = `<notice.${when}.${randomBytes(8).toString('hex')}@${domain}>`;
    const eol = input.indexOf('\r\n') >= 0 ? '\r\n' : '\n';
    raw = Buffer.concat([Buffer.from(`Message-ID: ${messageId}${eol}`), input]);
  } else if (!/^<[^<>\s]+@[^<>\s]+>$/.test(messageId)) {
    invalid('the .eml has a malformed Message-ID');
  }
  return {
    raw,
    messageId,
    messageIdAdded: added,
    from: sender,
    to,
    cc,
    subject: mail.subject ?? '',
    sha256: createHash('sha256').update(raw).digest('hex'),
  };
}
