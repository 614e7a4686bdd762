/** Who did what on the team server, including what was refused. Written outside any refused transaction. */
import type pg from 'pg';

export interface AuditEntry {
  userId: number | null;
  action: string;
  target?: string;
  outcome: 'ok' | 'refused';
  detail?: Record<string, unknown>;
}

export async function audit(db: pg.Pool | pg.PoolClient, e: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (user_id, action, target, outcome, detail) VALUES ($1, $2, $3, $4, $5)', [
    e.userId,
    e.action,
    e.target ?? '',
    e.outcome,
    JSON.stringify(e.detail ?? {}),
  ]);
}

export async function readAudit(db: pg.Pool, limit = 200) {
  const { rows } = await db.query<{
    id: string;
    at: Date;
    user: string | null;
    action: string;
    target: string;
    outcome: string;
    detail: Record<string, unknown>;
  }>(
    `SELECT a.id, a.at, u.name AS user, a.action, a.target, a.outcome, a.detail
     FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), at: r.at.toISOString() }));
}
