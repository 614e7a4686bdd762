/**
 * The team's notices in PostgreSQL. A push carries a notice with its whole event log and is applied in one
 * transaction holding the notice's row lock, so two instances receiving pushes for one notice serialise:
 * - events only append: every stored event must come back unchanged (same seq, same hash), new ones follow, and
 *   the whole log must verify with the extension's own verifyChain (lib/tracking/hash-chain.ts);
 * - a sent notice is frozen: its `sent` record (text, hash, attachments) can never change;
 * - a draft is resolved by version: a push based on a stale version is refused with the current one, except a
 *   push that sends it (what was sent cannot be unsent, so it wins);
 * - pushing the same thing again changes nothing (idempotent), which is what makes "retry until it worked" safe.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Notice, NoticeEvent } from '../../model/notice';
import { canonicalJson } from '../../tracking/canonical-json';
import { verifyChain } from '../../tracking/hash-chain';
import { sha256Hex } from '../../tracking/sha256';
import type { ErrorKind } from '../../errors';
import type { PushBody } from '../../team/schema';
import type { BlobStore } from './blob-store';

export interface PushOk {
  ok: true;
  version: number;
  change: number;
  /** False when the server already had exactly this. */
  changed: boolean;
  eventsAdded: number;
  evidenceAdded: number;
}
export interface PushRefused {
  ok: false;
  status: 400 | 409;
  kind: ErrorKind;
  message: string;
  current?: { version: number; notice: Notice };
}

const refuse = (
  status: 400 | 409,
  kind: ErrorKind,
  message: string,
  current?: PushRefused['current'],
): PushRefused => ({
  ok: false,
  status,
  kind,
  message,
  ...(current ? { current } : {}),
});

