import { z } from 'zod';

/**
 * The rights holder's own documents (issue 15), stored once in Options → Documents and chosen per notice: a
 * qualified Chinese notice attaches the business licence or ID copy (Civil Code art. 1195), the ownership proof
 * (法发〔2020〕32号 art. 5) and, for an agent, the per-notice power of attorney.
 */
export const RightsDocumentKindSchema = z.enum(['id_document', 'ownership', 'power_of_attorney']);
export type RightsDocumentKind = z.infer<typeof RightsDocumentKindSchema>;

/** PDF and the image types a registry or court accepts as a copy. */
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const RightsDocumentMetaSchema = z.object({
  id: z.string().min(1).max(64),
  kind: RightsDocumentKindSchema,
  /** What the letter lists, e.g. "营业执照副本复印件" or "Certificate of registration TX-1". */
  title: z.string().trim().min(1).max(300),
  /** The file name as chosen, for the .eml and the package. */
  filename: z.string().min(1).max(200),
  mime: z.enum(DOCUMENT_MIME_TYPES),
  size: z.number().int().positive().max(MAX_DOCUMENT_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The work an ownership proof is for; null for the holder's own documents. */
  workId: z.string().max(64).nullable().default(null),
  addedAt: z.iso.datetime({ offset: true }),
});
export type RightsDocumentMeta = z.infer<typeof RightsDocumentMetaSchema>;
export type RightsDocument = RightsDocumentMeta & { blob: Blob };
