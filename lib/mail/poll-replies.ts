/**
 * The follow-up alarm's mail step (issue 18): ask the backend for the replies received since the cursor, tie each to
 * the notice it answers by the Message-IDs it names, keep its text and attachments as evidence of THAT notice,
 * append a 'reply_received' event carrying the suggested classification, and note bounced addresses. Nothing here
 * changes a notice's status: the user confirms a suggestion on the notice page. All I/O is passed in.
 */
import type { ReplyItem } from '../contract';
import type { EvidenceRepo } from '../db/evidence-repo';
import type { NoticesRepo } from '../db/notices-repo';
import { AppError } from '../errors';
import type { FailingAddress, MailCursor } from '../model/mail';
import type { Notice } from '../model/notice';
import { REPLY_STATUSES, type ReplyStatus } from '../tracking/reply';
import type { Sha256 } from '../tracking/sha256';
import type { MailReplyDetails } from './reply-event';

export interface PollDeps {
  fetchReplies: (since: Date | null) => Promise<{
    replies: ReplyItem[];
    poll: { time: string | null; ok: boolean; error: string | null };
  }>;
  /** An attachment's bytes from the backend (GET /v1/replies/:id/attachments/:index). */
  fetchAttachment: (replyId: string, index: number) => Promise<Uint8Array>;
  notices: Pick<NoticesRepo, 'byMessageIds' | 'getTimeline' | 'recordEvent'>;
  evidence: Pick<EvidenceRepo, 'addReplyFile'>;
  cursor: { read: () => Promise<MailCursor>; write: (c: MailCursor) => Promise<void> };
  markFailing: (entries: FailingAddress[]) => Promise<void>;
  sha256: Sha256;
  now: () => Date;
}

export interface PollOutcome {
  fetched: number;
  /** Replies stored on a notice (one per notice they answer). */
  stored: number;
  /** Replies that name none of our notices; left alone. */
  unmatched: number;
  /** Replies already stored by an earlier poll. */
  repeated: number;
  bounced: string[];
  errors: string[];
}

/** Attachments fetched per reply; the rest stay listed with their hashes. */
export const MAX_REPLY_ATTACHMENTS = 20;

/** A file name safe on every system: no path separators, reserved characters or control characters. */
const safeName = (s: string, fallback: string) =>
  [...s]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .slice(0, 120) || fallback;

const asStatus = (s: string | null): ReplyStatus | null =>
  s && (REPLY_STATUSES as readonly string[]).includes(s) ? (s as ReplyStatus) : null;

function alreadyStored(events: readonly { kind: string; details: Record<string, unknown> }[], reply: ReplyItem) {
  return events.some((e) => {
    if (e.kind !== 'reply_received') return false;
    const r = (e.details as Partial<MailReplyDetails>).mailReply;
    return r?.id === reply.id || r?.sha256 === reply.sha256;
  });
}

async function storeOn(deps: PollDeps, notice: Notice, reply: ReplyItem): Promise<MailReplyDetails> {
  const textMeta = await deps.evidence.addReplyFile(notice.id, {
    name: `${safeName(reply.subject, 'reply')}.txt`,
    type: 'text/plain;charset=utf-8',
    bytes: new TextEncoder().encode(
      `From: ${reply.fromName ? `${reply.fromName} ` : ''}<${reply.from ?? ''}>\nSubject: ${reply.subject}\nDate: ${
        reply.date ?? reply.receivedAt
      }\nMessage-ID: ${reply.messageId ?? ''}\n\n${reply.text}`,
    ),
  });
  const attachments: MailReplyDetails['attachments'] = [];
  for (const [i, a] of reply.attachments.slice(0, 50).entries()) {
    const listed = {
      filename: a.filename.slice(0, 500),
      mimeType: a.mimeType.slice(0, 200),
      size: a.size,
      sha256: a.sha256,
    };
    if (i >= MAX_REPLY_ATTACHMENTS) {
      attachments.push({ ...listed, evidenceId: null, problem: 'not fetched: too many attachments' });
      continue;
    }
    try {
      const bytes = await deps.fetchAttachment(reply.id, i);
      const hash = await deps.sha256(bytes);
      if (hash !== a.sha256) {
        attachments.push({ ...listed, evidenceId: null, problem: `hash mismatch: listed ${a.sha256}, got ${hash}` });
        continue;
      }
      const meta = await deps.evidence.addReplyFile(notice.id, {
        name: safeName(a.filename, `attachment-${i + 1}`),
        type: a.mimeType,
        bytes,
      });
      attachments.push({ ...listed, evidenceId: meta.id });
    } catch (err) {
      attachments.push({
        ...listed,
        evidenceId: null,
        problem: (err instanceof Error ? err.message : String(err)).slice(0, 500),
      });
    }
  }
  const c = reply.classification;
  return {
    mailReply: {
      id: reply.id,
      messageId: reply.messageId,
      from: reply.from,
      fromName: reply.fromName,
      subject: reply.subject.slice(0, 2000),
      receivedAt: reply.receivedAt,
      via: reply.via,
      sha256: reply.sha256,
      excerpt: reply.text.slice(0, 1000),
      truncated: reply.truncated,
      textEvidenceId: textMeta.id,
    },
    suggestion: {
      kind: c.kind,
      status: asStatus(c.suggestedStatus),
      provider: c.provider,
      ticket: c.ticket,
      reason: c.reason,
      failedRecipients: c.failedRecipients.slice(0, 50),
      next: c.next,
      confidence: c.confidence,
    },
    attachments,
  };
}

