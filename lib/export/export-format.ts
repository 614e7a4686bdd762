import { z } from 'zod';
import { BulkStateSchema } from '../bulk/state';
import { EvidenceMetaSchema } from '../model/evidence';
import { LetterSchema } from '../model/letter';
import { NoticeEventSchema, NoticeSchema } from '../model/notice';
import { WorkSchema } from '../model/work';
import { RightsDocumentMetaSchema } from '../model/rights-document';

export const EXPORT_FORMAT = 'takedown-export';
/**
 * The Dexie schema version the file was written from (lib/db/schema.ts SCHEMA_VERSION). 5 (issue 15) adds the rights
 * holder's documents; older files still import (they have none), and an older extension refuses a version 5 file
 * instead of silently dropping the documents.
 */
export const EXPORT_SCHEMA_VERSION = 5;

export const ExportedEvidenceSchema = EvidenceMetaSchema.extend({
  /** The Blob's exact bytes, base64. */
  data: z.string(),
});
export type ExportedEvidence = z.infer<typeof ExportedEvidenceSchema>;

/** A rights holder's document (issue 15) with its exact bytes, base64. */
export const ExportedDocumentSchema = RightsDocumentMetaSchema.extend({ data: z.string() });

export const ExportedBatchSchema = z.object({
  id: z.string().min(1).max(64),
  createdAt: z.iso.datetime({ offset: true }),
  label: z.string().max(500).optional(),
  urlCount: z.number().int().nonnegative().optional(),
  // A bulk report's resumable state (its URLs, lookup outcomes and choices) travels with it.
  kind: z.literal('bulk').optional(),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  bulk: BulkStateSchema.optional(),
});

/** Full-fidelity export: every table a user's history lives in, evidence bytes included. */
export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.number().int().min(1).max(EXPORT_SCHEMA_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  notices: z.array(NoticeSchema),
  events: z.array(NoticeEventSchema),
  evidence: z.array(ExportedEvidenceSchema),
  works: z.array(WorkSchema),
  settings: z.array(z.object({ key: z.string().min(1).max(100), value: z.unknown() })),
  batches: z.array(ExportedBatchSchema).default([]),
  // Version 4: follow-up letters and their own hash-chained logs (older files have none).
  letters: z.array(LetterSchema).default([]),
  letterEvents: z.array(NoticeEventSchema).default([]),
  // Version 5: the rights holder's documents with their bytes (older files have none).
  documents: z.array(ExportedDocumentSchema).default([]),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** `notices[3].urls[0]` from a Zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}
