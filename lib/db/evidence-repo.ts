/**
 * Evidence on the `evidence` table: capture artefacts, reply files, and the one rule
 * (evidence-rule.ts) for what a notice cites and attaches. Every JSON blob is validated on read;
 * a blob that fails is returned as a named problem, never thrown, so pages keep working.
 */
import { evidenceFilename, type EvidenceMeta } from '../model/evidence';
import type { Notice } from '../model/notice';
import { sha256Hex, type Sha256 } from '../tracking/sha256';
import { AppError } from '../errors';
import { firstIssue } from '../zod-issue';
import { BLOB_SCHEMAS, ReplyFileMetaSchema, type JsonBlob, type JsonBlobKind } from './evidence-blobs';
import { byKindOrder, noticeEvidence, replyCaptureId } from './evidence-rule';
import type { TakedownDb } from './schema';

/** A stored artefact that could not be used, named so the user can tell which one. */
export interface BlobProblem {
  evidenceId: string;
  kind: string;
  /** e.g. "manifest (3f2a…)" */
  name: string;
  reason: 'missing' | 'not_json' | 'schema' | 'hash_mismatch';
  message: string;
}

export type BlobRead<T> = { ok: true; value: T } | { ok: false; problem: BlobProblem };

/** A file as it goes out with a notice: the bytes, and their hash checked against the stored one. */
export interface AttachmentFile {
  evidenceId: string;
  kind: EvidenceMeta['kind'];
  filename: string;
  mime: string;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export const MAX_REPLY_FILE = 25 * 1024 * 1024;

const blobName = (m: Pick<EvidenceMeta, 'kind' | 'sha256' | 'id'>) => `${m.kind} (${(m.sha256 || m.id).slice(0, 12)})`;
const stripBlob = ({ blob: _b, ...meta }: EvidenceMeta & { blob?: Blob }): EvidenceMeta => meta;

async function blobBytes(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  // Blob.arrayBuffer is missing from some test environments' Blob polyfills; Response reads any Blob.
  const buf =
    typeof blob.arrayBuffer === 'function' ? await blob.arrayBuffer() : await new Response(blob).arrayBuffer();
  return new Uint8Array(buf);
}

export function createEvidenceRepo(deps: { db: TakedownDb; now: () => Date; newId?: () => string; sha256?: Sha256 }) {
  const { db } = deps;
  const sha256 = deps.sha256 ?? sha256Hex;
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());

  async function captureRows(captureId: string | null): Promise<EvidenceMeta[]> {
    if (!captureId) return [];
    const rows = await db.evidence.where('captureId').equals(captureId).toArray();
    return byKindOrder(rows.map(stripBlob));
  }

