/**
 * The rights holder's documents (issue 15) on the `documents` table (schema version 5). A file is refused by name
 * when it is too large or not a PDF or image; each is hashed when stored and re-hashed when it goes out, so a
 * notice never attaches bytes other than those it lists. A document a sent notice attached cannot be deleted:
 * that notice's package must still be able to carry it.
 */
import { AppError } from '../errors';
import {
  DOCUMENT_MIME_TYPES,
  MAX_DOCUMENT_BYTES,
  RightsDocumentMetaSchema,
  type RightsDocumentKind,
  type RightsDocumentMeta,
} from '../model/rights-document';
import { sha256Hex, type Sha256 } from '../tracking/sha256';
import { firstIssue } from '../zod-issue';
import type { TakedownDb } from './schema';

export interface DocumentFile {
  meta: RightsDocumentMeta;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The id a document's attachment carries in a sent record (SentRecord.attachments[].evidenceId). */
export const documentAttachmentId = (id: string) => `document:${id}`;

const strip = ({ blob: _b, ...meta }: RightsDocumentMeta & { blob?: Blob }): RightsDocumentMeta => meta;

async function bytesOf(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  const buf =
    typeof blob.arrayBuffer === 'function' ? await blob.arrayBuffer() : await new Response(blob).arrayBuffer();
  return new Uint8Array(buf);
}

export function createDocumentsRepo(deps: { db: TakedownDb; now: () => Date; newId?: () => string; sha256?: Sha256 }) {
  const { db } = deps;
  const sha256 = deps.sha256 ?? sha256Hex;
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());

  return {
    async add(
      file: { name: string; type: string; bytes: Uint8Array },
      info: { kind: RightsDocumentKind; title: string; workId?: string | null },
    ): Promise<RightsDocumentMeta> {
      const mb = MAX_DOCUMENT_BYTES / 1024 / 1024;
      if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) {
        throw new AppError('invalid_input', `${file.name} is larger than ${mb} MB; scan it at a lower resolution`, {
          path: 'file',
        });
      }
      if (file.bytes.byteLength === 0) throw new AppError('invalid_input', `${file.name} is empty`, { path: 'file' });
      if (!(DOCUMENT_MIME_TYPES as readonly string[]).includes(file.type)) {
        throw new AppError('invalid_input', `${file.name} is not a PDF, PNG, JPEG or WebP file; convert it first`, {
          path: 'file',
        });
      }
      const parsed = RightsDocumentMetaSchema.safeParse({
        id: newId(),
        kind: info.kind,
        title: info.title,
        filename: file.name.slice(0, 200) || 'document',
        mime: file.type,
        size: file.bytes.byteLength,
        sha256: await sha256(file.bytes),
        workId: info.workId ?? null,
        addedAt: deps.now().toISOString(),
      });
      if (!parsed.success) {
        const issue = firstIssue(parsed.error);
        throw new AppError('invalid_input', `Document ${issue.path}: ${issue.message}`, { path: issue.path });
      }
      const bytes = new Uint8Array(file.bytes);
      await db.documents.add({ ...parsed.data, blob: new Blob([bytes], { type: file.type }) });
      return parsed.data;
    },

    async list(): Promise<RightsDocumentMeta[]> {
      return (await db.documents.orderBy('addedAt').toArray()).map(strip);
    },

    /** The chosen documents, in the order chosen; ids that no longer exist are left out. */
    async metas(ids: readonly string[]): Promise<RightsDocumentMeta[]> {
      return (await db.documents.bulkGet([...ids])).flatMap((d) => (d ? [strip(d)] : []));
    },

    /** The files of the chosen documents, each re-hashed; a missing or changed one is refused by name. */
    async files(ids: readonly string[]): Promise<DocumentFile[]> {
      const rows = await db.documents.bulkGet([...ids]);
      const out: DocumentFile[] = [];
      for (const [i, row] of rows.entries()) {
        if (!row) throw new AppError('not_found', `A chosen document (${ids[i]}) was deleted; choose again`);
        const bytes = await bytesOf(row.blob);
        if ((await sha256(bytes)) !== row.sha256) {
          throw new AppError('storage', `${row.filename} no longer matches the hash recorded when it was stored`, {
            documentId: row.id,
          });
        }
        out.push({ meta: strip(row), bytes });
      }
      return out;
    },

    /** Deletes a document no sent notice attached; one that was sent is kept (its notice's package needs it). */
    async remove(id: string): Promise<void> {
      const sentWithIt = await db.notices
        .filter((n) => n.sent !== null && ((n.documentIds as string[] | undefined) ?? []).includes(id))
        .first();
      if (sentWithIt) {
        throw new AppError('read_only', 'A sent notice attached this document, so it is kept as its evidence', {
          noticeId: sentWithIt.id,
        });
      }
      await db.documents.delete(id);
    },
  };
}
export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
