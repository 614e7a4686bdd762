import { z } from 'zod';

/**
 * `mhtml`: the single-file page archive (Chrome's pageCapture); `timestamp`: an RFC 3161 token over a capture's
 * manifest or a sent notice's seal (lib/evidence/timestamps.ts), stored as a JSON blob holding the DER reply.
 * `delivery`: the .eml an SMTP send handed over and the server's acceptance, owned by that notice (issue 18).
 */
export const EvidenceKindSchema = z.enum([
  'screenshot',
  'html',
  'headers',
  'metadata',
  'manifest',
  'reply',
  'recheck',
  'mhtml',
  'timestamp',
  'delivery',
]);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

/** One captured artefact. The Blob is stored as captured; sha256 is of those exact bytes. */
export const EvidenceMetaSchema = z.object({
  id: z.string().min(1).max(64),
  /** Groups the artefacts of one capture; the report page and the notice refer to it. */
  captureId: z.string().min(1).max(64),
  kind: EvidenceKindSchema,
  mime: z.string().max(100),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  url: z.string().max(2048),
  capturedAt: z.iso.datetime({ offset: true }),
  note: z.string().max(2000).default(''),
  /**
   * The notice a reply (or a re-check) belongs to. Capture artefacts have none: they belong to
   * the capture and every notice drafted from it; a reply belongs only to the notice it answers.
   */
  noticeId: z.string().max(64).optional(),
});
export type EvidenceMeta = z.infer<typeof EvidenceMetaSchema>;
export type Evidence = EvidenceMeta & { blob: Blob };

const EXT: Record<string, string> = {
  'image/png': 'png',
  'text/html;charset=utf-8': 'html',
  'application/json': 'json',
  'multipart/related': 'mhtml',
};

/** A stable attachment name: kind plus the first hash digits, so a reader can match it to the letter. */
export function evidenceFilename(e: Pick<EvidenceMeta, 'kind' | 'sha256' | 'mime'>): string {
  return `${e.kind}-${e.sha256.slice(0, 12)}.${EXT[e.mime] ?? 'bin'}`;
}
