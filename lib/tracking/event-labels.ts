import type { MessageKey, Translate } from '../i18n';
import { SendChannelSchema, type NoticeStatus } from '../model/notice';
import { detailLines } from './event-details';

/**
 * Readable labels for what the notice page shows from the log: why "Verify history" failed,
 * and each event's details. The raw key and value stay beside the label (title attribute),
 * because the log is evidence and a reader may need the exact recorded data.
 */

export type HistoryBreakReason = 'edited' | 'missing' | 'reordered' | 'text_mismatch' | 'notice_mismatch';

const HISTORY_REASON_KEYS: Record<HistoryBreakReason, MessageKey> = {
  edited: 'historyReason_edited',
  missing: 'historyReason_missing',
  reordered: 'historyReason_reordered',
  text_mismatch: 'historyReason_text_mismatch',
  notice_mismatch: 'historyReason_notice_mismatch',
};

/** The sentence that says what broke and what to do; an unknown reason gets a generic one. */
export function historyReasonKey(reason: string): MessageKey {
  return (HISTORY_REASON_KEYS as Record<string, MessageKey>)[reason] ?? 'historyReason_unknown';
}

/** The UI label of each status; the popup, the detail page and the timeline share it. */
export const STATUS_KEYS: Record<NoticeStatus, MessageKey> = {
  draft: 'status_draft',
  sent: 'status_sent',
  acknowledged: 'status_acknowledged',
  removed: 'status_removed',
  partially_removed: 'status_partially_removed',
  rejected: 'status_rejected',
  counter_noticed: 'status_counter_noticed',
  no_response: 'status_no_response',
  escalated: 'status_escalated',
  withdrawn: 'status_withdrawn',
};

export const statusKey = (s: string): MessageKey | null => (STATUS_KEYS as Record<string, MessageKey>)[s] ?? null;

const EVENT_KIND_KEYS: Record<string, MessageKey> = {
  created: 'event_created',
  draft_saved: 'event_draft_saved',
  note: 'event_note',
  reply_received: 'event_reply_received',
  recheck: 'event_recheck',
  follow_up_set: 'event_follow_up_set',
  correction_created: 'event_correction_created',
  escalation_drafted: 'event_escalation_drafted',
  timestamped: 'event_timestamped',
  timestamp_failed: 'event_timestamp_failed',
  sent: 'event_sent',
  acknowledged: 'event_acknowledged',
  removed: 'event_removed',
  partially_removed: 'event_partially_removed',
  rejected: 'event_rejected',
  counter_notice_received: 'event_counter_notice_received',
  no_response: 'event_no_response',
  escalated: 'event_escalated',
  withdrawn: 'event_withdrawn',
  suit_filed: 'event_suit_filed',
};

/** Null for a kind this version does not know (e.g. from a newer export): show it raw. */
export const eventKindKey = (kind: string): MessageKey | null => EVENT_KIND_KEYS[kind] ?? null;

/** Keys as detailLines flattens them ("attachment.sha256"). */
const DETAIL_KEYS: Record<string, MessageKey> = {
  from: 'detail_from',
  to: 'detail_to',
  channel: 'detail_channel',
  recipient: 'detail_recipient',
  role: 'detail_role',
  followUpAt: 'detail_followUpAt',
  followUpBasis: 'detail_followUpBasis',
  fields: 'detail_fields',
  reason: 'detail_reason',
  replyText: 'detail_replyText',
  ecommercePlatform: 'detail_ecommercePlatform',
  'attachment.evidenceId': 'detail_attachment_evidenceId',
  'attachment.sha256': 'detail_attachment_sha256',
  'attachment.name': 'detail_attachment_name',
  'attachment.size': 'detail_attachment_size',
  correctionId: 'detail_correctionId',
  supersedes: 'detail_supersedes',
  escalatedFrom: 'detail_escalatedFrom',
  priorNotices: 'detail_priorNotices',
  nextNoticeId: 'detail_nextNoticeId',
  followsUp: 'detail_followsUp',
  letterId: 'detail_letterId',
  letterKind: 'detail_letterKind',
  url: 'detail_url',
  finalUrl: 'detail_finalUrl',
  status: 'detail_httpStatus',
  bodySha256: 'detail_bodySha256',
  bytes: 'detail_bytes',
  truncated: 'detail_truncated',
  stillServing: 'detail_stillServing',
  matchedMarkers: 'detail_matchedMarkers',
  checkedAt: 'detail_checkedAt',
  'delivery.messageId': 'detail_delivery_messageId',
  'delivery.accepted': 'detail_delivery_accepted',
  'delivery.rejected': 'detail_delivery_rejected',
  'delivery.response': 'detail_delivery_response',
  'mailReply.from': 'detail_mailReply_from',
  'mailReply.subject': 'detail_mailReply_subject',
  'mailReply.excerpt': 'detail_mailReply_excerpt',
  'suggestion.kind': 'detail_suggestion_kind',
  'suggestion.ticket': 'detail_suggestion_ticket',
};