/** Checks a push against what is stored and applies it; never throws for a refusal (the caller audits it). */
export async function pushNotice(
  client: pg.PoolClient,
  userId: number,
  body: PushBody,
  blobs: BlobStore,
): Promise<PushOk | PushRefused> {
  const { notice, events } = body;
  if (events.some((e) => e.noticeId !== notice.id))
    return refuse(400, 'invalid_input', 'Every event must belong to the pushed notice.');
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const verdict = await verifyChain(sorted, sha256Hex, { textSha256: notice.sent?.textSha256 ?? null });
  if (!verdict.ok)
    return refuse(
      409,
      'conflict',
      `The event log does not verify (${verdict.reason} at event ${verdict.brokenAt}); it was not stored. Export the notice and report this.`,
    );
  for (const ev of body.evidence) {
    if (ev.base64 === undefined) continue;
    const digest = createHash('sha256').update(Buffer.from(ev.base64, 'base64')).digest('hex');
    if (digest !== ev.sha256)
      return refuse(400, 'invalid_input', `Evidence ${ev.id}: the bytes do not hash to ${ev.sha256}.`);
  }

  await client.query('BEGIN');
  try {
    const result = await apply(client, userId, body, sorted, blobs);
    await client.query(result.ok ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function apply(
  client: pg.PoolClient,
  userId: number,
  body: PushBody,
  events: NoticeEvent[],
  blobs: BlobStore,
): Promise<PushOk | PushRefused> {
  const { notice } = body;
  const inserted = await client.query<{ version: number; change: string }>(
    `INSERT INTO notices (id, data, status, version, sent_sha256, created_by, updated_by)
     VALUES ($1, $2, $3, 1, $4, $5, $5) ON CONFLICT (id) DO NOTHING RETURNING version, change`,
    [notice.id, JSON.stringify(notice), notice.status, notice.sent?.textSha256 ?? null, userId],
  );
  let version: number;
  let change: number;
  let changed = false;
  if (inserted.rows[0]) {
    version = inserted.rows[0].version;
    change = Number(inserted.rows[0].change);
    changed = true;
  } else {
    const { rows } = await client.query<{ data: Notice; version: number; sent_sha256: string | null; change: string }>(
      'SELECT data, version, sent_sha256, change FROM notices WHERE id = $1 FOR UPDATE',
      [notice.id],
    );
    const stored = rows[0]!;
    version = stored.version;
    change = Number(stored.change);
    if (stored.sent_sha256 !== null) {
      if (!notice.sent || canonicalJson(notice.sent) !== canonicalJson(stored.data.sent))
        return refuse(
          409,
          'read_only',
          'This notice was sent and its sent text is frozen; create a correction instead.',
        );
    } else if (!notice.sent && body.baseVersion !== stored.version) {
      return refuse(
        409,
        'conflict',
        `The draft changed on the team server (version ${stored.version}, yours was based on ${body.baseVersion ?? 'none'}).`,
        { version: stored.version, notice: stored.data },
      );
    }
    if (canonicalJson(notice) !== canonicalJson(stored.data)) {
      const up = await client.query<{ version: number; change: string }>(
        `UPDATE notices SET data = $2, status = $3, sent_sha256 = $4, version = version + 1, updated_by = $5,
           updated_at = now(), change = nextval('change_seq') WHERE id = $1 RETURNING version, change`,
        [notice.id, JSON.stringify(notice), notice.status, notice.sent?.textSha256 ?? null, userId],
      );
      version = up.rows[0]!.version;
      change = Number(up.rows[0]!.change);
      changed = true;
    }
  }

  const storedEvents = await client.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM notice_events WHERE notice_id = $1 ORDER BY seq',
    [notice.id],
  );
  for (const s of storedEvents.rows) {
    const pushed = events[s.seq];
    if (pushed && pushed.hash !== s.hash)
      return refuse(409, 'read_only', `Event ${s.seq} differs from the one already stored; events can only be added.`);
  }
  const fresh = events.slice(storedEvents.rows.length);
  if (fresh.length && storedEvents.rows.length && fresh[0]!.prevHash !== storedEvents.rows.at(-1)!.hash)
    return refuse(409, 'conflict', 'The new events do not follow the stored ones.');
  for (const e of fresh)
    await client.query(
      'INSERT INTO notice_events (notice_id, seq, hash, data, pushed_by) VALUES ($1, $2, $3, $4, $5)',
      [notice.id, e.seq, e.hash, JSON.stringify(e), userId],
    );
  if (fresh.length && !changed) {
    const bump = await client.query<{ change: string }>(
      `UPDATE notices SET change = nextval('change_seq'), updated_at = now() WHERE id = $1 RETURNING change`,
      [notice.id],
    );
    change = Number(bump.rows[0]!.change);
  }

  let evidenceAdded = 0;
  for (const ev of body.evidence) {
    // The bytes are stored before the row that points at them commits. With the directory store the file is
    // written at once: a push rolled back after this (refused, or the database gone) leaves at most an orphan file,
    // named by its hash, that the next identical push reuses; a committed row never points at a missing file.
    if (ev.base64 !== undefined) await blobs.put(client, ev.sha256, Buffer.from(ev.base64, 'base64'));
    const { base64: _bytes, ...meta } = ev;
    const r = await client.query<{ sha256: string }>(
      `INSERT INTO evidence (notice_id, id, sha256, meta, pushed_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (notice_id, id) DO NOTHING RETURNING sha256`,
      [notice.id, ev.id, ev.sha256, JSON.stringify(meta), userId],
    );
    if (r.rows[0]) evidenceAdded++;
    else {
      const old = await client.query<{ sha256: string }>(
        'SELECT sha256 FROM evidence WHERE notice_id = $1 AND id = $2',
        [notice.id, ev.id],
      );
      if (old.rows[0]?.sha256 !== ev.sha256)
        return refuse(
          409,
          'read_only',
          `Evidence ${ev.id} is already stored with another hash; evidence is never replaced.`,
        );
    }
  }
  return { ok: true, version, change, changed: changed || fresh.length > 0, eventsAdded: fresh.length, evidenceAdded };
}

export interface PulledNotice {
  notice: Notice;
  version: number;
  change: number;
  createdBy: string;
  updatedBy: string;
  events: NoticeEvent[];
  /** Event id → the analyst who pushed it. */
  eventsBy: Record<string, string>;
  evidence: Array<Record<string, unknown>>;
}

/** Notices changed after `since` (the cursor a previous pull returned), oldest change first. */
export async function pullNotices(db: pg.Pool, since: number, limit: number) {
  const { rows } = await db.query<{
    id: string;
    data: Notice;
    version: number;
    change: string;
    created_by: string;
    updated_by: string;
  }>(
    `SELECT n.id, n.data, n.version, n.change, c.name AS created_by, u.name AS updated_by
     FROM notices n JOIN users c ON c.id = n.created_by JOIN users u ON u.id = n.updated_by
     WHERE n.change > $1 ORDER BY n.change LIMIT $2`,
    [since, limit],
  );
  const ids = rows.map((r) => r.id);
  // Each event with the analyst whose browser pushed it: the colleague's timeline names them instead of "you".
  const ev = ids.length
    ? await db.query<{ notice_id: string; data: NoticeEvent; pushed_by: string }>(
        `SELECT e.notice_id, e.data, u.name AS pushed_by FROM notice_events e JOIN users u ON u.id = e.pushed_by
         WHERE e.notice_id = ANY($1) ORDER BY e.notice_id, e.seq`,
        [ids],
      )
    : { rows: [] };
  const evid = ids.length
    ? await db.query<{ notice_id: string; meta: Record<string, unknown> }>(
        'SELECT notice_id, meta FROM evidence WHERE notice_id = ANY($1) ORDER BY notice_id, id',
        [ids],
      )
    : { rows: [] };
  const group = <T extends { notice_id: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.notice_id, [...(m.get(x.notice_id) ?? []), x]);
    return m;
  };
  const evBy = group(ev.rows);
  const evidBy = group(evid.rows);
  const notices: PulledNotice[] = rows.map((r) => ({
    notice: r.data,
    version: r.version,
    change: Number(r.change),
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    events: (evBy.get(r.id) ?? []).map((e) => e.data),
    eventsBy: Object.fromEntries((evBy.get(r.id) ?? []).map((e) => [e.data.id, e.pushed_by])),
    evidence: (evidBy.get(r.id) ?? []).map((e) => e.meta),
  }));
  return { notices, cursor: notices.at(-1)?.change ?? since };
}
