import { db } from '../../lib/db/schema';
import { createNoticesRepo, type DraftPatch } from '../../lib/db/notices-repo';
import { readSetting } from '../../lib/db/settings';
import { AppError } from '../../lib/errors';
import type { EvidenceMeta } from '../../lib/model/evidence';
import type { Notice } from '../../lib/model/notice';
import { sameRecipient, type Recipient } from '../../lib/model/recipient';
import { suggestRegime } from '../../lib/notices/suggest';
import type { ReportTarget } from '../../lib/report/target';

export const repo = createNoticesRepo({ db: db(), now: () => new Date() });

/** The report page's unit of work: the notices drafted together from one right-click (one per recipient). */
export interface Session {
  batchId: string;
  primaryId: string;
}

const KIND_ORDER = ['screenshot', 'html', 'headers', 'metadata', 'manifest', 'reply', 'recheck'];

async function evidenceOf(captureId: string | null): Promise<EvidenceMeta[]> {
  if (!captureId) return [];
  const rows = await db().evidence.where('captureId').equals(captureId).toArray();
  return rows.map(({ blob: _blob, ...meta }) => meta).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
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
  const evidence = await evidenceOf(target.captureId);
  const meta = evidence.find((e) => e.kind === 'metadata');
  const title = meta ? await readTitle(meta.id) : '';
  const defaults = (await readSetting(db(), 'defaults')).value;
  const batchId = `report:${crypto.randomUUID()}`;
  const notice = await repo.createDraft({
    urls: [target.url],
    pageTitle: title,
    batchId,
    captureId: target.captureId,
    evidenceIds: evidence.map((e) => e.id),
    lang: defaults?.lang ?? 'en',
    regime: defaults && defaults.regime !== 'auto' ? defaults.regime : 'generic',
    regimeChosen: Boolean(defaults && defaults.regime !== 'auto'),
  });
  return { batchId, primaryId: notice.id };
}

async function readTitle(metadataId: string): Promise<string> {
  const row = await db().evidence.get(metadataId);
  if (!row) return '';
  try {
    const parsed = JSON.parse(await row.blob.text()) as { title?: unknown };
    return typeof parsed.title === 'string' ? parsed.title.slice(0, 2000) : '';
  } catch {
    return '';
  }
}

export function sessionNotices(batchId: string): Promise<Notice[]> {
  return db().notices.where('batchId').equals(batchId).sortBy('createdAt');
}

/** Regime and letter language from the recipient, unless the user picked them. */
function regimeFields(n: Notice, r: Recipient): DraftPatch {
  if (n.regimeChosen) return {};
  const s = suggestRegime(r);
  return { regime: s.regime, lang: s.lang };
}

/** Picking a recipient fills the empty draft, or adds a sibling draft with the same content. */
export async function selectRecipient(batchId: string, recipient: Recipient): Promise<Notice> {
  const notices = await sessionNotices(batchId);
  const existing = notices.find((n) => sameRecipient(n.recipient, recipient));
  if (existing) return existing;
  const empty = notices.find((n) => n.status === 'draft' && !n.recipient);
  if (empty) return repo.saveDraft(empty.id, { recipient, recipientName: recipient.name, ...regimeFields(empty, recipient) });
  const base = notices[0];
  if (!base) throw new AppError('storage', 'This report has no draft to copy the case from; reopen it from the page.');
  const { id: _i, createdAt: _c, updatedAt: _u, status: _s, sent: _se, sentAt: _sa, followUpAt: _f, ...rest } = base;
  return repo.createDraft({ ...rest, recipient, recipientName: recipient.name, supersedes: null, escalatedFrom: null, ...regimeFields({ ...base, regimeChosen: base.regimeChosen }, recipient) });
}

/** Unpicking removes that recipient's unsent draft; the last draft only loses its recipient. */
export async function unselectRecipient(batchId: string, recipient: Recipient): Promise<void> {
  const notices = await sessionNotices(batchId);
  const target = notices.find((n) => n.status === 'draft' && sameRecipient(n.recipient, recipient));
  if (!target) return;
  const drafts = notices.filter((n) => n.status === 'draft');
  if (drafts.length === 1 && notices.length === 1) {
    await repo.saveDraft(target.id, { recipient: null, recipientName: '' });
    return;
  }
  const d = db();
  await d.transaction('rw', [d.notices, d.events, d.heads, d.urls], async () => {
    const now = await d.notices.get(target.id);
    if (!now || now.status !== 'draft') return;
    await d.notices.delete(target.id);
    await d.events.where('noticeId').equals(target.id).delete();
    await d.heads.delete(target.id);
    await d.urls.where('noticeId').equals(target.id).delete();
  });
}

/** Shared edits (works, explanation, statements) go to every unsent draft of the session. */
export async function saveShared(batchId: string, patch: DraftPatch, onlyId?: string): Promise<void> {
  const notices = await sessionNotices(batchId);
  for (const n of notices) {
    if (n.status !== 'draft' || (onlyId && n.id !== onlyId)) continue;
    await repo.saveDraft(n.id, patch);
  }
}

export { evidenceOf };
