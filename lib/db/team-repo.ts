/**
 * This browser's side of the team server (issue 19), over IndexedDB: what to push, what the server answered, and
 * the team's notices received into the local record, which stays the offline copy.
 *
 * The outbox is derived, not queued: every sent notice whose chain head differs from the head the server holds
 * (`teamNotices.serverHead`). A notice sent offline, an event appended before the team was joined, a reply recorded
 * while the server was down: each shows up in the next round, and a push that reached the server twice changes
 * nothing there (pushes are idempotent).
 */
import Dexie from 'dexie';
import { AppError, type SerializedError } from '../errors';
import { bytesToBase64 } from '../export/base64';
import { evidenceFilename } from '../model/evidence';
import { isWebUrl } from '../model/recipient';
import type { Notice, NoticeEvent } from '../model/notice';
import { TeamEvidenceMetaSchema, type TeamEvidenceMeta, type TeamNoticeRow } from '../model/team';
import type { EvidenceItem, PulledNotice, PushBody, PushResult } from '../team/schema';
import { canonicalJson } from '../tracking/canonical-json';
import { verifyChain } from '../tracking/hash-chain';
import { sha256Hex, type Sha256 } from '../tracking/sha256';
import { targetOfKind } from '../tracking/status';
import { documentAttachmentId } from './documents-repo';
import { replyCaptureId, sealCaptureId } from './evidence-rule';
import { hostOf, type TakedownDb } from './schema';
import { watchQuery } from './watch';

/** The server refuses a push body over 64 MiB; base64 grows bytes by a third, so a body carries at most ~36 MiB. */
export const PUSH_BYTES = 36 * 1024 * 1024;
/** One file's base64 is capped at 16 MiB by the push schema; a larger file goes as metadata only. */
export const MAX_PUSHED_FILE = 12 * 1024 * 1024;

export interface ReceiveReport {
  added: number;
  updated: number;
  /** Notices kept as they are here, with the reason (stored on the row and shown on the notice page). */
  kept: Array<{ noticeId: string; reason: 'diverged' | 'invalid' }>;
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  const buf =
    typeof blob.arrayBuffer === 'function' ? await blob.arrayBuffer() : await new Response(blob).arrayBuffer();
  return new Uint8Array(buf);
}

const isPrefix = (a: readonly NoticeEvent[], b: readonly NoticeEvent[]) =>
  a.length <= b.length && a.every((e, i) => e.id === b[i]?.id && e.hash === b[i]?.hash);

