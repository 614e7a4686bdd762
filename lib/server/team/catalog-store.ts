/**
 * The team's works catalog and letterhead: JSON documents with a version. A write names the version it was based
 * on; a stale write is refused with the current document (the same rule as drafts).
 */
import type pg from 'pg';

export type VersionedWrite =
  { ok: true; version: number } | { ok: false; current: { version: number; data: Record<string, unknown> } };

async function write(
  db: pg.Pool,
  table: 'works' | 'letterhead',
  id: string | number,
  data: Record<string, unknown>,
  baseVersion: number,
  userId: number,
): Promise<VersionedWrite> {
  // base 0 creates; otherwise the row must still be at baseVersion. One statement each, so no lock is needed.
  const r =
    baseVersion === 0
      ? await db.query<{ version: number }>(
          `INSERT INTO ${table} (id, data, version, updated_by) VALUES ($1, $2, 1, $3)
           ON CONFLICT (id) DO NOTHING RETURNING version`,
          [id, JSON.stringify(data), userId],
        )
      : await db.query<{ version: number }>(
          `UPDATE ${table} SET data = $2, version = version + 1, updated_by = $3, updated_at = now()
           WHERE id = $1 AND version = $4 RETURNING version`,
          [id, JSON.stringify(data), userId, baseVersion],
        );
  if (r.rows[0]) return { ok: true, version: r.rows[0].version };
  const cur = await db.query<{ version: number; data: Record<string, unknown> }>(
    `SELECT version, data FROM ${table} WHERE id = $1`,
    [id],
  );
  return { ok: false, current: cur.rows[0] ?? { version: 0, data: {} } };
}

export const putWork = (db: pg.Pool, id: string, data: Record<string, unknown>, base: number, userId: number) =>
  write(db, 'works', id, data, base, userId);

export const putLetterhead = (db: pg.Pool, data: Record<string, unknown>, base: number, userId: number) =>
  write(db, 'letterhead', 1, data, base, userId);

export async function listWorks(db: pg.Pool) {
  const { rows } = await db.query<{ id: string; data: Record<string, unknown>; version: number }>(
    'SELECT id, data, version FROM works ORDER BY id',
  );
  return rows;
}

export async function getLetterhead(db: pg.Pool) {
  const { rows } = await db.query<{ data: Record<string, unknown>; version: number }>(
    'SELECT data, version FROM letterhead WHERE id = 1',
  );
  return rows[0] ?? { data: null, version: 0 };
}
