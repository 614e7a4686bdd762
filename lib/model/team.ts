/**
 * What the extension keeps about the team server (issue 19). `team` is the user's choice: which backend URL it
 * joined and as whom (the popup and notice page show names, and a viewer's send is refused before anything leaves).
 * `teamSync` is the background's: the pull cursor and the last round's outcome (shown in the options). They are two
 * settings so the options page and the background never overwrite each other's writes.
 */
import { z } from 'zod';
import { ERROR_KINDS } from '../errors';
import { EvidenceMetaSchema } from './evidence';
import { TeamUserSchema } from '../team/schema';

const iso = z.iso.datetime({ offset: true });

export const TeamSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  /** The backend URL the token was checked against; a changed backend URL pauses sync until joined again. */
  url: z.string().max(2048).nullable().default(null),
  user: TeamUserSchema.nullable().default(null),
  joinedAt: iso.nullable().default(null),
});
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

export const StoredErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string().max(2000),
});
export type StoredError = z.infer<typeof StoredErrorSchema>;

export const TeamSyncStateSchema = z.object({
  /** The `change` number of the newest team notice received (the server's pull cursor). */
  cursor: z.number().int().nonnegative().default(0),
  /** The backend URL the cursor belongs to: another server starts again from zero. */
  cursorUrl: z.string().max(2048).nullable().default(null),
  /** A round in progress (null once it ends); `at` is refreshed at each step, so a stopped worker's is seen as old. */
  running: z
    .object({
      at: iso,
      pushed: z.number().int().nonnegative(),
      pending: z.number().int().nonnegative(),
      pulled: z.number().int().nonnegative(),
    })
    .nullable()
    .default(null),
  lastRun: z
    .object({
      at: iso,
      pushed: z.number().int().nonnegative(),
      pulled: z.number().int().nonnegative(),
      refused: z.number().int().nonnegative(),
      waiting: z.number().int().nonnegative(),
      offline: z.boolean(),
      error: StoredErrorSchema.nullable().default(null),
    })
    .nullable()
    .default(null),
});
export type TeamSyncState = z.infer<typeof TeamSyncStateSchema>;

/** A role that may send notices and push them to the team (viewers read only). */
export const canSend = (team: TeamSettings | null): boolean =>
  !team?.enabled || !team.user || team.user.role !== 'viewer';

/** One evidence file the team server holds for a notice (its bytes are fetched on demand by SHA-256). */
export const TeamEvidenceMetaSchema = z.object({
  id: z.string().min(1).max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string().max(200).default(''),
  mime: z.string().max(200).default('application/octet-stream'),
  size: z.number().int().nonnegative(),
  /** The pushing browser's evidence record: with it the file can be copied into this browser's record. */
  record: EvidenceMetaSchema.optional(),
});
export type TeamEvidenceMeta = z.infer<typeof TeamEvidenceMetaSchema>;

/**
 * Dexie table `teamNotices` (schema version 6): what the team server holds of one notice. The outbox is not a
 * table: it is every sent notice whose chain head differs from `serverHead`, so nothing appended while offline (or
 * before the team was joined) can be missed, and a push that succeeded twice changes nothing.
 */
export interface TeamNoticeRow {
  noticeId: string;
  /** `local`: made in this browser and pushed; `team`: received from a colleague. */
  origin: 'local' | 'team';
  /** Hash of the newest event the server has; null until the first push or pull. */
  serverHead: string | null;
  version: number | null;
  change: number | null;
  /** Analyst names as the server knows them. */
  createdBy: string | null;
  updatedBy: string | null;
  syncedAt: string;
  /** The server refused this notice at chain head `head` (kept to show; a later append is tried again). */
  refused: { at: string; head: string; kind: z.infer<typeof StoredErrorSchema>['kind']; message: string } | null;
  /** Evidence files the server holds for this notice. */
  evidence: TeamEvidenceMeta[];
  /** Event id → the analyst who pushed it, as the server last said (absent on rows written before it was kept). */
  eventsBy?: Record<string, string>;
}