export const detailKey = (key: string): MessageKey | null => DETAIL_KEYS[key] ?? null;

/** The draft fields a 'draft_saved' event lists, by their Notice property name. */
const DRAFT_FIELD_KEYS: Record<string, MessageKey> = {
  host: 'draftField_host',
  urls: 'draftField_urls',
  pageTitle: 'draftField_pageTitle',
  workIds: 'draftField_workIds',
  workTitles: 'draftField_workTitles',
  recipient: 'draftField_recipient',
  recipientName: 'draftField_recipientName',
  candidates: 'draftField_candidates',
  regime: 'draftField_regime',
  regimeChosen: 'draftField_regime',
  lang: 'draftField_lang',
  explanation: 'draftField_explanation',
  measure: 'draftField_measure',
  fairUseConsidered: 'draftField_fairUse',
  fairUseNote: 'draftField_fairUseNote',
  confirmations: 'draftField_confirmations',
  captureId: 'draftField_evidence',
  evidenceIds: 'draftField_evidence',
  documentIds: 'draftField_documents',
};

export const draftFieldKey = (field: string): MessageKey | null => DRAFT_FIELD_KEYS[field] ?? null;

const CHANNELS = new Set<string>(SendChannelSchema.options);
const ROLES = new Set(['cdn', 'host', 'upstream', 'registrar', 'registry', 'search']);
const DATE_KEYS = new Set(['followUpAt', 'checkedAt']);
const LETTER_KINDS = new Set(['us_action_filed', 'cn_action_filed', 'repeat_infringer', 'miit_unfiled']);

export interface DetailView {
  /** The key as recorded, e.g. "attachment.sha256". */
  key: string;
  label: string;
  /** The value as recorded (cut like detailLines cuts it). */
  raw: string;
  value: string;
  /** Whether the key has a label of its own (else it is technical and folded away). */
  known: boolean;
}

/**
 * An event's details for people: each known key gets its label, statuses, channels, roles,
 * changed fields, dates and yes/no get their localised names. Unknown keys and values pass
 * through as recorded, so nothing in the log is hidden.
 */
export function describeDetails(
  details: Record<string, unknown>,
  t: Translate,
  formatDate: (iso: string) => string,
): DetailView[] {
  return detailLines(details).map(({ key, value: raw }) => {
    const labelKey = detailKey(key);
    const label = labelKey ? t(labelKey) || key : key;
    const v = details[key];
    let value = raw;
    if ((key === 'from' || key === 'to') && typeof v === 'string' && statusKey(v)) value = t(statusKey(v)!) || raw;
    else if (key === 'channel' && typeof v === 'string' && CHANNELS.has(v))
      value = t(`channel_${v}` as MessageKey) || raw;
    else if (key === 'role' && typeof v === 'string' && ROLES.has(v)) value = t(`role_${v}` as MessageKey) || raw;
    else if (key === 'letterKind' && typeof v === 'string' && LETTER_KINDS.has(v))
      value = t(`letterKind_${v}` as MessageKey) || raw;
    else if (key === 'fields' && Array.isArray(v)) {
      // Two property names can share a label (regime and regimeChosen): list it once.
      const names = [
        ...new Set(v.map((f) => (typeof f === 'string' && draftFieldKey(f) ? t(draftFieldKey(f)!) || f : String(f)))),
      ];
      value = names.length ? names.join(t('listSeparator') || ', ') : raw;
    } else if (DATE_KEYS.has(key) && typeof v === 'string' && !Number.isNaN(Date.parse(v))) value = formatDate(v);
    else if (typeof v === 'boolean') value = t(v ? 'detailYes' : 'detailNo') || raw;
    // A key without a label is a technical record (hashes, ids, nested proofs): the timeline folds those away.
    return { key, label, raw, value, known: labelKey !== null };
  });
}
