import type { BulkGroup } from '../../lib/bulk/group';
import { groupDraftFields, type GroupNoticeInput } from '../../lib/bulk/group-notice';
import { sendDeps } from '../../lib/db/services';
import { AppError } from '../../lib/errors';
import type { Letterhead } from '../../lib/model/letterhead';
import type { Notice, SendChannel } from '../../lib/model/notice';
import type { Work } from '../../lib/model/work';
import { sendNotice } from '../../lib/report/send-notice';
import { bulkStore, repo } from './services';

/**
 * "Mark as sent" for one group: the group becomes a tracked notice (batchId = the bulk report,
 * urls = the group's URLs, so every URL links to its notice), then goes through the one send
 * path (lib/report/send-notice.ts) like a single report. The notice id is stored on the group
 * first, so a retry after a failure reuses the draft instead of creating a second one.
 */
export async function sendGroup(args: {
  input: GroupNoticeInput;
  group: BulkGroup;
  letterhead: Letterhead | null;
  works: Work[];
  channel: SendChannel;
  checklistLang?: 'en' | 'zh';
}): Promise<Notice> {
  const { input, group } = args;
  const fields = groupDraftFields(input);
  if (!fields) throw new AppError('invalid_input', 'Every URL of this notice is excluded');
  const existing = input.choice?.noticeId ? await repo.getNotice(input.choice.noticeId) : null;
  if (existing && existing.status !== 'draft') return existing;
  let notice: Notice;
  if (existing) {
    const { batchId: _b, ...patch } = fields;
    notice = (await repo.autosave([{ id: existing.id, patch }], `bulk:${input.batchId}`))[0] ?? existing;
  } else {
    notice = await repo.createDraft(fields);
    const id = notice.id;
    await bulkStore.update(input.batchId, (s) => ({
      ...s,
      groups: { ...s.groups, [group.key]: { ...(s.groups[group.key] ?? { excluded: [] }), noticeId: id } },
    }));
  }
  // The one send path drafts with the ICP numbers and refuses an item locked under Regulations art. 17.
  return sendNotice(sendDeps(), {
    noticeId: notice.id,
    channel: args.channel,
    letterhead: args.letterhead,
    works: args.works,
    checklistLang: args.checklistLang,
  });
}
