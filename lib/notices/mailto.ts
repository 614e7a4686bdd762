import type { NoticeDraft } from './draft';
import { isSafeAddress } from './mime';

/** Browsers and mail clients truncate or refuse longer mailto: URLs; past this, copy the text instead. */
export const MAILTO_MAX = 2000;

export type MailtoResult = { url: string } | { tooLong: true; subject: string; text: string };

// RFC 6068 §5: encode everything outside unreserved characters; line breaks in the body are %0D%0A.
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A mailto: link for the notice, or `tooLong` with the text to copy when the URL would pass
 * about 2,000 characters. Addresses that are not plain mailboxes are dropped, so input cannot
 * add recipients or headers (e.g. "a@b.example?bcc=c@d.example").
 */
export function mailtoFor(draft: Pick<NoticeDraft, 'subject' | 'text'>, to: string[]): MailtoResult {
  const addrs = to.filter(isSafeAddress).map((a) => enc(a).replace(/%40/g, '@'));
  const body = draft.text.replace(/\r?\n/g, '\r\n');
  const url = `mailto:${addrs.join(',')}?subject=${enc(draft.subject)}&body=${enc(body)}`;
  if (url.length > MAILTO_MAX) return { tooLong: true, subject: draft.subject, text: draft.text };
  return { url };
}
