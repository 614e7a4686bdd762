/** Who did what on the team server, including what was refused. Written outside any refused transaction. */
import type { MiddlewareHandler } from 'hono';
import type pg from 'pg';
import type { TeamEnv } from './routes';

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

/** Fields of a route's JSON answer worth keeping: which message went out, to whom, or why not. */
const KEPT = ['messageId', 'accepted', 'rejected', 'error'] as const;

/**
 * Records what a team member's request came to, after the route answered (for a shared route that does not audit
 * itself, such as /v1/send). A failure to write the entry is logged, never turned into an error answer: the mail
 * is already out, and an error would make the extension send it again.
 */
export const auditResult =
  (db: pg.Pool, action: string): MiddlewareHandler<TeamEnv> =>
  async (c, next) => {
    await next();
    const answer = (await c.res
      .clone()
      .json()
      .catch(() => null)) as Record<string, unknown> | null;
    const detail: Record<string, unknown> = { status: c.res.status };
    for (const k of KEPT) if (answer && typeof answer === 'object' && k in answer) detail[k] = answer[k];
    await audit(db, {
      userId: c.get('teamUser').id,
      action,
      target: typeof detail.messageId === 'string' ? detail.messageId : c.req.path,
      outcome: c.res.ok ? 'ok' : 'refused',
      detail,
    }).catch((err: Error) => console.error(`[takedown] audit of ${action} not written: ${err.message}`));
  };
