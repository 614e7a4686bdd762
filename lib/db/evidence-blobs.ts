/**
 * Zod schemas for the JSON blobs a capture stores (lib/evidence/capture.ts writes them). Every
 * read goes through one of these: a blob that fails is reported by name and skipped, so one
 * damaged record never crashes a page.
 */
import { z } from 'zod';
import { EvidenceKindSchema } from '../model/evidence';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const CaptureMetadataBlobSchema = z.object({
  url: z.string().max(2048),
  pageUrl: z.string().max(2048).default(''),
  title: z
    .string()
    .max(100_000)
    .transform((s) => s.slice(0, 2000))
    .default(''),
  capturedAt: z.string().max(64),
  userAgent: z.string().max(2000).default(''),
});
export type CaptureMetadataBlob = z.infer<typeof CaptureMetadataBlobSchema>;

/** Response headers kept as evidence and as CDN signals (pickHeaders caps them at 60). */
export const HeadersBlobSchema = z.record(z.string().max(200), z.string().max(4000));
export type HeadersBlob = z.infer<typeof HeadersBlobSchema>;

export const ManifestBlobSchema = z.object({
  captureId: z.string().max(64),
  capturedAt: z.string().max(64),
  url: z.string().max(2048),
  title: z.string().max(100_000).default(''),
  artefacts: z
    .array(
      z.object({
        kind: EvidenceKindSchema,
        sha256: hex64,
        size: z.number().int().nonnegative(),
        mime: z.string().max(100),
        note: z.string().max(2000).default(''),
      }),
    )
    .max(50),
  failures: z.record(z.string().max(40), z.string().max(2000)).default({}),
  hashAlgorithm: z.literal('SHA-256'),
});
export type ManifestBlob = z.infer<typeof ManifestBlobSchema>;

/** A reply file's (or an SMTP delivery file's) record: it must name the notice it belongs to. */
export const ReplyFileMetaSchema = z.object({
  kind: z.enum(['reply', 'delivery']),
  noticeId: z.string().min(1).max(64),
  mime: z.string().max(100),
  note: z.string().max(2000),
});

export const BLOB_SCHEMAS = {
  metadata: CaptureMetadataBlobSchema,
  headers: HeadersBlobSchema,
  manifest: ManifestBlobSchema,
} as const;
export type JsonBlobKind = keyof typeof BLOB_SCHEMAS;
export type JsonBlob<K extends JsonBlobKind> = z.infer<(typeof BLOB_SCHEMAS)[K]>;
