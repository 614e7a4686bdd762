/**
 * Channel `smtp` of the one send function (issue 18): the notice's .eml is rendered once, hashed, handed to the
 * backend's mail server, and kept as evidence of that notice together with the server's answer. The backend sends
 * those bytes unchanged (it adds a Message-ID only to a message without one, and ours always has one), so the hash
 * in the history is the hash of what left.
 */
import { z } from 'zod';
import { DeliveryProofSchema, type DeliveryProof } from '../contract';
import type { EvidenceRepo, AttachmentFile } from '../db/evidence-repo';
import { AppError } from '../errors';
import type { Letterhead } from '../model/letterhead';
import type { DeliveryRecord } from '../model/mail';
import type { Notice } from '../model/notice';
import type { NoticeDraft } from '../notices/draft';
import { renderEml } from '../notices/render-eml';
import type { Sha256 } from '../tracking/sha256';

/** The backend's POST /v1/send, injected so the workflow runs the same in a page and in a test. */
export interface MailTransport {
  send: (eml: string) => Promise<DeliveryProof>;
}

export interface DeliveryDeps {
  mail?: MailTransport;
  evidence: Pick<EvidenceRepo, 'addDeliveryFile' | 'repliesOf' | 'blob'>;
  sha256: Sha256;
  now: () => Date;
}

/**
 * Our Message-ID for a notice sent now, in the shape the backend recognises as ours when a reply quotes it
 * ("notice.<seed>.<time36>@domain", lib/server/mail/mail-service.ts OWN_MESSAGE_ID).
 */
export function noticeMessageId(noticeId: string, now: Date, from: string): string {
  const seed = noticeId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40) || 'n';
  return `notice.${seed}.${now.getTime().toString(36)}@${from.slice(from.lastIndexOf('@') + 1)}`;
}

/** delivery.json as kept with the notice: the server's answer, the .eml's hash and the letter text that .eml carried. */
const StoredDeliverySchema = DeliveryProofSchema.extend({
  emlSha256: DeliveryProofSchema.shape.sha256,
  text: z.string(),
});

const recordOf = (p: z.infer<typeof StoredDeliverySchema>): DeliveryRecord => ({
  messageId: p.messageId,
  accepted: p.accepted,
  rejected: p.rejected,
  response: p.response,
  refusals: p.refusals,
  time: p.time,
  envelope: p.envelope,
  emlSha256: p.emlSha256,
});

/**
 * A delivery the mail server already accepted for this still-unsent notice: the send went out but the notice was
 * not marked (the page closed, the database refused the write). Sending again would mail the provider twice.
 */
async function acceptedBefore(deps: DeliveryDeps, noticeId: string) {
  const files = (await deps.evidence.repliesOf(noticeId)).filter(
    (f) => f.kind === 'delivery' && f.note === 'delivery.json',
  );
  for (const f of files.sort((a, b) => b.capturedAt.localeCompare(a.capturedAt))) {
    const blob = await deps.evidence.blob(f.id);
    const json: unknown = blob ? JSON.parse(await new Response(blob).text()) : null;
    const stored = StoredDeliverySchema.safeParse(json);
    if (stored.success && stored.data.accepted.length > 0)
      return { delivery: recordOf(stored.data), text: stored.data.text };
  }
  return null;
}

/**
 * Sends and returns the delivery record with the letter text the sent .eml carries (the text to freeze); throws
 * (and nothing is marked sent) when no recipient was accepted. A notice the server already accepted is not sent
 * again: its stored acceptance and text are returned.
 */
export async function deliverBySmtp(
  deps: DeliveryDeps,
  args: {
    notice: Notice;
    draft: NoticeDraft;
    /** The capture's evidence and the rights holder's documents (issue 15) the .eml carries. */
    files: readonly Pick<AttachmentFile, 'filename' | 'mime' | 'bytes'>[];
    letterhead: Letterhead | null;
  },
): Promise<{ delivery: DeliveryRecord; text: string }> {
  const prior = await acceptedBefore(deps, args.notice.id);
  if (prior) return prior;
  if (!deps.mail)
    throw new AppError(
      'unavailable',
      'Sending by SMTP needs a backend started with TAKEDOWN_SMTP_URL; send by another channel, or configure the backend.',
    );
  const from = args.letterhead?.email ?? '';
  if (!from)
    throw new AppError('invalid_input', 'Add your e-mail address to the letterhead (Options) before sending by SMTP.', {
      path: 'letterhead.email',
    });
  const to = args.notice.recipient?.emails ?? [];
  if (to.length === 0)
    throw new AppError('invalid_input', 'This recipient has no e-mail address; use its web form or another channel.', {
      path: 'recipient.emails',
    });
  const now = deps.now();
  const eml = renderEml(args.draft, {
    from,
    to,
    attachments: args.files.map((f) => ({ filename: f.filename, mime: f.mime, bytes: f.bytes })),
    now: () => now,
    messageId: noticeMessageId(args.notice.id, now, from),
  });
  const emlSha256 = await deps.sha256(eml);
  const proof = await deps.mail.send(eml);
  // The server answered: what was handed over and what it said are evidence whatever follows.
  const bytes = new TextEncoder().encode(eml);
  await deps.evidence.addDeliveryFile(args.notice.id, { name: 'notice.eml', type: 'message/rfc822', bytes });
  await deps.evidence.addDeliveryFile(args.notice.id, {
    name: 'delivery.json',
    type: 'application/json',
    bytes: new TextEncoder().encode(JSON.stringify({ ...proof, emlSha256, text: args.draft.text }, null, 2)),
  });
  if (proof.accepted.length === 0) {
    const why = proof.refusals.map((r) => `${r.recipient}: ${r.response}`).join('; ') || proof.response;
    throw new AppError(
      'invalid_input',
      `The mail server refused every recipient (${why.slice(0, 500)}). Nothing was marked as sent: check the address, or use the recipient's web form or its upstream provider.`,
      { noticeId: args.notice.id, rejected: proof.rejected },
    );
  }
  if (!proof.messageIdAdded && proof.sha256 !== emlSha256)
    throw new AppError(
      'invalid_response',
      `The backend reports sending a message whose SHA-256 (${proof.sha256}) differs from the frozen .eml (${emlSha256}); the notice is not marked as sent. Update the backend and the extension together.`,
      { noticeId: args.notice.id },
    );
  return { delivery: recordOf({ ...proof, emlSha256, text: args.draft.text }), text: args.draft.text };
}
