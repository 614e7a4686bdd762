import { services } from '../../lib/db/services';
import type { DraftPatch } from '../../lib/db/notices-repo';
import { AppError } from '../../lib/errors';
import type { EvidenceMeta } from '../../lib/model/evidence';
import type { Notice } from '../../lib/model/notice';
import { sameRecipient, type Recipient } from '../../lib/model/recipient';
import { suggestRegime } from '../../lib/notices/suggest';
import type { ReportTarget } from '../../lib/report/target';

export const repo = services().notices;

/**
 * This page load is one editing session: however many pauses and recipients, the log gets one
 * `draft_saved` per draft for it (issue 13).
 */
export const EDIT_SESSION = globalThis.crypto.randomUUID();

/** The report page's unit of work: the notices drafted together from one right-click (one per recipient). */
export interface Session {
  batchId: string;
  primaryId: string;
}

/** The capture's artefacts (replies excluded), for the evidence step. */
export function evidenceOf(captureId: string | null): Promise<EvidenceMeta[]> {
  return services().evidence.ofCapture(captureId);
}

/**
 * Opens the session for this tab: an existing draft when the URL names one (reload, popup,
 * browser restart), else a new draft for the right-clicked URL. Each tab owns its own draft,
 * so two report tabs never write to the same record.
 */
export async function openSession(target: Extract<ReportTarget, { ok: true }>): Promise<Session> {
  if (target.draftId) {
    const n = await repo.getNotice(target.draftId);
    if (!n) throw new AppError('not_found', 'This draft no longer exists');
    return { batchId: n.batchId ?? n.id, primaryId: n.id };
  }
  const { evidence, settings } = services();
  const rows = await evidence.ofCapture(target.captureId);
  const meta = await evidence.metadata(target.captureId);
  const defaults = (await settings.read('defaults')).value;
  const batchId = `report:${crypto.randomUUID()}`;
  const notice = await repo.createDraft({
    urls: [target.url],
    // A damaged metadata blob is skipped (the title stays empty), never fatal.
    pageTitle: meta?.ok ? meta.value.title : '',
    batchId,
    captureId: target.captureId,
    evidenceIds: rows.filter((r) => r.kind !== 'metadata').map((e) => e.id),
    lang: defaults?.lang ?? 'en',
    regime: defaults && defaults.regime !== 'auto' ? defaults.regime : 'generic',
    regimeChosen: Boolean(defaults && defaults.regime !== 'auto'),
  });
  return { batchId, primaryId: notice.id };
}

export function sessionNotices(batchId: string): Promise<Notice[]> {
  return repo.byBatch(batchId);
}

/** Regime and letter language from the recipient, unless the user picked them. */
function regimeFields(n: Notice, r: Recipient): DraftPatch {
  if (n.regimeChosen) return {};
  const s = suggestRegime(r);
  return { regime: s.regime, lang: s.lang };
}

/**
 * Picking a recipient fills the empty draft, or adds a sibling draft with the same content. It
 * works after other recipients were sent: the sibling copies the content, never the sent record.
 */
export async function selectRecipient(
  batchId: string,
  recipient: Recipient,
  candidates?: Recipient[],
): Promise<Notice> {
  const notices = await sessionNotices(batchId);
  const existing = notices.find((n) => sameRecipient(n.recipient, recipient));
  if (existing) return existing;
  const empty = notices.find((n) => n.status === 'draft' && !n.recipient);
  if (empty) {
    const [saved] = await repo.autosave(
      [{ id: empty.id, patch: { recipient, recipientName: recipient.name, ...regimeFields(empty, recipient) } }],
      EDIT_SESSION,
    );
    return saved ?? empty;
  }
  // The latest draft carries the newest shared edits; a sent notice is the fallback.
  const base = notices.filter((n) => n.status === 'draft').at(-1) ?? notices[0];
  if (!base) throw new AppError('storage', 'This report has no draft to copy the case from; reopen it from the page.');
  const { id: _i, createdAt: _c, updatedAt: _u, status: _s, sent: _se, sentAt: _sa, followUpAt: _f, ...rest } = base;
  return repo.createDraft({
    ...rest,
    ...(candidates ? { candidates } : {}),
    recipient,
    recipientName: recipient.name,
    supersedes: null,
    escalatedFrom: null,
    ...regimeFields(base, recipient),
  });
}

/** Unpicking removes that recipient's unsent draft; the last draft only loses its recipient. */
export async function unselectRecipient(batchId: string, recipient: Recipient): Promise<void> {
  const notices = await sessionNotices(batchId);
  const target = notices.find((n) => n.status === 'draft' && sameRecipient(n.recipient, recipient));
  if (!target) return;
  if (notices.length === 1) {
    await repo.autosave([{ id: target.id, patch: { recipient: null, recipientName: '' } }], EDIT_SESSION);
    return;
  }
  await repo.deleteDraft(target.id);
}

/**
 * Shared edits (works, explanation, statements) go to every unsent draft of the session, in one
 * transaction, skipped when nothing changed (repo.autosave).
 */
export async function saveShared(
  batchId: string,
  patch: DraftPatch,
  own?: { id: string; patch: DraftPatch },
  session = EDIT_SESSION,
): Promise<void> {
  const notices = await sessionNotices(batchId);
  const edits = notices
    .filter((n) => n.status === 'draft')
    .map((n) => ({ id: n.id, patch: n.id === own?.id ? { ...patch, ...own.patch } : patch }));
  if (edits.length > 0) await repo.autosave(edits, session);
}
