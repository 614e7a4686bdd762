/**
 * /v1/team/*: who am I, users and tokens (admin), the audit log (admin), notice sync (push: analyst; pull: all),
 * works and letterhead (write: analyst), evidence bytes, and bulk jobs. Every write and every refusal of a
 * write is in the audit log with the user who asked. Bodies are checked with Zod before anything is touched.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type pg from 'pg';
import { z } from 'zod';
import { AppError, type ErrorKind } from '../../errors';
import { apiError } from '../api-error';
import { readJsonBody } from '../json-body';
import { audit, readAudit } from './audit';
import type { BulkQueue } from './bulk-queue';
import { getLetterhead, listWorks, putLetterhead, putWork, type VersionedWrite } from './catalog-store';
import type { BlobStore } from './blob-store';
import { pullNotices, pushNotice } from './notices-store';
import { roleGuard } from './role-guard';
import { AddUserSchema, PullQuerySchema, PushSchema, VersionedSchema } from '../../team/schema';
import { addUser, listUsers, revokeToken, type TeamUser } from './users';

export type TeamEnv = { Variables: { teamUser: TeamUser } };

const PUSH_LIMIT = 64 * 1024 * 1024;

const tooLarge = (c: Context) => apiError(c, 413, 'payload_too_large', 'Request body is too large.');

/** The body, or the 400 to send: read by lib/server/json-body.ts, the one place bad JSON and schema failures answer. */
async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
  const read = await readJsonBody(c, schema);
  return read.ok ? read.value : read.response;
}

export interface TeamRouteDeps {
  db: pg.Pool;
  jobs: BulkQueue;
  /** Evidence bytes: the blobs table or TAKEDOWN_BLOB_DIR (blob-store.ts). */
  blobs: BlobStore;
}

