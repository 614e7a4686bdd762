import type { BulkGroup } from '../../lib/bulk/group';
import { groupDraftFields, type GroupNoticeInput } from '../../lib/bulk/group-notice';
import { AppError } from '../../lib/errors';
import type { Letterhead } from '../../lib/model/letterhead';
import type { Notice, SendChannel } from '../../lib/model/notice';
import type { Work } from '../../lib/model/work';
import { draftNotice } from '../../lib/notices/draft';
import { assertNotLocked } from '../../lib/db/practice';
import { db } from '../../lib/db/schema';
import { caseFromNotice } from '../../lib/report/case';
import { bulkStore, repo } from './services';

/**
 * "Mark as sent" for one group: the group becomes a tracked notice (batchId = the bulk report,
 * urls = the group's URLs, so every URL links to its notice), then is frozen as sent. The notice
 * id is stored on the group first, so a retry after a failure reuses the draft instead of
 * creating a second one.
 */
export async function sendGroup(args: { input: GroupNoticeInput; group: BulkGroup; letterhead: Letterhead | null; works: Work[]; channel: SendChannel }): Promise<Notice> {
  const { input, group } = args;
  const fields = groupDraftFields(input);
  if (!fields) throw new AppError('invalid_input', 'Every URL of this notice is excluded');
  const existing = input.choice?.noticeId ? await repo.getNotice(input.choice.noticeId) : null;
  if (existing && existing.status !== 'draft') return existing;
  let notice: Notice;
  if (existing) {
    const { batchId: _b, ...patch } = fields;
    notice = await repo.saveDraft(existing.id, patch);
  } else {
    notice = await repo.createDraft(fields);
    const id = notice.id;
    await bulkStore.update(input.batchId, (s) => ({ ...s, groups: { ...s.groups, [group.key]: { ...(s.groups[group.key] ?? { excluded: [] }), noticeId: id } } }));
  }
  const caseInput = caseFromNotice(notice, { letterhead: args.letterhead, works: args.works, evidence: [] });
  const draft = caseInput ? draftNotice(caseInput, { now: () => new Date() }) : null;
  if (!draft?.sendable) throw new AppError('incomplete_notice', 'The notice is missing required elements');
  // Regulations art. 17: a URL this provider restored after a counter-statement cannot be notified again.
  await assertNotLocked(db(), notice);
  return repo.markSent(notice.id, { at: new Date().toISOString(), channel: args.channel, recipient: notice.recipient!, text: draft.text });
}
