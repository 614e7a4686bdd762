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
  const contact = [lh.phone.trim() ? `${zh ? '电话' : 'Tel.'} ${lh.phone}` : '', lh.email.trim() ? `${zh ? '邮箱' : 'E-mail'} ${lh.email}` : '']
    .filter(Boolean)
    .join(' | ');
  if (contact) out.push(contact);
  out.push('', d.date, '');
  const to = d.recipient.emails.length > 0 ? `${d.recipient.name} <${d.recipient.emails.join(', ')}>` : d.recipient.name;
  out.push(`${zh ? '致' : 'To'}: ${to}`, '', `${zh ? '事由' : 'Re'}: ${d.subject}`, '');
  for (const s of d.sections) {
    if (s.id === 'signature') {
      out.push(s.body, '');
      continue;
    }
    if (!s.body) continue;
    out.push(s.title, '-'.repeat(Math.min(40, Math.max(4, s.title.length))), s.body, '');
  }
  return out.join('\n');
}
