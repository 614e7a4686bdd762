/**
 * One sync round between the extension and the team server, with storage passed in: push every notice waiting in
 * the outbox (sent notices and their new events), then pull the team's notices changed since the stored cursor.
 * IndexedDB stays the offline copy: when the server cannot be reached the round stops, the outbox keeps what was
 * not pushed and the next round (the background's alarm) drains it. A push the server refuses for good (a viewer
 * token, a rewritten sent notice, a broken chain) is reported with its reason and dropped from the outbox, not
 * retried for ever; nothing local is changed by a refusal.
 */
import type { FetchFn } from '../backend/client';
import { AppError, serializeError, type SerializedError } from '../errors';
import type { BackendSettings } from '../model/settings';
import { pullNotices, pushNotice } from './client';
import type { PulledNotice, PushBody, PushResult } from './schema';

export interface SyncIo {
  settings: BackendSettings;
  fetch: FetchFn;
  /** Ids of the notices waiting to be pushed, oldest first. */
  pending(): Promise<string[]>;
  /** One notice's push, split into bodies that each fit the server's limit (read one notice at a time). */
  bodies(noticeId: string): Promise<PushBody[]>;
  /** The server stored this body (or already had it) at this version. */
  pushed(body: PushBody, result: PushResult): Promise<void>;
  /** The server refused it for good; the reason is kept to show on the notice. */
  refused(body: PushBody, error: SerializedError): Promise<void>;
  /** Team notices changed since the cursor, to store as the popup's team view. */
  received(notices: PulledNotice[]): Promise<void>;
  cursor(): Promise<number>;
  setCursor(cursor: number): Promise<void>;
  /** After each notice pushed and each page pulled: a first sync with a large team takes a while, and says so. */
  progress?(p: { pushed: number; pending: number; pulled: number }): Promise<void>;
}

export interface SyncReport {
  pushed: number;
  refused: Array<{ noticeId: string; error: SerializedError }>;
  pulled: number;
  /** The server could not be reached (or its database was down): the outbox keeps the rest. */
  offline: boolean;
  /** Why the round stopped early, when it did: the panel explains a refused token, not just "unreachable". */
  stoppedBy: SerializedError | null;
}

/** Kinds that mean "try again later" rather than "this push is wrong". */
const TRANSIENT = new Set(['unavailable', 'timeout', 'rate_limited', 'internal']);
const PAGE = 100;

export async function syncOnce(io: SyncIo): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, refused: [], pulled: 0, offline: false, stoppedBy: null };
  const pending = await io.pending();
  const tell = () => io.progress?.({ pushed: report.pushed, pending: pending.length, pulled: report.pulled });
  for (const id of pending) {
    const bodies = await io.bodies(id);
    if (bodies.length === 0) continue;
    for (const body of bodies) {
      try {
        await io.pushed(body, await pushNotice(io.settings, io.fetch, body));
      } catch (err) {
        const error = serializeError(err);
        if (!(err instanceof AppError) || TRANSIENT.has(error.kind) || error.kind === 'unauthorized') {
          // Unreachable, or a token problem the user must fix in the options: keep everything for the next round.
          report.offline = true;
          report.stoppedBy = error;
          return report;
        }
        await io.refused(body, error);
        report.refused.push({ noticeId: id, error });
        break;
      }
    }
    if (!report.refused.some((r) => r.noticeId === id)) report.pushed++;
    await tell();
  }
  try {
    let since = await io.cursor();
    for (;;) {
      const page = await pullNotices(io.settings, io.fetch, since, PAGE);
      if (page.notices.length) await io.received(page.notices);
      report.pulled += page.notices.length;
      if (page.cursor !== since) await io.setCursor(page.cursor);
      await tell();
      if (page.notices.length < PAGE) break;
      since = page.cursor;
    }
  } catch (err) {
    if (err instanceof AppError && (TRANSIENT.has(err.kind) || err.kind === 'unauthorized')) {
      report.offline = true;
      report.stoppedBy = serializeError(err);
    } else throw err;
  }
  return report;
}
