/**
 * The one send path (issue 13), used by the report page and the bulk page alike: draft the stored
 * notice, refuse with `incomplete_notice` (naming the missing elements) when the checklist fails,
 * and freeze the text, the channel the user confirmed and the exact attachments with their
 * hashes (and, for channel `smtp`, sends the .eml through the backend first: lib/report/smtp-delivery.ts). The
 * checklist is enforced here, not by a disabled button, so a caller without the UI
 * is refused the same way.
 */
import type { EvidenceRepo } from '../db/evidence-repo';
import type { NoticesRepo } from '../db/notices-repo';
import { AppError } from '../errors';
import type { EvidenceMeta } from '../model/evidence';
import type { Letterhead } from '../model/letterhead';
import { SendChannelSchema, type Notice, type SendChannel } from '../model/notice';
import type { Work } from '../model/work';
import type { PriorNotice } from '../notices/case';
import { draftNotice, type NoticeDraft } from '../notices/draft';
import { caseFromNotice } from './case';
import { lockDraft, type Art17Lock } from '../tracking/art17-lock';
import { sealNotice, type Timestamper } from '../evidence/timestamps';
import { sha256Hex } from '../tracking/sha256';
import { documentAttachmentId, type DocumentsRepo } from '../db/documents-repo';
import type { RightsDocumentMeta } from '../model/rights-document';
import { deliverBySmtp, type MailTransport } from './smtp-delivery';

export interface SendDeps {
  notices: Pick<NoticesRepo, 'getNotice' | 'markSent' | 'escalationHistory' | 'getTimeline' | 'recordEvent'>;
  evidence: Pick<
    EvidenceRepo,
    'forNotice' | 'attachmentsFor' | 'addDeliveryFile' | 'repliesOf' | 'blob' | 'addTimestamp'
  >;
  now: () => Date;
  /** Channel `smtp` (issue 18): the backend's mail server; absent when the backend has none. */
  mail?: MailTransport;
  /**
   * Issue 15: the backend's TSA, when it reports one. The sent notice's text and chain head are then sealed with
   * an RFC 3161 token right after it is frozen; without it nothing is timestamped (and nothing claims a time).
   */
  timestamper?: Timestamper;
  /**
   * The rights holder's documents (issue 15): those chosen for the notice fill its ID / ownership / power-of-attorney
   * elements and go out as attachments with their hashes. Absent: a notice's documentIds are ignored.
   */
  documents?: Pick<DocumentsRepo, 'metas' | 'files'>;
  /**
   * What the follow-up letters add (issue 12): the ICP numbers the captured page shows, which the Chinese notice
   * cites, and the Regulations art. 17 locks that forbid re-notifying an item after a counter-statement. The send
   * drafts with them exactly as the preview did, so the frozen text is the text the user read.
   */
  practice?: {
    icpOf: (notice: Notice) => Promise<readonly string[]>;
    locksOf: (notice: Notice) => Promise<readonly Art17Lock[]>;
  };
  /**
   * Issue 19: may this browser's user send? False for a team viewer: the team server would refuse the push, so the
   * notice must not leave either. Absent: not in a team.
   */
  maySend?: () => Promise<boolean>;
}

export interface DraftContext {
  letterhead: Letterhead | null;
  works: readonly Work[];
  /** The checklist speaks the user's language, whatever the letter's. */
  checklistLang?: 'en' | 'zh';
  icp?: readonly string[];
  locks?: readonly Art17Lock[];
}

/** The earlier notices an escalation or a disclosed-host letter must cite. */
export async function priorNoticesOf(deps: Pick<SendDeps, 'notices'>, notice: Notice): Promise<PriorNotice[]> {
  if (!notice.escalatedFrom) return [];
  const history = await deps.notices.escalationHistory(notice.id);
  return history.filter((n) => n.sentAt).map((n) => ({ date: n.sentAt!, recipient: n.recipientName, id: n.id }));
}

/** The letter for a stored notice, from the same inputs the send path uses. Null without a recipient. */
export function draftOf(
  notice: Notice,
  ctx: DraftContext & {
    evidence: readonly EvidenceMeta[];
    priorNotices: PriorNotice[];
    now: () => Date;
    documents?: readonly RightsDocumentMeta[];
  },
): (NoticeDraft & { locks: readonly Art17Lock[] }) | null {
  const input = caseFromNotice(notice, {
    letterhead: ctx.letterhead,
    works: [...ctx.works],
    evidence: [...ctx.evidence],
    priorNotices: ctx.priorNotices,
    icp: ctx.icp,
    documents: ctx.documents,
  });
  const draft = input ? draftNotice(input, { now: ctx.now, checklistLang: ctx.checklistLang }) : null;
  return draft ? lockDraft(draft, ctx.locks ?? []) : null;
}

