/**
 * The backend's mail state in one place: what was sent (for matching), the IMAP cursor, the replies read so far
 * and the status the options page shows. Polling is pulled, not pushed: GET /v1/replies polls when the last poll
 * is older than minPollIntervalMs, so the extension's follow-up alarm drives it and no timer runs in the server.
 */
import type { ReplyItem } from '../../contract';
import { AppError } from '../../errors';
import type { ImapSettings } from './imap-settings';
import { fetchImapMessage, pollImap, type ImapCursor } from './imap-poll';
import { MailStatusTracker } from './mail-status';
import { ingestReply, newMatchState, type MatchState } from './reply-ingest';
import { parseReply } from './reply-parse';
import type { DeliveryProof } from './smtp-send';
import type { SmtpSettings } from './smtp-settings';

/** Message-IDs as lib/notices/render-eml.ts writes them: "<notice.<seed>.<time36>@domain>". */
export const OWN_MESSAGE_ID = /^<notice\.[A-Za-z0-9]+\.[A-Za-z0-9]+@[^<>\s]+>$/;
const MAX_KEPT = 2000;
const MAX_API_TEXT = 20_000;

export interface MailServiceOptions {
  smtp?: SmtpSettings;
  imap?: ImapSettings;
  now: () => Date;
  minPollIntervalMs?: number;
  poll?: typeof pollImap;
  fetchMessage?: typeof fetchImapMessage;
}

export class MailService {
  readonly status: MailStatusTracker;
  readonly smtp?: SmtpSettings;
  private readonly state: MatchState = newMatchState([], OWN_MESSAGE_ID);
  private cursor: ImapCursor = { uidValidity: null, lastUid: 0 };
  private readonly kept: ReplyItem[] = [];
  private lastPoll: { time: string; ok: boolean; error: string | null } | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly opts: MailServiceOptions) {
    this.smtp = opts.smtp;
    this.status = new MailStatusTracker({
      smtpServer: opts.smtp ? `${opts.smtp.host}:${opts.smtp.port}` : null,
      imapServer: opts.imap ? `${opts.imap.host}:${opts.imap.port}` : null,
      imapFolder: opts.imap?.folder ?? null,
    });
  }

  recordSent(proof: DeliveryProof) {
    this.state.sent.add(proof.messageId);
    this.status.sent(proof.time, proof.messageId, proof.accepted.length, proof.rejected.length);
  }

  /** Polls once (one poll at a time; a second caller waits for the running one). Never throws. */
  pollNow(): Promise<void> {
    this.inFlight ??= this.doPoll().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async doPoll() {
    const imap = this.opts.imap;
    if (!imap) return;
    const time = this.opts.now().toISOString();
    try {
      const { messages, cursor } = await (this.opts.poll ?? pollImap)(imap, this.cursor);
      if (cursor.uidValidity !== this.cursor.uidValidity) this.kept.length = 0;
      for (const m of messages) {
        const { reply: r, classification, match } = await ingestReply(m.source, this.state);
        this.kept.push({
          id: `${m.uidValidity}:${m.uid}`,
          receivedAt: m.internalDate ?? time,
          date: r.date,
          from: r.from,
          fromName: r.fromName,
          subject: r.subject,
          messageId: r.messageId,
          answers: match.answers,
          via: match.via,
          references: [...new Set([...r.inReplyTo, ...r.references, ...r.quotedIds])],
          classification,
          text: r.text.slice(0, MAX_API_TEXT),
          attachments: r.attachments,
          truncated: r.truncated || r.text.length > MAX_API_TEXT,
          sha256: r.sha256,
        });
      }
      if (this.kept.length > MAX_KEPT) this.kept.splice(0, this.kept.length - MAX_KEPT);
      this.cursor = cursor;
      this.lastPoll = { time, ok: true, error: null };
      this.status.polled(time, messages.length, cursor.lastUid);
    } catch (err) {
      const message =
        err instanceof AppError ? err.message : `IMAP poll failed: ${err instanceof Error ? err.message : String(err)}`;
      this.lastPoll = { time, ok: false, error: message };
      this.status.failed(time, 'imap', message);
    }
  }

  /**
   * Replies received at or after `since` (all kept ones without it; ids are stable, so the caller drops repeats),
   * polling first when the last poll is stale.
   */
  async replies(since: Date | null, force = false) {
    if (!this.opts.imap) throw new AppError('not_found', 'IMAP is not configured on the backend (TAKEDOWN_IMAP_URL).');
    const stale =
      !this.lastPoll ||
      this.opts.now().getTime() - Date.parse(this.lastPoll.time) >= (this.opts.minPollIntervalMs ?? 30_000);
    if (force || stale) await this.pollNow();
    const replies = since ? this.kept.filter((r) => Date.parse(r.receivedAt) >= since.getTime()) : [...this.kept];
    return { replies, poll: this.lastPoll ?? { time: null, ok: false, error: 'not polled yet' } };
  }

  /**
   * An attachment's bytes, read again from the mailbox (the mail stays there; the backend keeps only hashes) and
   * served only when they still hash to what the reply listed when it was first read.
   */
  async attachment(id: string, index: number) {
    const imap = this.opts.imap;
    const reply = this.kept.find((r) => r.id === id);
    const listed = reply?.attachments[index];
    if (!imap || !reply || !listed) throw new AppError('not_found', 'No such reply or attachment.');
    const [uidValidity = '', uid] = id.split(':');
    const source = await (this.opts.fetchMessage ?? fetchImapMessage)(imap, uidValidity, Number(uid));
    if (!source) throw new AppError('not_found', 'The reply is no longer in the mailbox.');
    const bytes: Uint8Array[] = [];
    const again = await parseReply(source, bytes);
    const found = bytes[index];
    if (!found || again.attachments[index]?.sha256 !== listed.sha256)
      throw new AppError('invalid_response', 'The attachment in the mailbox no longer matches its recorded hash.');
    return { ...listed, bytes: found };
  }
}
