/**
 * Notices and drafts stored before recipient notes had codes hold plain strings there. They are upgraded as they are
 * read (a Dexie reading hook, schema.ts), never rewritten in place: a sent notice stays exactly as it was stored, and
 * every page sees coded notes, the old ones as `legacy` notes with their words kept.
 */
import { upgradeNotes } from '../model/note';
import type { Notice } from '../model/notice';

type WithNotes = { notes?: unknown };

function upgradeRecipient<T extends WithNotes | null | undefined>(r: T): T {
  if (!r || typeof r !== 'object' || !Array.isArray(r.notes)) return r;
  if (r.notes.every((n) => typeof n === 'object' && n !== null)) return r;
  return { ...r, notes: upgradeNotes(r.notes) };
}

export function upgradeNoticeNotes(n: Notice): Notice {
  if (!n || typeof n !== 'object') return n;
  const recipient = upgradeRecipient(n.recipient);
  const candidates = Array.isArray(n.candidates) ? n.candidates.map(upgradeRecipient) : n.candidates;
  const sentRecipient = n.sent ? upgradeRecipient(n.sent.recipient) : undefined;
  const changed =
    recipient !== n.recipient ||
    (candidates ?? []).some((c, i) => c !== n.candidates?.[i]) ||
    (n.sent && sentRecipient !== n.sent.recipient);
  if (!changed) return n;
  return {
    ...n,
    recipient,
    candidates,
    ...(n.sent && sentRecipient ? { sent: { ...n.sent, recipient: sentRecipient } } : {}),
  };
}
