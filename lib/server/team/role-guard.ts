/**
 * The role check in front of a team route: a user below the needed role (viewer < analyst < admin) gets 403
 * `forbidden` saying what to ask for, and the refusal goes in the audit log with the user and the path. Used by
 * /v1/team/* (routes.ts) and by the shared routes that act for the team, such as /v1/send (app.ts).
 */
import type { MiddlewareHandler } from 'hono';
import type pg from 'pg';
import type { Role } from '../../team/schema';
import { apiError } from '../api-error';
import { audit } from './audit';
import type { TeamEnv } from './routes';
import { hasRole } from './users';

export type RoleGuard = (needed: Role, action: string) => MiddlewareHandler<TeamEnv>;

export const roleGuard =
  (db: pg.Pool): RoleGuard =>
  (needed, action) =>
  async (c, next) => {
    const user = c.get('teamUser');
    if (hasRole(user, needed)) return next();
    await audit(db, { userId: user.id, action, target: c.req.path, outcome: 'refused', detail: { role: user.role } });
    return apiError(c, 403, 'forbidden', `This needs the ${needed} role; yours is ${user.role}. Ask a team admin.`);
  };
