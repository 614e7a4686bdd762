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
  /** Captures before issue 15 name no archive. */
  archive: z.enum(['mhtml', 'dom', 'none']).optional(),
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

/**
 * An RFC 3161 timestamp as stored (evidence kind 'timestamp', issue 15): over a capture's manifest right after
 * the click, or over a sent notice's seal (lib/evidence/seal.ts). A failed attempt is stored too, with its
 * reason, so the page can say "not timestamped" and why instead of staying silent.
 */
const TimestampCommon = {
  covers: z.enum(['manifest', 'seal']),
  /** The SHA-256 that was (or was to be) timestamped: the manifest file's, or the seal text's. */
  sha256: hex64,
  /** When we asked (our clock); the token's genTime is the TSA's. */
  requestedAt: z.string().max(64),
  /** The exact seal text whose SHA-256 was timestamped (covers 'seal'), so the package can carry it as a file. */
  seal: z.string().max(4000).optional(),
};
export const TimestampBlobSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('granted'),
    ...TimestampCommon,
    /** Base64 DER TimeStampResp exactly as the TSA sent it (the .tsr file). */
    token: z.string().min(1).max(1_500_000),
    genTime: z.string().max(64),
    serialNumber: z.string().max(200),
    policy: z.string().max(200),
    tsa: z.string().max(1000),
    tsaUrl: z.string().max(2048),
    /** PEM: the token's certificates, then the roots the backend trusts. */
    certificates: z.array(z.string().max(20_000)).max(10),
  }),
  z.object({ status: z.literal('failed'), ...TimestampCommon, reason: z.string().max(2000) }),
]);
export type TimestampBlob = z.infer<typeof TimestampBlobSchema>;
