/**
 * The notice a bulk group becomes: the same record a single report stores (so the preview, the
 * checklist and the tracked notice are drafted by caseFromNotice exactly as on the report page),
 * listing the group's URLs minus the ones the user excluded.
 */
import { NoticeSchema, type LetterLang, type Notice, type RegimeId } from '../model/notice';
import type { Work } from '../model/work';
import { suggestRegime } from '../notices/suggest';
import type { BulkGroup } from './group';
import type { GroupChoice, SharedFields } from './state';
import { worksOfUrls } from './works';

export interface GroupNoticeInput {
  batchId: string;
  group: Pick<BulkGroup, 'recipient' | 'urls' | 'hosts'>;
  shared: SharedFields;
  choice: GroupChoice | undefined;
  works: readonly Work[];
  /** Works per URL (input column or assignment); URLs without fall back to shared.workIds. */
  urlWorks?: ReadonlyMap<string, readonly string[] | undefined>;
  /** The user's default regime and language (settings), when not 'auto'. */
  defaults?: { regime?: RegimeId; lang?: LetterLang };
}

export function includedUrls(group: Pick<BulkGroup, 'urls'>, choice: GroupChoice | undefined): string[] {
  const excluded = new Set(choice?.excluded ?? []);
  return group.urls.filter((u) => !excluded.has(u));
}

/** Regime and language: the user's pick for this group, else the default, else the recipient's suggestion. */
export function groupRegime(input: Pick<GroupNoticeInput, 'group' | 'choice' | 'defaults'>): {
  regime: RegimeId;
  lang: LetterLang;
  chosen: boolean;
} {
  const s = suggestRegime(input.group.recipient);
  return {
    regime: input.choice?.regime ?? input.defaults?.regime ?? s.regime,
    lang: input.choice?.lang ?? input.defaults?.lang ?? s.lang,
    chosen: Boolean(input.choice?.regime || input.choice?.lang),
  };
}

/** The draft's fields, ready for repo.createDraft; null when every URL was excluded. */
export function groupDraftFields(input: GroupNoticeInput) {
  const urls = includedUrls(input.group, input.choice);
  if (urls.length === 0) return null;
  const { regime, lang, chosen } = groupRegime(input);
  const titles = new Map(input.works.map((w) => [w.id, w.title]));
  // Only the works this group's URLs show (issue 13), never every work of the report.
  const workIds = worksOfUrls(urls, input.urlWorks ?? new Map(), input.shared.workIds, input.works);
  const r = input.group.recipient;
  return {
    urls,
    host: urls[0] ? new URL(urls[0]).hostname : '',
    workIds: workIds.filter((id) => titles.has(id)),
    workTitles: workIds.flatMap((id) => {
      const title = titles.get(id);
      return title === undefined ? [] : [title];
    }),
    recipient: r,
    recipientName: r.name,
    candidates: [r],
    regime,
    lang,
    regimeChosen: chosen,
    explanation: input.shared.explanation,
    measure: input.shared.measure,
    fairUseConsidered: input.shared.fairUseConsidered,
    fairUseNote: input.shared.fairUseNote,
    idDocument: input.shared.idDocument,
    ownershipProof: input.shared.ownershipProof,
    confirmations: input.shared.confirmations,
    batchId: input.batchId,
  };
}

/** An unsaved notice record for the live preview and checklist. */
export function previewNotice(input: GroupNoticeInput, now: Date): Notice | null {
  const fields = groupDraftFields(input);
  if (!fields) return null;
  const at = now.toISOString();
  return NoticeSchema.parse({ ...fields, id: 'preview', createdAt: at, updatedAt: at, status: 'draft' });
}
