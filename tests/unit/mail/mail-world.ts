/**
 * The extension's mail workflow against the real backend app (lib/server/app.ts with its MailService) and a
 * loopback SMTP server on 127.0.0.1, over a fresh fake-IndexedDB world. The IMAP side is handed over by the
 * MailService's `poll` seam here; tests/server/mail-imap.test.ts and tests/e2e/mail.spec.ts read a real Dovecot.
 */
import { fetchReplies, fetchReplyAttachment, sendViaBackend } from '../../../lib/backend/mail';
import { withFailing } from '../../../lib/mail/failing-addresses';
import type { PollDeps } from '../../../lib/mail/poll-replies';
import {
  FailingAddressesSchema,
  MailCursorSchema,
  type FailingAddresses,
  type MailCursor,
} from '../../../lib/model/mail';
import { createApp } from '../../../lib/server/app';
import { MailService } from '../../../lib/server/mail/mail-service';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../helpers/loopback-smtp';
import { recordWorld } from '../db/record-fixtures';

const TOKEN = 't'.repeat(32);
export const backendSettings = { url: 'http://127.0.0.1:8787', token: TOKEN };

export interface Mailbox {
  /** Raw messages the next poll hands over, by uid. */
  messages: { uid: number; internalDate: string; source: Buffer }[];
}

const opened: { delete: () => Promise<void> }[] = [];
/** Deletes every database mailWorld opened; call it in afterEach. */
export async function deleteMailWorlds() {
  await Promise.all(opened.splice(0).map((d) => d.delete()));
}

export async function mailWorld(opts: { smtp?: LoopbackSmtp | null } = {}) {
  const world = await recordWorld();
  opened.push(world.db);
  const mailbox: Mailbox = { messages: [] };
  let seen = 0;
  const mail = new MailService({
    smtp: opts.smtp
      ? { host: '127.0.0.1', port: opts.smtp.port, secure: false, requireTls: false, timeoutMs: 2000 }
      : undefined,
    imap: {
      host: 'imap.moonlit.example',
      port: 993,
      secure: true,
      requireTls: false,
      user: 'u',
      pass: 'p',
      folder: 'INBOX',
    },
    now: world.now,
    minPollIntervalMs: 0,
    poll: async () => {
      const fresh = mailbox.messages.filter((m) => m.uid > seen);
      seen = Math.max(seen, ...fresh.map((m) => m.uid));
      return { messages: fresh.map((m) => ({ ...m, uidValidity: '7' })), cursor: { uidValidity: '7', lastUid: seen } };
    },
    fetchMessage: async (_imap, _uidValidity, uid) => mailbox.messages.find((m) => m.uid === uid)?.source ?? null,
  });
  const app = createApp({ now: world.now, token: TOKEN, mail });
  const fetchFn = ((url: string, init?: RequestInit) =>
    app.request(new URL(url).pathname + new URL(url).search, init)) as typeof fetch;
  let cursor: MailCursor = MailCursorSchema.parse({});
  let failing: FailingAddresses = FailingAddressesSchema.parse({});
  const pollDeps: PollDeps = {
    fetchReplies: (since) => fetchReplies(backendSettings, fetchFn, since),
    fetchAttachment: (id, index) => fetchReplyAttachment(backendSettings, fetchFn, id, index),
    notices: world.notices,
    evidence: world.evidence,
    cursor: {
      read: async () => cursor,
      write: async (c) => void (cursor = MailCursorSchema.parse(c)),
    },
    markFailing: async (entries) => void (failing = withFailing(failing, entries)),
    sha256: sha256Hex,
    now: world.now,
  };
  return {
    ...world,
    mailbox,
    mail,
    fetchFn,
    transport: { send: (eml: string) => sendViaBackend(backendSettings, fetchFn, eml) },
    pollDeps,
    cursor: () => cursor,
    failing: () => failing,
  };
}

export async function smtpServer(opts: Parameters<typeof startLoopbackSmtp>[0] = {}) {
  return startLoopbackSmtp(opts);
}