export function teamRoutes(deps: TeamRouteDeps) {
  const app = new Hono<TeamEnv>();
  const { db } = deps;

  const role = roleGuard(db);

  const refused = async (
    c: Context<TeamEnv>,
    action: string,
    target: string,
    status: 400 | 409,
    kind: ErrorKind,
    msg: string,
  ) => {
    await audit(db, {
      userId: c.get('teamUser').id,
      action,
      target,
      outcome: 'refused',
      detail: { kind, message: msg },
    });
    return apiError(c, status, kind, msg);
  };

  app.get('/me', (c) => c.json(c.get('teamUser')));

  app.get('/users', role('admin', 'users.list'), async (c) => c.json({ users: await listUsers(db) }));
  app.post('/users', role('admin', 'users.add'), async (c) => {
    const b = await body(c, AddUserSchema);
    if (b instanceof Response) return b;
    const made = await addUser(db, b.name, b.role, b.label);
    await audit(db, {
      userId: c.get('teamUser').id,
      action: 'users.add',
      target: b.name,
      outcome: 'ok',
      detail: { role: made.user.role, tokenId: made.tokenId },
    });
    // The token is shown once, here; the server keeps only its hash.
    return c.json(made, 201);
  });
  app.delete('/tokens/:id', role('admin', 'tokens.revoke'), async (c) => {
    const id = z.coerce.number().int().positive().safeParse(c.req.param('id'));
    if (!id.success) return apiError(c, 400, 'invalid_input', 'Token id must be a positive number.');
    const done = await revokeToken(db, id.data);
    await audit(db, {
      userId: c.get('teamUser').id,
      action: 'tokens.revoke',
      target: String(id.data),
      outcome: done ? 'ok' : 'refused',
    });
    return done ? c.json({ revoked: id.data }) : apiError(c, 404, 'not_found', 'No active token with that id.');
  });
  app.get('/audit', role('admin', 'audit.read'), async (c) => c.json({ entries: await readAudit(db) }));

  app.post(
    '/notices',
    role('analyst', 'notices.push'),
    bodyLimit({ maxSize: PUSH_LIMIT, onError: tooLarge }),
    async (c) => {
      const b = await body(c, PushSchema);
      if (b instanceof Response) {
        await audit(db, {
          userId: c.get('teamUser').id,
          action: 'notices.push',
          outcome: 'refused',
          detail: { status: b.status },
        });
        return b;
      }
      const client = await db.connect();
      // A connection lost while this request holds it is reported on the client, not the pool: the query in
      // flight fails (the request answers 500 and the extension retries); the broken client is then discarded.
      let lost: Error | undefined;
      const onLost = (err: Error) => (lost = err);
      client.on('error', onLost);
      let result;
      try {
        result = await pushNotice(client, c.get('teamUser').id, b, deps.blobs);
      } finally {
        client.off('error', onLost);
        client.release(lost);
      }
      if (!result.ok) {
        await audit(db, {
          userId: c.get('teamUser').id,
          action: 'notices.push',
          target: b.notice.id,
          outcome: 'refused',
          detail: { kind: result.kind, message: result.message },
        });
        return c.json(
          {
            error: { kind: result.kind, message: result.message },
            ...(result.current ? { current: result.current } : {}),
          },
          result.status,
        );
      }
      if (result.changed)
        await audit(db, {
          userId: c.get('teamUser').id,
          action: 'notices.push',
          target: b.notice.id,
          outcome: 'ok',
          detail: { version: result.version, eventsAdded: result.eventsAdded, evidenceAdded: result.evidenceAdded },
        });
      return c.json(result);
    },
  );
  app.get('/notices', async (c) => {
    const q = PullQuerySchema.safeParse({ since: c.req.query('since'), limit: c.req.query('limit') });
    if (!q.success)
      return apiError(c, 400, 'invalid_input', 'since and limit must be whole numbers (limit at most 500).');
    return c.json(await pullNotices(db, q.data.since, q.data.limit));
  });
  app.get('/evidence/:sha256', async (c) => {
    const sha = c.req.param('sha256');
    if (!/^[0-9a-f]{64}$/.test(sha))
      return apiError(c, 400, 'invalid_input', 'Give the SHA-256 as 64 lower-case hex digits.');
    let bytes: Buffer | null;
    try {
      bytes = await deps.blobs.get(sha);
    } catch (err) {
      if (!(err instanceof AppError) || err.kind !== 'storage') throw err;
      // Altered evidence is never served; the admin reading the audit log learns which file and who asked.
      await audit(db, {
        userId: c.get('teamUser').id,
        action: 'evidence.read',
        target: sha,
        outcome: 'refused',
        detail: { kind: err.kind, message: err.message },
      });
      console.error('[takedown] evidence integrity:', err.message);
      return apiError(c, 500, 'storage', err.message);
    }
    if (!bytes) return apiError(c, 404, 'not_found', 'No evidence file with that hash was pushed to the team server.');
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'application/octet-stream' });
  });

  const versioned = async (
    c: Context<TeamEnv>,
    action: string,
    target: string,
    w: (data: Record<string, unknown>, base: number) => Promise<VersionedWrite>,
  ) => {
    const b = await body(c, VersionedSchema);
    if (b instanceof Response) return b;
    const r = await w(b.data, b.baseVersion);
    if (!r.ok) {
      await refused(c, action, target, 409, 'conflict', 'stale version');
      return c.json(
        {
          error: {
            kind: 'conflict',
            message: `It changed on the team server first (version ${r.current.version}); reload and apply your change again.`,
          },
          current: r.current,
        },
        409,
      );
    }
    await audit(db, { userId: c.get('teamUser').id, action, target, outcome: 'ok', detail: { version: r.version } });
    return c.json(r);
  };
  app.get('/works', async (c) => c.json({ works: await listWorks(db) }));
  app.put('/works/:id', role('analyst', 'works.put'), (c) =>
    versioned(c, 'works.put', c.req.param('id'), (d, base) =>
      putWork(db, c.req.param('id'), d, base, c.get('teamUser').id),
    ),
  );
  app.get('/letterhead', async (c) => c.json(await getLetterhead(db)));
  app.put('/letterhead', role('analyst', 'letterhead.put'), (c) =>
    versioned(c, 'letterhead.put', 'letterhead', (d, base) => putLetterhead(db, d, base, c.get('teamUser').id)),
  );

  const Urls = z.object({ urls: z.array(z.string().min(1).max(2048)).min(1).max(100_000) });
  app.post(
    '/jobs',
    role('analyst', 'jobs.add'),
    bodyLimit({ maxSize: 240 * 1024 * 1024, onError: tooLarge }),
    async (c) => {
      const b = await body(c, Urls);
      if (b instanceof Response) return b;
      const id = await deps.jobs.add(b.urls, c.get('teamUser').name);
      await audit(db, {
        userId: c.get('teamUser').id,
        action: 'jobs.add',
        target: id,
        outcome: 'ok',
        detail: { urls: b.urls.length },
      });
      return c.json({ id }, 202);
    },
  );
  app.get('/jobs/:id', async (c) => {
    const s = await deps.jobs.status(c.req.param('id'));
    return s ? c.json(s) : apiError(c, 404, 'not_found', 'No bulk job with that id.');
  });
  app.get('/jobs/:id/items', async (c) => {
    const offset = Math.max(0, Number(c.req.query('offset') ?? 0) || 0);
    const limit = Math.min(1000, Math.max(1, Number(c.req.query('limit') ?? 1000) || 1000));
    const items = await deps.jobs.items(c.req.param('id'), offset, limit);
    return items ? c.json({ items }) : apiError(c, 404, 'not_found', 'No bulk job with that id.');
  });
  app.delete('/jobs/:id', role('analyst', 'jobs.cancel'), async (c) => {
    const ok = await deps.jobs.cancel(c.req.param('id'));
    await audit(db, {
      userId: c.get('teamUser').id,
      action: 'jobs.cancel',
      target: c.req.param('id'),
      outcome: ok ? 'ok' : 'refused',
    });
    return ok ? c.json({ cancelled: true }) : apiError(c, 404, 'not_found', 'No bulk job with that id.');
  });
  // PostgreSQL away (restart, failover): the request can be retried as is, so say so instead of a bare 500.
  app.onError((err, c) => {
    const code = (err as { code?: string }).code ?? '';
    const down =
      /ECONNREFUSED|ECONNRESET|57P0[123]|08\d\d\d/.test(code) ||
      /Connection terminated|shutting down|timeout exceeded when trying to connect/.test(err.message);
    console.error('[takedown] team request failed:', err.message);
    return down
      ? apiError(c, 503, 'unavailable', 'The team database is not reachable; nothing was stored. Try again shortly.')
      : apiError(c, 500, 'internal', 'Internal error.');
  });
  return app;
}