/** The missing checklist elements, by id; empty when the notice may be sent. */
export function missingElements(draft: NoticeDraft | null): string[] {
  if (!draft) return ['recipient'];
  return draft.checklist.items.filter((i) => i.required && i.status === 'missing').map((i) => i.id);
}

/**
 * "Mark as sent": `channel` is what the user confirmed in the send dialog, never inferred from
 * the last button pressed. Returns the frozen notice; a notice already sent is refused.
 */
export async function sendNotice(
  deps: SendDeps,
  args: { noticeId: string; channel: SendChannel } & DraftContext,
): Promise<Notice> {
  const channel = SendChannelSchema.safeParse(args.channel);
  if (!channel.success) throw new AppError('invalid_input', 'Choose how the notice was sent', { path: 'channel' });
  if (deps.maySend && !(await deps.maySend()))
    throw new AppError(
      'forbidden',
      'Your team role is viewer: you can read the team’s notices but not send one. Ask a team admin for the analyst role.',
      { noticeId: args.noticeId },
    );
  const notice = await deps.notices.getNotice(args.noticeId);
  if (!notice) throw new AppError('not_found', 'This notice no longer exists', { noticeId: args.noticeId });
  if (notice.status !== 'draft' || notice.sent)
    throw new AppError('read_only', 'This notice was already sent; create a correction instead', {
      noticeId: notice.id,
    });
  const documentIds = deps.documents ? ((notice.documentIds as string[] | undefined) ?? []) : [];
  const [evidence, priorNotices, icp, locks, documents] = await Promise.all([
    deps.evidence.forNotice(notice),
    priorNoticesOf(deps, notice),
    deps.practice?.icpOf(notice),
    deps.practice?.locksOf(notice),
    deps.documents?.metas(documentIds),
  ]);
  if (documents && documents.length !== documentIds.length) {
    throw new AppError('not_found', 'A document chosen for this notice was deleted; choose the documents again', {
      noticeId: notice.id,
    });
  }
  const draft = draftOf(notice, { ...args, evidence, priorNotices, icp, locks, documents, now: deps.now });
  const missing = missingElements(draft);
  if (!draft || !draft.sendable || missing.length > 0) {
    const names = draft
      ? draft.checklist.items.filter((i) => missing.includes(i.id)).map((i) => i.name)
      : ['recipient'];
    if (draft && draft.locks.length > 0) names.push('Regulations art. 17 (counter-statement received for this item)');
    throw new AppError('incomplete_notice', `The notice is missing: ${names.join(', ') || 'required elements'}`, {
      noticeId: notice.id,
      missing,
    });
  }
  const { files, problems } = await deps.evidence.attachmentsFor(notice);
  if (problems.length > 0) {
    // A letter must not cite a hash its attachment no longer has.
    throw new AppError(
      'storage',
      `Evidence could not be attached: ${problems.map((p) => `${p.name} (${p.reason})`).join(', ')}`,
      { noticeId: notice.id, problems },
    );
  }
  // Re-hashed here: a document whose bytes changed since it was stored is refused by name, not sent.
  const documentFiles = deps.documents ? await deps.documents.files(documentIds) : [];
  // SMTP: marked as sent only on the server's acceptance, which is frozen with the text.
  // The text frozen is the one the accepted .eml carried (the same draft, unless an earlier acceptance is recovered).
  const smtp =
    channel.data === 'smtp'
      ? await deliverBySmtp(
          { mail: deps.mail, evidence: deps.evidence, sha256: sha256Hex, now: deps.now },
          {
            notice,
            draft,
            files: [
              ...files,
              ...documentFiles.map((d) => ({ filename: d.meta.filename, mime: d.meta.mime, bytes: d.bytes })),
            ],
            letterhead: args.letterhead,
          },
        )
      : undefined;
  const sent = await deps.notices.markSent(notice.id, {
    at: smtp?.delivery.time ?? deps.now().toISOString(),
    channel: channel.data,
    ...(smtp ? { delivery: smtp.delivery } : {}),
    recipient: notice.recipient!,
    text: smtp?.text ?? draft.text,
    evidenceSha256: files.map((f) => f.sha256),
    attachments: [
      ...files.map((f) => ({
        evidenceId: f.evidenceId,
        filename: f.filename,
        sha256: f.sha256,
        size: f.bytes.byteLength,
      })),
      ...documentFiles.map((d) => ({
        evidenceId: documentAttachmentId(d.meta.id),
        filename: d.meta.filename.slice(0, 200),
        sha256: d.meta.sha256,
        size: d.bytes.byteLength,
      })),
    ],
  });
  // The notice is sent whatever the TSA does: a failed seal is stored and logged by sealNotice, never thrown.
  const stamp = await deps.timestamper?.().catch(() => null);
  if (stamp) {
    await sealNotice(
      { stamp, notices: deps.notices, evidence: deps.evidence, sha256: sha256Hex, now: deps.now },
      sent.id,
    );
    return (await deps.notices.getNotice(sent.id)) ?? sent;
  }
  return sent;
}