/** The Message-IDs a sent notice went out with (lower case): the SMTP one, and the downloaded .eml's. */
function messageIdsOf(n: Notice): string[] {
  return [n.sent?.delivery?.messageId, `<${n.id}@takedown.invalid>`].flatMap((m) => (m ? [m.toLowerCase()] : []));
}

/** A time as the cursor keeps it (UTC ISO, so strings compare in time order); null when it does not parse. */
function isoOf(time: string): string | null {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The addresses a bounce says failed: the DSN's own list, else the notice's only address. */
function bouncedAddresses(reply: ReplyItem, notice: Notice): string[] {
  const listed = reply.classification.failedRecipients.filter((a) => a.includes('@'));
  if (listed.length > 0) return listed;
  const emails = notice.sent?.recipient.emails ?? [];
  return emails.length === 1 ? emails : [];
}

export async function pollReplies(deps: PollDeps): Promise<PollOutcome> {
  const cursor = await deps.cursor.read();
  const outcome: PollOutcome = { fetched: 0, stored: 0, unmatched: 0, repeated: 0, bounced: [], errors: [] };
  let answer: Awaited<ReturnType<PollDeps['fetchReplies']>>;
  try {
    answer = await deps.fetchReplies(cursor.since ? new Date(cursor.since) : null);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await deps.cursor.write({ ...cursor, lastPoll: deps.now().toISOString(), lastError: message.slice(0, 500) });
    throw err instanceof AppError ? err : new AppError('unavailable', message);
  }
  outcome.fetched = answer.replies.length;
  let newest = cursor.since;
  let oldestFailed: string | null = null;
  // One lookup for the whole poll: every Message-ID any reply names, then each reply picks its own notices.
  const idsOf = (r: ReplyItem) => [...new Set([...r.answers, ...r.references].map((m) => m.trim().toLowerCase()))];
  const byId = new Map<string, Notice[]>();
  for (const n of await deps.notices.byMessageIds(answer.replies.flatMap(idsOf))) {
    for (const key of messageIdsOf(n)) byId.set(key, [...(byId.get(key) ?? []), n]);
  }
  for (const reply of answer.replies) {
    try {
      const notices = [
        ...new Map(
          idsOf(reply)
            .flatMap((m) => byId.get(m) ?? [])
            .map((n) => [n.id, n]),
        ).values(),
      ];
      if (notices.length === 0) outcome.unmatched++;
      for (const notice of notices) {
        const timeline = await deps.notices.getTimeline(notice.id);
        if (!timeline) continue;
        if (alreadyStored(timeline.events, reply)) {
          outcome.repeated++;
          continue;
        }
        const details = await storeOn(deps, notice, reply);
        await deps.notices.recordEvent(notice.id, 'reply_received', details, 'system');
        outcome.stored++;
        if (reply.classification.kind === 'bounce') {
          const addresses = bouncedAddresses(reply, notice);
          await deps.markFailing(
            addresses.map((address) => ({
              address,
              at: isoOf(reply.receivedAt) ?? deps.now().toISOString(),
              noticeId: notice.id,
              reason: (reply.classification.reason ?? reply.subject).slice(0, 500),
            })),
          );
          outcome.bounced.push(...addresses);
        }
      }
      const at = isoOf(reply.receivedAt);
      if (at && (!newest || at > newest)) newest = at;
    } catch (err) {
      // One bad reply never stops the others; the cursor stays before it so the next poll tries again.
      outcome.errors.push(`${reply.id}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500));
      const at = isoOf(reply.receivedAt);
      if (at && (!oldestFailed || at < oldestFailed)) oldestFailed = at;
    }
  }
  const since = oldestFailed ?? newest;
  const lastError = outcome.errors[0] ?? (answer.poll.ok ? null : (answer.poll.error ?? 'the backend could not poll'));
  await deps.cursor.write({ since, lastPoll: deps.now().toISOString(), lastError: lastError?.slice(0, 500) ?? null });
  return outcome;
}
