import { recheck } from '../../lib/backend/client';
import { createNoticesRepo } from '../../lib/db/notices-repo';
import { db } from '../../lib/db/schema';
import { readSetting } from '../../lib/db/settings';
import { AppError } from '../../lib/errors';
import type { Notice } from '../../lib/model/notice';
import { BackendSettingsSchema } from '../../lib/model/settings';
import { recheckEventDetails, type RecheckResult } from '../../lib/tracking/recheck';
import { replyEvent, type ReplyInput } from '../../lib/tracking/reply';
import { sha256Hex } from '../../lib/tracking/sha256';
import type { ReplySubmission } from '../../components/notice/ReplyForm';

export const repo = createNoticesRepo({ db: db(), now: () => new Date() });

const MAX_REPLY_FILE = 25 * 1024 * 1024;

/**
 * Records a reply. An attached file is kept as evidence of kind 'reply' and its hash goes into
 * the event, so the hash chain vouches for the exact bytes received.
 */
export async function recordReply(notice: Notice, r: ReplySubmission): Promise<void> {
  let attachment: ReplyInput['attachment'] = null;
  const input: ReplyInput = { to: r.to, text: r.text, reason: r.reason, ecommercePlatform: r.ecommercePlatform };
  // Validate before storing a file, so a refused reply leaves nothing behind.
  const { kind } = replyEvent(notice.status, input);
  if (r.file) {
    if (r.file.size > MAX_REPLY_FILE) throw new AppError('invalid_input', 'The attached file is larger than 25 MB', { path: 'file' });
    const bytes = new Uint8Array(await r.file.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    const id = crypto.randomUUID();
    await db().evidence.add({
      id,
      captureId: notice.captureId ?? `reply:${notice.id}`,
      kind: 'reply',
      mime: (r.file.type || 'application/octet-stream').slice(0, 100),
      sha256,
      size: bytes.byteLength,
      url: '',
      capturedAt: new Date().toISOString(),
      note: r.file.name.slice(0, 2000),
      blob: new Blob([bytes], { type: r.file.type }),
    });
    attachment = { evidenceId: id, sha256, name: r.file.name.slice(0, 500), size: bytes.byteLength };
  }
  const { details } = replyEvent(notice.status, { ...input, attachment });
  await repo.recordEvent(notice.id, kind, details, 'user');
}

/** Asks the backend whether the first URL still serves the work and logs the answer. */
export async function recheckNotice(notice: Notice): Promise<RecheckResult> {
  const settings = (await readSetting(db(), 'backend')).value ?? BackendSettingsSchema.parse({});
  const result = await recheck(settings, fetch.bind(globalThis), { url: notice.urls[0] ?? '', markers: notice.workTitles });
  await repo.recordEvent(notice.id, 'recheck', recheckEventDetails(result), 'system');
  return result;
}

/** Notices linked to this one by a correction or an escalation, in either direction. */
export async function relatedNotices(notice: Notice) {
  const d = db();
  const get = async (id: string | null) => (id ? ((await d.notices.get(id)) ?? null) : null);
  const [supersedes, escalatedFrom, correctedBy, escalatedTo] = await Promise.all([
    get(notice.supersedes),
    get(notice.escalatedFrom),
    d.notices.where('supersedes').equals(notice.id).toArray(),
    d.notices.where('escalatedFrom').equals(notice.id).toArray(),
  ]);
  return [
    ...(supersedes ? [{ relation: 'supersedes' as const, notice: supersedes }] : []),
    ...(escalatedFrom ? [{ relation: 'escalatedFrom' as const, notice: escalatedFrom }] : []),
    ...correctedBy.map((n) => ({ relation: 'correctedBy' as const, notice: n })),
    ...escalatedTo.map((n) => ({ relation: 'escalatedTo' as const, notice: n })),
  ];
}
