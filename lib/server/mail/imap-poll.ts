/**
 * One IMAP poll with imapflow: open the folder read-only (the mailbox stays the user's; nothing is flagged or
 * moved), fetch every message above the last UID seen, and hand each one's bytes (capped) to the caller. A UIDVALIDITY
 * change means the server renumbered the folder, so the cursor starts again from the beginning.
 */
import { ImapFlow } from 'imapflow';
import { AppError } from '../../errors';
import type { ImapSettings } from './imap-settings';
import { MAX_REPLY_BYTES } from './reply-parse';

export interface ImapCursor {
  uidValidity: string | null;
  lastUid: number;
}

export interface FetchedMessage {
  uid: number;
  uidValidity: string;
  internalDate: string | null;
  source: Uint8Array;
}

/** At most this many messages per poll, oldest first, so a first poll of a big folder stays bounded. */
export const MAX_PER_POLL = 200;

/** Connects, runs `work`, logs out; login and connection failures become AppErrors naming the server. */
async function withImap<T>(settings: ImapSettings, work: (client: ImapFlow, where: string) => Promise<T>): Promise<T> {
  const timeout = settings.timeoutMs ?? 15_000;
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    doSTARTTLS: settings.requireTls ? true : undefined,
    auth: { user: settings.user, pass: settings.pass },
    logger: false,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: 4 * timeout,
    disableAutoIdle: true,
  });
  // imapflow emits 'error' on socket failures after connect; without a listener Node would crash the process.
  client.on('error', () => undefined);
  const where = `${settings.host}:${settings.port}`;
  try {
    await client.connect();
  } catch (e) {
    const err = e as { authenticationFailed?: boolean; message?: string; code?: string };
    if (err.authenticationFailed) throw new AppError('unauthorized', `IMAP login to ${where} failed`);
    throw new AppError(
      err.code === 'ETIMEDOUT' ? 'timeout' : 'unavailable',
      `IMAP server ${where} is unreachable: ${(err.message ?? '').split('\n')[0]!.slice(0, 200)}`,
    );
  }
  try {
    return await work(client, where);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function openFolder(client: ImapFlow, settings: ImapSettings, where: string) {
  return client.mailboxOpen(settings.folder, { readOnly: true }).catch(() => {
    throw new AppError('not_found', `IMAP folder "${settings.folder}" does not exist on ${where}`);
  });
}

export async function pollImap(
  settings: ImapSettings,
  cursor: ImapCursor,
): Promise<{ messages: FetchedMessage[]; cursor: ImapCursor }> {
  return withImap(settings, async (client, where) => {
    const box = await openFolder(client, settings, where);
    const uidValidity = String(box.uidValidity);
    const from = cursor.uidValidity === uidValidity ? cursor.lastUid : 0;
    const messages: FetchedMessage[] = [];
    let lastUid = from;
    if (box.exists > 0) {
      // "n:*" always includes the newest message even when its UID is below n, hence the filter; the batch is
      // chosen before fetching so the FETCH loop always runs to its end.
      const found = await client.search({ uid: `${from + 1}:*` }, { uid: true });
      const batch = (found || [])
        .filter((uid) => uid > from)
        .sort((a, b) => a - b)
        .slice(0, MAX_PER_POLL);
      if (batch.length) {
        for await (const msg of client.fetch(
          batch,
          { uid: true, internalDate: true, source: { maxLength: MAX_REPLY_BYTES } },
          { uid: true },
        )) {
          if (!msg.source) continue;
          messages.push({
            uid: msg.uid,
            uidValidity,
            internalDate: msg.internalDate ? new Date(msg.internalDate).toISOString() : null,
            source: msg.source,
          });
        }
        messages.sort((a, b) => a.uid - b.uid);
        lastUid = batch[batch.length - 1] ?? lastUid;
      }
    }
    return { messages, cursor: { uidValidity, lastUid } };
  });
}

/** One message's bytes by UID, or null when it is gone or the folder was renumbered (UIDVALIDITY changed). */
export async function fetchImapMessage(
  settings: ImapSettings,
  uidValidity: string,
  uid: number,
): Promise<Uint8Array | null> {
  return withImap(settings, async (client, where) => {
    const box = await openFolder(client, settings, where);
    if (String(box.uidValidity) !== uidValidity) return null;
    const msg = await client.fetchOne(
      String(uid),
      { uid: true, source: { maxLength: MAX_REPLY_BYTES } },
      { uid: true },
    );
    return msg && msg.source ? msg.source : null;
  });
}
