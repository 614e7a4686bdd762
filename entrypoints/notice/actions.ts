import { recheck } from '../../lib/backend/client';
import { services } from '../../lib/db/services';
import type { Notice } from '../../lib/model/notice';
import { BackendSettingsSchema } from '../../lib/model/settings';
import { recheckEventDetails, type RecheckResult } from '../../lib/tracking/recheck';
import { replyEvent, type ReplyInput } from '../../lib/tracking/reply';
import type { ReplySubmission } from '../../components/notice/ReplyForm';

export const repo = services().notices;

/**
 * Records a reply. An attached file is kept as evidence of kind 'reply' owned by THIS notice
 * (never under its page capture, so no later notice attaches it), and its hash goes into the
 * event, so the hash chain vouches for the exact bytes received.
 */
export async function recordReply(notice: Notice, r: ReplySubmission): Promise<void> {
  let attachment: ReplyInput['attachment'] = null;
  const input: ReplyInput = { to: r.to, text: r.text, reason: r.reason, ecommercePlatform: r.ecommercePlatform };
  // Validate before storing a file, so a refused reply leaves nothing behind.
  const { kind } = replyEvent(notice.status, input);
  if (r.file) {
    const bytes = new Uint8Array(await r.file.arrayBuffer());
    const meta = await services().evidence.addReplyFile(notice.id, { name: r.file.name, type: r.file.type, bytes });
    attachment = { evidenceId: meta.id, sha256: meta.sha256, name: r.file.name.slice(0, 500), size: bytes.byteLength };
  }
  const { details } = replyEvent(notice.status, { ...input, attachment });
  await repo.recordEvent(
    notice.id,
    kind,
    r.disclosedHost ? { ...details, disclosedHost: r.disclosedHost } : details,
    'user',
  );
}

/** Asks the backend whether the first URL still serves the work and logs the answer. */
export async function recheckNotice(notice: Notice): Promise<RecheckResult> {
  const settings = (await services().settings.read('backend')).value ?? BackendSettingsSchema.parse({});
  const result = await recheck(settings, fetch.bind(globalThis), {
    url: notice.urls[0] ?? '',
    markers: notice.workTitles,
  });
  await repo.recordEvent(notice.id, 'recheck', recheckEventDetails(result), 'system');
  return result;
}

/** Notices linked to this one by a correction or an escalation, in either direction. */
export const relatedNotices = (notice: Notice) => repo.related(notice);
