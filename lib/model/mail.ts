/**
 * What the extension keeps from the backend's mail (issue 18): the proof of an SMTP delivery, frozen with the sent
 * record; the replies cursor; the addresses that bounced. No credential ever appears here: the backend holds them.
 */
import { z } from 'zod';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const iso = z.iso.datetime({ offset: true });

/**
 * The server's acceptance of one notice, as recorded in its 'sent' event. `emlSha256` is the hash of the exact
 * .eml handed to the backend, and the backend's own hash of what it sent must equal it.
 */
export const DeliveryRecordSchema = z.object({
  messageId: z.string().max(998),
  accepted: z.array(z.string().max(320)).max(100),
  rejected: z.array(z.string().max(320)).max(100),
  /** The server's final reply line, with its queue id when the server gives one. */
  response: z.string().max(2000),
  refusals: z
    .array(z.object({ recipient: z.string().max(320), response: z.string().max(2000) }))
    .max(100)
    .default([]),
  time: iso,
  envelope: z.object({ from: z.string().max(320), to: z.array(z.string().max(320)).max(100) }),
  emlSha256: hex64,
});
export type DeliveryRecord = z.infer<typeof DeliveryRecordSchema>;

/** Settings key `mailCursor`: the receivedAt of the newest reply already handled, sent back as `since`. */
export const MailCursorSchema = z.object({
  since: iso.nullable().default(null),
  /** When the background last asked, and what went wrong then (shown on the options page). */
  lastPoll: iso.nullable().default(null),
  lastError: z.string().max(500).nullable().default(null),
});
export type MailCursor = z.infer<typeof MailCursorSchema>;

/** One address a delivery status notification said cannot receive mail. */
export const FailingAddressSchema = z.object({
  address: z.string().max(320),
  at: iso,
  /** The notice whose bounce said so. */
  noticeId: z.string().max(64),
  reason: z.string().max(500).default(''),
});
export type FailingAddress = z.infer<typeof FailingAddressSchema>;

/**
 * Settings key `failingAddresses`: the provider directory's local overrides for addresses that bounced. Addresses
 * are stored lower case; a later bounce of the same address replaces the earlier entry.
 */
export const FailingAddressesSchema = z.object({ entries: z.array(FailingAddressSchema).max(5000).default([]) });
export type FailingAddresses = z.infer<typeof FailingAddressesSchema>;