  async function readJson<K extends JsonBlobKind>(
    captureId: string | null,
    kind: K,
  ): Promise<BlobRead<JsonBlob<K>> | null> {
    if (!captureId) return null;
    const row = (await db.evidence.where('captureId').equals(captureId).toArray()).find(
      (r) => r.kind === kind && r.noticeId === undefined,
    );
    if (!row) return null;
    const fail = (reason: BlobProblem['reason'], message: string): BlobRead<JsonBlob<K>> => ({
      ok: false,
      problem: { evidenceId: row.id, kind, name: blobName(row), reason, message },
    });
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(await blobBytes(row.blob)));
    } catch (err) {
      return fail('not_json', err instanceof Error ? err.message : String(err));
    }
    const parsed = BLOB_SCHEMAS[kind].safeParse(json);
    if (!parsed.success) {
      const issue = firstIssue(parsed.error);
      return fail('schema', `${issue.path || 'root'}: ${issue.message}`);
    }
    return { ok: true, value: parsed.data as JsonBlob<K> };
  }

  return {
    /** Every artefact of a capture (replies excluded), in display order, without the bytes. */
    async ofCapture(captureId: string | null): Promise<EvidenceMeta[]> {
      return (await captureRows(captureId)).filter(
        (r) => r.noticeId === undefined && r.kind !== 'reply' && r.kind !== 'recheck',
      );
    },

    /** What the notice cites and attaches, by the one rule. */
    async forNotice(notice: Pick<Notice, 'captureId'>): Promise<EvidenceMeta[]> {
      return noticeEvidence(notice, await captureRows(notice.captureId));
    },

    /** Reply files recorded on this notice (and on no other). */
    async repliesOf(noticeId: string): Promise<EvidenceMeta[]> {
      return (await db.evidence.where('captureId').equals(replyCaptureId(noticeId)).toArray()).map(stripBlob);
    },

    metadata: (captureId: string | null) => readJson(captureId, 'metadata'),
    headers: (captureId: string | null) => readJson(captureId, 'headers'),
    manifest: (captureId: string | null) => readJson(captureId, 'manifest'),

    /** The screenshot's bytes for display; null when there is none. */
    async blob(id: string): Promise<Blob | null> {
      return (await db.evidence.get(id))?.blob ?? null;
    },

    /**
     * The exact files a notice sends, each re-hashed: a file whose bytes no longer match the
     * hash recorded at capture is left out and reported, so a notice never vouches for changed bytes.
     */
    async attachmentsFor(
      notice: Pick<Notice, 'captureId'>,
    ): Promise<{ files: AttachmentFile[]; problems: BlobProblem[] }> {
      const metas = noticeEvidence(notice, await captureRows(notice.captureId));
      const rows = await db.evidence.bulkGet(metas.map((m) => m.id));
      const files: AttachmentFile[] = [];
      const problems: BlobProblem[] = [];
      for (const [i, m] of metas.entries()) {
        const row = rows[i];
        if (!row) {
          problems.push({ evidenceId: m.id, kind: m.kind, name: blobName(m), reason: 'missing', message: 'deleted' });
          continue;
        }
        const bytes = await blobBytes(row.blob);
        const hash = await sha256(bytes);
        if (hash !== m.sha256) {
          problems.push({
            evidenceId: m.id,
            kind: m.kind,
            name: blobName(m),
            reason: 'hash_mismatch',
            message: `stored ${m.sha256}, read ${hash}`,
          });
          continue;
        }
        files.push({
          evidenceId: m.id,
          kind: m.kind,
          filename: evidenceFilename(m),
          mime: m.mime.split(';')[0] ?? m.mime,
          sha256: hash,
          bytes,
        });
      }
      return { files, problems };
    },

    /** Stores a reply file under its notice, never under the page capture. */
    addReplyFile(noticeId: string, file: { name: string; type: string; bytes: Uint8Array }): Promise<EvidenceMeta> {
      return addNoticeFile(noticeId, file, 'reply');
    },

    /** Stores what an SMTP send handed over (the .eml) and got back (the acceptance), under that notice. */
    addDeliveryFile(noticeId: string, file: { name: string; type: string; bytes: Uint8Array }): Promise<EvidenceMeta> {
      return addNoticeFile(noticeId, file, 'delivery');
    },
  };

  async function addNoticeFile(
    noticeId: string,
    file: { name: string; type: string; bytes: Uint8Array },
    kind: 'reply' | 'delivery',
  ): Promise<EvidenceMeta> {
    if (file.bytes.byteLength > MAX_REPLY_FILE)
      throw new AppError('invalid_input', 'The attached file is larger than 25 MB', { path: 'file' });
    const meta = {
      id: newId(),
      captureId: replyCaptureId(noticeId),
      noticeId,
      kind,
      mime: (file.type || 'application/octet-stream').slice(0, 100),
      sha256: await sha256(file.bytes),
      size: file.bytes.byteLength,
      url: '',
      capturedAt: deps.now().toISOString(),
      note: file.name.slice(0, 2000),
    };
    ReplyFileMetaSchema.parse(meta);
    await db.evidence.add({ ...meta, blob: new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }) });
    return meta;
  }
}
export type EvidenceRepo = ReturnType<typeof createEvidenceRepo>;
