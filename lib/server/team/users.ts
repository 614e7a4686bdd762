/**
 * Team members and their tokens. A token is 32 random bytes shown once; only its SHA-256 is stored, so the
 * database cannot hand out working tokens. Revoked tokens and disabled users are refused like unknown ones.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../../team/schema';

export interface TeamUser {
  id: number;
  name: string;
  role: Role;
}

export const tokenDigest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** Creates a user (or finds the existing one of that name, keeping its role) and issues a new token. */
export async function addUser(
  db: pg.Pool | pg.PoolClient,
  name: string,
  role: Role,
  label = '',
): Promise<{ user: TeamUser; token: string; tokenId: number }> {
  const { rows } = await db.query<{ id: string; name: string; role: Role }>(
    `INSERT INTO users (name, role) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
     RETURNING id, name, role`,
    [name, role],
  );
  const row = rows[0]!;
  const token = `tdt_${randomBytes(32).toString('base64url')}`;
  const t = await db.query<{ id: string }>(
    'INSERT INTO tokens (user_id, token_sha256, label) VALUES ($1, $2, $3) RETURNING id',
    [row.id, tokenDigest(token), label],
  );
  return { user: { id: Number(row.id), name: row.name, role: row.role }, token, tokenId: Number(t.rows[0]!.id) };
}

/** The user behind a bearer token, or null for an unknown, revoked or disabled one. */
export async function userForToken(db: pg.Pool, token: string): Promise<TeamUser | null> {
  const { rows } = await db.query<{ id: string; name: string; role: Role }>(
    `SELECT u.id, u.name, u.role FROM tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [tokenDigest(token)],
  );
  const row = rows[0];
  return row ? { id: Number(row.id), name: row.name, role: row.role } : null;
}

export async function revokeToken(db: pg.Pool, tokenId: number): Promise<boolean> {
  const r = await db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [tokenId]);
  return (r.rowCount ?? 0) > 0;
}

export async function listUsers(db: pg.Pool) {
  const { rows } = await db.query<{ id: string; name: string; role: Role; tokens: string }>(
    `SELECT u.id, u.name, u.role,
            (SELECT count(*) FROM tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS tokens
     FROM users u ORDER BY u.id`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, role: r.role, activeTokens: Number(r.tokens) }));
}

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** Viewer < analyst < admin: an admin may do what an analyst may. */
export const hasRole = (user: TeamUser, needed: Role) => RANK[user.role] >= RANK[needed];
