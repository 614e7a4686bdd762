import type { NoticeDraft } from './draft';

export type LetterParts = Pick<NoticeDraft, 'lang' | 'subject' | 'date' | 'letterhead' | 'recipient' | 'sections'>;

/**
 * The letter as plain text. User text is kept literal (no escaping, no trimming of what the
 * user typed): this is what gets pasted into forms and stored as the sent record.
 * Built as one array joined once, so a 500-URL notice stays linear.
 */
export function renderText(d: LetterParts): string {
  const lh = d.letterhead;
  const zh = d.lang !== 'en';
  const out: string[] = [];
  for (const line of [lh.company, lh.address]) if (line.trim()) out.push(line);
  const contact = [
    lh.phone.trim() ? `${zh ? '电话：' : 'Tel. '}${lh.phone}` : '',
    lh.email.trim() ? `${zh ? '邮箱：' : 'E-mail '}${lh.email}` : '',
  ]
    .filter(Boolean)
    .join(' | ');
  if (contact) out.push(contact);
  out.push('', d.date, '');
  const to =
    d.recipient.emails.length > 0 ? `${d.recipient.name} <${d.recipient.emails.join(', ')}>` : d.recipient.name;
  out.push(zh ? `致：${to}` : `To: ${to}`, '', zh ? `事由：${d.subject}` : `Re: ${d.subject}`, '');
  for (const s of d.sections) {
    if (!s.body) continue;
    if (!s.title) {
      out.push(s.body, '');
      continue;
    }
    out.push(s.title, '-'.repeat(Math.min(40, Math.max(4, displayWidth(s.title)))), s.body, '');
  }
  return out.join('\n');
}

/** Columns a title takes in a monospaced view: CJK and full-width characters count twice. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}
