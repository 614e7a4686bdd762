import { fetchReplies, fetchReplyAttachment, mailStatus } from '../../lib/backend/mail';
import { createEvidenceRepo } from '../../lib/db/evidence-repo';
import { createNoticesRepo } from '../../lib/db/notices-repo';
import { db } from '../../lib/db/schema';
import { readSetting, writeSetting } from '../../lib/db/settings';
import { withFailing } from '../../lib/mail/failing-addresses';
import { pollReplies, type PollDeps, type PollOutcome } from '../../lib/mail/poll-replies';
import { FailingAddressesSchema, MailCursorSchema } from '../../lib/model/mail';
import { BackendSettingsSchema } from '../../lib/model/settings';
import { sha256Hex } from '../../lib/tracking/sha256';
import { FOLLOW_UP_ALARM } from './follow-ups';

/** The reply poll's I/O in the extension: the backend client, this profile's IndexedDB and its settings. */
export function browserPollDeps(): PollDeps & { imapConfigured: () => Promise<boolean> } {
  const d = db();
  const now = () => new Date();
  const backend = async () => (await readSetting(d, 'backend')).value ?? BackendSettingsSchema.parse({});
  const fetchFn: typeof fetch = (...a) => globalThis.fetch(...a);
  return {
    imapConfigured: async () => (await mailStatus(await backend(), fetchFn)).imap.configured,
    fetchReplies: async (since) => fetchReplies(await backend(), fetchFn, since),
    fetchAttachment: async (id, index) => fetchReplyAttachment(await backend(), fetchFn, id, index),
    notices: createNoticesRepo({ db: d, now }),
    evidence: createEvidenceRepo({ db: d, now }),
    cursor: {
      read: async () => (await readSetting(d, 'mailCursor')).value ?? MailCursorSchema.parse({}),
      write: async (c) => void (await writeSetting(d, 'mailCursor', c)),
    },
    markFailing: async (entries) => {
      const current = (await readSetting(d, 'failingAddresses')).value ?? FailingAddressesSchema.parse({});
      await writeSetting(d, 'failingAddresses', withFailing(current, entries));
    },
    sha256: sha256Hex,
    now,
  };
}

/**
 * Polls the backend for replies on the follow-up alarm (issue 18). A backend that is down or has no IMAP is
 * skipped without a word (the browser-only mode has no backend at all); a poll that fails once IMAP is
 * configured is recorded in the cursor and shown on the options page.
 */
export function wireMailPoll(deps: ReturnType<typeof browserPollDeps> = browserPollDeps()): {
  poll: () => Promise<PollOutcome | null>;
} {
  let running: Promise<PollOutcome | null> | null = null;
  const poll = () => {
    running ??= (async () => {
      const configured = await deps.imapConfigured().catch(() => false);
      return configured ? await pollReplies(deps) : null;
    })().finally(() => {
      running = null;
    });
    return running;
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_UP_ALARM) void poll().catch((err: unknown) => console.warn('reply poll failed', err));
  });
  return { poll };
}
