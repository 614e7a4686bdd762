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
import {
  BLOB_SCHEMAS,
  ReplyFileMetaSchema,
  TimestampBlobSchema,
  type JsonBlob,
  type JsonBlobKind,
  type TimestampBlob,
} from './evidence-blobs';
import { byKindOrder, noticeEvidence, replyCaptureId, sealCaptureId } from './evidence-rule';
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

/** A stored timestamp (or failed attempt) with the evidence row that holds it. */
export interface StoredTimestamp {
  evidenceId: string;
  record: TimestampBlob;
}

/** A stored file with bytes that still match the hash recorded when it was stored. */
export interface StoredFile {
  meta: EvidenceMeta;
  bytes: Uint8Array<ArrayBuffer>;
}

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
        (r) => r.noticeId === undefined && r.kind !== 'reply' && r.kind !== 'recheck' && r.kind !== 'timestamp',
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

    /**
     * Stores a timestamp or a failed attempt (issue 15): a manifest's under its capture, a notice seal's under
     * that notice alone (`sealCaptureId`), so no other notice inherits it.
     */
    async addTimestamp(
      owner: { captureId: string } | { noticeId: string },
      record: TimestampBlob,
      url = '',
    ): Promise<EvidenceMeta> {
      const parsed = TimestampBlobSchema.parse(record);
      const bytes = new TextEncoder().encode(JSON.stringify(parsed, null, 2));
      const meta: EvidenceMeta = {
        id: newId(),
        captureId: 'captureId' in owner ? owner.captureId : sealCaptureId(owner.noticeId),
        ...('noticeId' in owner ? { noticeId: owner.noticeId } : {}),
        kind: 'timestamp',
        mime: 'application/json',
        sha256: await sha256(bytes),
        size: bytes.byteLength,
        url: url.slice(0, 2048),
        capturedAt: deps.now().toISOString(),
        note: `${parsed.covers} ${parsed.status}`,
      };
      await db.evidence.add({ ...meta, blob: new Blob([bytes], { type: meta.mime }) });
      return meta;
    },

    /** A capture's manifest timestamps and a notice's seals, oldest first; unreadable ones are skipped and named. */
    async timestamps(
      owner: { captureId: string | null } | { noticeId: string },
    ): Promise<{ stamps: StoredTimestamp[]; problems: BlobProblem[] }> {
      const captureId = 'noticeId' in owner ? sealCaptureId(owner.noticeId) : owner.captureId;
      if (!captureId) return { stamps: [], problems: [] };
      const rows = (await db.evidence.where('captureId').equals(captureId).toArray())
        .filter((r) => r.kind === 'timestamp')
        .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
      const stamps: StoredTimestamp[] = [];
      const problems: BlobProblem[] = [];
      for (const row of rows) {
        const problem = (reason: BlobProblem['reason'], message: string) =>
          problems.push({ evidenceId: row.id, kind: row.kind, name: blobName(row), reason, message });
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder().decode(await blobBytes(row.blob)));
        } catch (err) {
          problem('not_json', err instanceof Error ? err.message : String(err));
          continue;
        }
        const parsed = TimestampBlobSchema.safeParse(json);
        if (parsed.success) stamps.push({ evidenceId: row.id, record: parsed.data });
        else problem('schema', `${firstIssue(parsed.error).path || 'root'}: ${firstIssue(parsed.error).message}`);
      }
      return { stamps, problems };
    },

    /**
     * Every stored file of a capture (the page artefacts and their timestamps) with its bytes, re-hashed: a file
     * whose bytes changed is reported, never packaged as if it were the original.
     */
    async filesOf(captureId: string | null): Promise<{ files: StoredFile[]; problems: BlobProblem[] }> {
      const rows = captureId ? await db.evidence.where('captureId').equals(captureId).toArray() : [];
      const files: StoredFile[] = [];
      const problems: BlobProblem[] = [];
      for (const row of byKindOrder(rows)) {
        const bytes = await blobBytes(row.blob);
        const hash = await sha256(bytes);
        const meta = stripBlob(row);
        if (hash === row.sha256) files.push({ meta, bytes });
        else {
          const message = `stored ${row.sha256}, read ${hash}`;
          problems.push({ evidenceId: row.id, kind: row.kind, name: blobName(row), reason: 'hash_mismatch', message });
        }
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
