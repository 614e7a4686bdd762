/**
 * Zod shapes of what the extension sends to and receives from the team server (/v1/team/*): one definition for
 * the server's checks (lib/server/team) and the extension's client (lib/team/client.ts).
 */
import { z } from 'zod';
import { EvidenceMetaSchema } from '../model/evidence';
import { NoticeEventSchema, NoticeSchema } from '../model/notice';

export const ROLES = ['admin', 'analyst', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One evidence file of a notice: its metadata, and optionally its bytes (base64) for the team's blob store. */
export const EvidenceItemSchema = z.object({
  id: z.string().min(1).max(64),
  sha256,
  filename: z.string().max(200).default(''),
  mime: z.string().max(200).default('application/octet-stream'),
  size: z.number().int().nonnegative(),
  /**
   * The extension's own record of the file (kind, capture, URL, time), so a colleague's browser can store it as
   * evidence of its own copy of the notice; absent from older pushes.
   */
  record: EvidenceMetaSchema.optional(),
  /** Capped at 16 MiB of base64 (the route's body limit is the real cap). */
  base64: z
    .string()
    .max(16 * 1024 * 1024)
    .optional(),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

/**
 * A notice with its whole event log. `baseVersion` is the server version the client last saw (absent for a notice
 * the server has never had); a draft pushed on a stale version is refused with the current one.
 */
export const PushSchema = z.object({
  notice: NoticeSchema,
  events: z.array(NoticeEventSchema).max(10_000),
  evidence: z.array(EvidenceItemSchema).max(200).default([]),
  baseVersion: z.number().int().nonnegative().optional(),
});
export type PushBody = z.infer<typeof PushSchema>;

export const AddUserSchema = z.object({
  name: z.string().trim().min(1).max(200),
  role: RoleSchema,
  label: z.string().max(200).default(''),
});

export const VersionedSchema = z.object({
  data: z.record(z.string(), z.unknown()),
  baseVersion: z.number().int().min(0),
});

export const PullQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const TeamUserSchema = z.object({ id: z.number().int(), name: z.string(), role: RoleSchema });
export type TeamUserInfo = z.infer<typeof TeamUserSchema>;

export const PushResultSchema = z.object({
  ok: z.literal(true),
  version: z.number().int(),
  change: z.number().int(),
  changed: z.boolean(),
  eventsAdded: z.number().int(),
  evidenceAdded: z.number().int(),
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const PulledNoticeSchema = z.object({
  notice: NoticeSchema,
  version: z.number().int(),
  change: z.number().int(),
  createdBy: z.string(),
  updatedBy: z.string(),
  events: z.array(NoticeEventSchema),
  /** Event id → the analyst whose browser pushed it (older servers send none). */
  eventsBy: z.record(z.string().max(64), z.string().max(200)).default({}),
  evidence: z.array(z.record(z.string(), z.unknown())),
});
export type PulledNotice = z.infer<typeof PulledNoticeSchema>;

export const PullResponseSchema = z.object({ notices: z.array(PulledNoticeSchema), cursor: z.number().int() });