export function createTeamRepo(deps: {
  db: TakedownDb;
  now: () => Date;
  sha256?: Sha256;
  /** Tests shrink the body and file limits to see a push split and an oversize file go as metadata. */
  limits?: { pushBytes: number; maxFile: number };
}) {
  const { db } = deps;
  const limits = deps.limits ?? { pushBytes: PUSH_BYTES, maxFile: MAX_PUSHED_FILE };
  const sha256 = deps.sha256 ?? sha256Hex;
  const nowIso = () => deps.now().toISOString();

  const eventsOf = (noticeId: string) =>
    db.events.where('[noticeId+seq]').between([noticeId, Dexie.minKey], [noticeId, Dexie.maxKey]).toArray();

  /** Sent notices the server does not hold as they are here (refused ones only once their log grew again). */
  async function pendingIds(): Promise<string[]> {
    const [heads, rows] = await Promise.all([db.heads.toArray(), db.teamNotices.toArray()]);
    const byId = new Map(rows.map((r) => [r.noticeId, r]));
    const candidates = heads.filter((h) => {
      const row = byId.get(h.noticeId);
      return row?.serverHead !== h.hash && row?.refused?.head !== h.hash;
    });
    const notices = await db.notices.bulkGet(candidates.map((h) => h.noticeId));
    return notices
      .filter((n): n is Notice => !!n && n.sent !== null)
      .sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? ''))
      .map((n) => n.id);
  }

  /** Every stored file of the notice (its capture, replies, deliveries and seals) the server does not hold yet. */
  async function newFiles(notice: Notice, held: ReadonlySet<string>) {
    const owners = [notice.captureId, replyCaptureId(notice.id), sealCaptureId(notice.id)].filter(
      (c): c is string => !!c,
    );
    const rows = (await db.evidence.where('captureId').anyOf(owners).toArray()).filter(
      // Capture rows that belong to another notice (its reply or delivery) are that notice's to push.
      (r) => (r.noticeId === undefined || r.noticeId === notice.id) && !held.has(r.id),
    );
    return rows.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id));
  }

  /**
   * A notice's push, split into bodies that each fit the server's limit: every body carries the notice and its
   * whole log (so each is a complete, idempotent push); the new evidence files are spread over them. A file
   * whose bytes no longer match its recorded hash is pushed as metadata only: the server checks the bytes and
   * would refuse the notice for it, and the local record already flags it.
   */
  async function bodiesFor(noticeId: string): Promise<PushBody[]> {
    const notice = await db.notices.get(noticeId);
    if (!notice) return [];
    const row = await db.teamNotices.get(noticeId);
    const events = await eventsOf(noticeId);
    const held = new Set((row?.evidence ?? []).map((e) => e.id));
    const bodies: PushBody[] = [];
    let items: EvidenceItem[] = [];
    let bytes = 0;
    // The rights holder's documents the notice attached go too (download only: they are not capture evidence).
    const documents = (await db.documents.bulkGet(notice.documentIds ?? [])).filter(
      (d): d is NonNullable<typeof d> => !!d && !held.has(documentAttachmentId(d.id)),
    );
    const files = [
      ...(await newFiles(notice, held)).map((r) => {
        const { blob: _blob, ...record } = r;
        return {
          blob: r.blob,
          meta: { id: r.id, sha256: r.sha256, filename: evidenceFilename(r), mime: r.mime, size: r.size, record },
        };
      }),
      ...documents.map((d) => ({
        blob: d.blob,
        meta: { id: documentAttachmentId(d.id), sha256: d.sha256, filename: d.filename, mime: d.mime, size: d.size },
      })),
    ];
    for (const { blob, meta: full } of files) {
      const meta = { ...full, mime: full.mime.slice(0, 200) };
      let base64: string | undefined;
      if (meta.size <= limits.maxFile) {
        const data = await blobBytes(blob);
        if ((await sha256(data)) === meta.sha256) base64 = bytesToBase64(data);
      }
      const cost = base64?.length ?? 0;
      if (items.length > 0 && bytes + cost > limits.pushBytes) {
        bodies.push({ notice, events, evidence: items });
        items = [];
        bytes = 0;
      }
      items.push(base64 === undefined ? meta : { ...meta, base64 });
      bytes += cost;
    }
    bodies.push({ notice, events, evidence: items, ...(row?.version ? { baseVersion: row.version } : {}) });
    return bodies;
  }

  const heldMeta = (items: readonly EvidenceItem[]): TeamEvidenceMeta[] => items.map(({ base64: _b, ...meta }) => meta);

  /** Checks a received notice the way an import is checked: its sent text and its whole log must verify. */
  async function valid(p: PulledNotice): Promise<boolean> {
    const n = p.notice;
    if (p.events.some((e) => e.noticeId !== n.id)) return false;
    // Links the notice page opens must stay web links, whoever pushed the notice.
    const forms = [n.recipient?.formUrl, n.sent?.recipient.formUrl].filter((u): u is string => !!u);
    if (forms.some((u) => !isWebUrl(u))) return false;
    const textSha256 = n.sent ? await sha256(n.sent.text) : null;
    if (n.sent && textSha256 !== n.sent.textSha256) return false;
    const events = [...p.events].sort((a, b) => a.seq - b.seq);
    if (!(await verifyChain(events, sha256, { textSha256 })).ok) return false;
    let status: Notice['status'] = 'draft';
    for (const e of events) status = targetOfKind(status, e.kind) ?? status;
    return events.length === 0 || status === n.status;
  }

  function rowOf(p: PulledNotice, prev: TeamNoticeRow | undefined, patch: Partial<TeamNoticeRow>): TeamNoticeRow {
    const evidence = new Map((prev?.evidence ?? []).map((e) => [e.id, e]));
    for (const raw of p.evidence) {
      // The server hands back what a browser pushed: checked here like any other answer, and dropped when it is not
      // the shape of one evidence file.
      const e = TeamEvidenceMetaSchema.safeParse(raw);
      if (!e.success) continue;
      const { record, ...file } = e.data;
      // A record that names another file than the one it came with is not trusted to describe it.
      const fits = record && record.id === file.id && record.sha256 === file.sha256 && record.size === file.size;
      evidence.set(file.id, fits ? { ...file, record } : file);
    }
    return {
      noticeId: p.notice.id,
      origin: prev?.origin ?? 'team',
      serverHead: p.events.at(-1)?.hash ?? null,
      version: p.version,
      change: p.change,
      createdBy: p.createdBy,
      updatedBy: p.updatedBy,
      syncedAt: nowIso(),
      refused: prev?.refused ?? null,
      evidence: [...evidence.values()],
      eventsBy: { ...prev?.eventsBy, ...p.eventsBy },
      ...patch,
    };
  }

  /** Writes one received notice; false when the local log moved meanwhile (the caller tries again). */
  async function receiveOne(p: PulledNotice, report: ReceiveReport): Promise<boolean> {
    const id = p.notice.id;
    const events = [...p.events].sort((a, b) => a.seq - b.seq);
    const pulled = { ...p, events };
    const prev = await db.teamNotices.get(id);
    if (!(await valid(pulled))) {
      const refused = { at: nowIso(), head: events.at(-1)?.hash ?? '', kind: 'conflict' as const, message: '' };
      refused.message = 'The team server sent a copy of this notice that does not verify; the local copy is kept.';
      await db.teamNotices.put(rowOf(pulled, prev, { serverHead: prev?.serverHead ?? null, refused }));
      report.kept.push({ noticeId: id, reason: 'invalid' });
      return true;
    }
    const local = await db.notices.get(id);
    const localEvents = local ? await eventsOf(id) : [];
    const tail = localEvents.at(-1)?.seq ?? -1;
    return db.transaction('rw', [db.notices, db.events, db.heads, db.urls, db.teamNotices], async () => {
      const nowTail = (await db.heads.get(id))?.seq ?? -1;
      if (nowTail !== tail || !!(await db.notices.get(id)) !== !!local) return false;
      const head = events.at(-1);
      if (!local) {
        await db.notices.add(p.notice);
        await db.urls.bulkAdd(p.notice.urls.map((url) => ({ url, noticeId: id, host: hostOf(url) })));
        await db.events.bulkAdd(events);
        if (head) await db.heads.put({ noticeId: id, seq: head.seq, hash: head.hash });
        await db.teamNotices.put(rowOf(pulled, prev, {}));
        report.added++;
        return true;
      }
      // Canonical: PostgreSQL's jsonb hands objects back with their keys in its own order.
      const sentSame = canonicalJson(local.sent) === canonicalJson(p.notice.sent);
      if (isPrefix(localEvents, events) && events.length > localEvents.length && (local.sent === null || sentSame)) {
        await db.notices.put(p.notice);
        if (local.urls.join('\n') !== p.notice.urls.join('\n')) {
          await db.urls.where('noticeId').equals(id).delete();
          await db.urls.bulkAdd(p.notice.urls.map((url) => ({ url, noticeId: id, host: hostOf(url) })));
        }
        await db.events.bulkAdd(events.slice(localEvents.length));
        if (head) await db.heads.put({ noticeId: id, seq: head.seq, hash: head.hash });
        await db.teamNotices.put(rowOf(pulled, prev, { refused: null }));
        report.updated++;
      } else if (isPrefix(events, localEvents) && (local.sent === null || sentSame)) {
        // Ours is the same or newer: only the server's view is recorded; a longer local log is pushed next round.
        await db.teamNotices.put(rowOf(pulled, prev, {}));
      } else {
        const message =
          'This notice differs between this browser and the team server (both added events); the local copy is kept.';
        await db.teamNotices.put(
          rowOf(pulled, prev, {
            serverHead: prev?.serverHead ?? null,
            refused: { at: nowIso(), head: localEvents.at(-1)?.hash ?? '', kind: 'conflict', message },
          }),
        );
        report.kept.push({ noticeId: id, reason: 'diverged' });
      }
      return true;
    });
  }

  /** Evidence files of a received notice that the team holds and this browser does not have yet. */
  async function missingEvidence(noticeId: string): Promise<TeamEvidenceMeta[]> {
    const files = ((await db.teamNotices.get(noticeId))?.evidence ?? []).filter((f) => f.record);
    const here = await db.evidence.bulkGet(files.map((f) => f.record!.id));
    return files.filter((_, i) => !here[i]);
  }

  return {
    pendingIds,
    bodiesFor,

    /** The server holds this body: its head, version and the evidence it now has. */
    async pushed(body: PushBody, result: PushResult, by: string | null): Promise<void> {
      const id = body.notice.id;
      await db.transaction('rw', db.teamNotices, async () => {
        const prev = await db.teamNotices.get(id);
        const evidence = new Map((prev?.evidence ?? []).map((e) => [e.id, e]));
        for (const e of heldMeta(body.evidence)) evidence.set(e.id, e);
        await db.teamNotices.put({
          noticeId: id,
          origin: prev?.origin ?? 'local',
          serverHead: body.events.at(-1)?.hash ?? null,
          version: result.version,
          change: result.change,
          createdBy: prev?.createdBy ?? by,
          updatedBy: by,
          syncedAt: nowIso(),
          refused: null,
          evidence: [...evidence.values()],
        });
      });
    },

    /** The server refused this notice for good at its current head; shown until a later event is pushed. */
    async refused(body: PushBody, error: SerializedError): Promise<void> {
      const id = body.notice.id;
      const prev = await db.teamNotices.get(id);
      await db.teamNotices.put({
        noticeId: id,
        origin: prev?.origin ?? 'local',
        serverHead: prev?.serverHead ?? null,
        version: prev?.version ?? null,
        change: prev?.change ?? null,
        createdBy: prev?.createdBy ?? null,
        updatedBy: prev?.updatedBy ?? null,
        syncedAt: nowIso(),
        refused: {
          at: nowIso(),
          head: body.events.at(-1)?.hash ?? '',
          kind: error.kind,
          message: error.message.slice(0, 2000),
        },
        evidence: prev?.evidence ?? [],
      });
    },

    /** Stores the team's notices: new ones are added, longer logs extend ours, and a local record is never lost. */
    async received(notices: readonly PulledNotice[]): Promise<ReceiveReport> {
      const report: ReceiveReport = { added: 0, updated: 0, kept: [] };
      // The shared case log is sent notices; a colleague's draft (another client may push one) stays theirs.
      for (const p of notices.filter((n) => n.notice.sent !== null)) {
        let done = false;
        for (let attempt = 0; attempt < 5 && !done; attempt++) done = await receiveOne(p, report);
        if (!done)
          throw new AppError('storage', 'A team notice kept changing here while it was stored; sync again', {
            noticeId: p.notice.id,
          });
      }
      return report;
    },

    missingEvidence,

    /**
     * Copies a received notice's evidence into this browser's record, so its page, timestamps and evidence package
     * work offline as for a notice captured here. Each file is fetched by its SHA-256 and checked before it is stored
     * under the record the capturing browser made; a file already here is left as it is.
     */
    async copyEvidence(
      noticeId: string,
      fetchFile: (sha256: string) => Promise<Uint8Array>,
      onProgress: (done: number, total: number) => void = () => {},
    ): Promise<{ copied: number }> {
      const missing = await missingEvidence(noticeId);
      let copied = 0;
      for (const f of missing) {
        onProgress(copied, missing.length);
        const bytes = await fetchFile(f.sha256);
        if ((await sha256(bytes)) !== f.sha256)
          throw new AppError(
            'invalid_response',
            `The team server sent other bytes for ${f.filename}; nothing was kept.`,
          );
        const record = f.record!;
        if (!(await db.evidence.get(record.id))) {
          await db.evidence.add({
            ...record,
            blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: record.mime }),
          });
          copied++;
        }
      }
      onProgress(copied, missing.length);
      return { copied };
    },

    /** The team rows of these notices (the popup's analyst names). */
    async rows(ids: readonly string[]): Promise<Map<string, TeamNoticeRow>> {
      const rows = await db.teamNotices.bulkGet([...ids]);
      return new Map(rows.filter((r): r is TeamNoticeRow => !!r).map((r) => [r.noticeId, r]));
    },

    get: async (id: string): Promise<TeamNoticeRow | null> => (await db.teamNotices.get(id)) ?? null,

    /** Notices the server refused (newest first), for the options page. */
    async refusedRows(limit = 50): Promise<TeamNoticeRow[]> {
      const rows = await db.teamNotices.filter((r) => r.refused !== null).toArray();
      return rows.sort((a, b) => (b.refused?.at ?? '').localeCompare(a.refused?.at ?? '')).slice(0, limit);
    },

    /** Every notice received from a colleague (the popup's "only mine" leaves them out). */
    async teamOriginIds(): Promise<Set<string>> {
      return new Set(await db.teamNotices.where('origin').equals('team').primaryKeys());
    },

    /** Notices received from colleagues: not this browser's follow-ups to chase. */
    async teamOrigin(ids: readonly string[]): Promise<Set<string>> {
      const rows = await db.teamNotices.bulkGet([...ids]);
      return new Set(rows.filter((r) => r?.origin === 'team').map((r) => r!.noticeId));
    },

    /**
     * Calls back whenever an event is appended to any notice's log, in any extension context. It reads only the
     * newest event (the `at` index), so a large record costs nothing per append.
     */
    onAppend(cb: () => void): () => void {
      return watchQuery(
        () =>
          db.events
            .orderBy('at')
            .last()
            .then((e) => e?.id ?? null),
        cb,
      );
    },
  };
}
export type TeamRepo = ReturnType<typeof createTeamRepo>;
