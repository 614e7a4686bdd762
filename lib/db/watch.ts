import { liveQuery } from 'dexie';

/**
 * Calls `onChange` once now and again whenever what `query` read changes in any extension context (Dexie's live
 * queries see writes from other pages). A failed read counts as a change: the caller re-reads and reports itself.
 * Returns the unsubscribe function. Background code watches through the repositories, never Dexie directly.
 */
export function watchQuery(query: () => Promise<unknown>, onChange: () => void): () => void {
  const sub = liveQuery(query).subscribe({ next: onChange, error: onChange });
  return () => sub.unsubscribe();
}
