/**
 * Team mode against real services: a private PostgreSQL and Redis on 127.0.0.1, two backend instances sharing
 * them, and the loopback RDAP server counting what reaches the registries.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NoticeSchema, type Notice, type NoticeEvent } from '../../../lib/model/notice';
import { appendEvent } from '../../../lib/tracking/hash-chain';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { migrate } from '../../../lib/server/team/migrate';
import { team as teamCommand } from '../../../lib/server/commands/team';
import type { TeamServer } from '../../../lib/server/team/team-server';
import { PG_BIN, PG_MISSING } from '../../helpers/postgres';
import { REDIS_BIN, REDIS_MISSING } from '../../helpers/redis';
import { BULK_HOSTS, startTeamRig, type TeamRig } from '../../helpers/team-stack';
import { BULK_NETWORKS } from '../../helpers/loopback-fixture-zone';
import { T0, sentNoticeWithLog, sha } from '../../helpers/team-notice';

const ready = !!PG_BIN && !!REDIS_BIN;
if (!ready) console.warn(PG_BIN ? REDIS_MISSING : PG_MISSING);

let rig: TeamRig;
let a: TeamServer;
let b: TeamServer;
let admin: string;
let alice: string;
let bob: string;
let viewer: string;

beforeAll(async () => {
  if (!ready) return;
  rig = await startTeamRig();
  [a, b] = [await rig.instance(), await rig.instance()];
  admin = (await rig.addUser('Ada Admin', 'admin')).token;
  alice = (await rig.addUser('Alice Analyst', 'analyst')).token;
  bob = (await rig.addUser('Bob Analyst', 'analyst')).token;
  viewer = (await rig.addUser('Vera Viewer', 'viewer')).token;
}, 120_000);
afterAll(async () => {
  await rig?.close();
}, 60_000);

const json = (token: string, method: string, body: unknown) =>
  rig.auth(token, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe.skipIf(!ready)('team server on PostgreSQL and Redis', () => {
  test('migrations apply from empty once; running them again changes nothing', async () => {
    const db = new pg.Client(rig.pg.url);
    await db.connect();
    try {
      await db.query('CREATE DATABASE fresh');
      const fresh = rig.pg.url.replace(/\/takedown$/, '/fresh');
      expect(await migrate(fresh)).toEqual(['1700000000001_team-schema']);
      expect(await migrate(fresh)).toEqual([]);
      const f = new pg.Client(fresh);
      await f.connect();
      const tables = await f.query<{ t: string }>(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      await f.end();
      expect(tables.rows.map((r) => r.t)).toEqual([
        'audit_log',
        'blobs',
        'evidence',
        'letterhead',
        'notice_events',
        'notices',
        'schema_migrations',
        'tokens',
        'users',
        'works',
      ]);
    } finally {
      await db.end();
    }
  });

  test('a lookup on instance A, then the same host on instance B: the RDAP server sees no second request', async () => {
    const before = rig.stack.rdap.requests.length;
    const r1 = await a.app.request('/v1/lookup?url=https://ripe-host.to/x', rig.auth(alice));
    expect(r1.status).toBe(200);
    const afterA = rig.stack.rdap.requests.length;
    expect(afterA).toBeGreaterThan(before);
    const r2 = await b.app.request('/v1/lookup?url=https://ripe-host.to/other', rig.auth(bob));
    expect(r2.status).toBe(200);
    expect(rig.stack.rdap.requests.length).toBe(afterA);
    const [j1, j2] = (await Promise.all([r1.json(), r2.json()])) as [{ recipients: unknown }, { recipients: unknown }];
    expect(j2.recipients).toEqual(j1.recipients);
  });

  test('identical lookups arriving on A and B at the same time make the RDAP requests of one lookup', async () => {
    // Fresh instances (empty process memory) and an empty Redis: only the cross-instance single-flight can share.
    await a.redis.flushall();
    const [c, d] = [await rig.instance(), await rig.instance()];
    const t0 = rig.stack.rdap.requests.length;
    await c.app.request('/v1/lookup?url=https://apnic-host.to/x', rig.auth(alice));
    const one = rig.stack.rdap.requests.length - t0;
    expect(one).toBeGreaterThan(0);

    await a.redis.flushall();
    const [e, f] = [await rig.instance(), await rig.instance()];
    const t1 = rig.stack.rdap.requests.length;
    const [x, y] = await Promise.all([
      e.app.request('/v1/lookup?url=https://apnic-host.to/x', rig.auth(alice)),
      f.app.request('/v1/lookup?url=https://apnic-host.to/x', rig.auth(bob)),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(rig.stack.rdap.requests.length - t1).toBe(one);
    void d;
  });

  test('a batch split across A and B costs one RDAP IP query per network, as on one instance', async () => {
    await a.redis.flushall();
    const [p, q] = [await rig.instance(), await rig.instance()];
    rig.stack.rdap.setLatency(30);
    const ipAnswers = () => rig.stack.rdap.requests.filter((r) => r.kind === 'ip' && r.status !== 302).length;
    const before = ipAnswers();
    const urls = BULK_HOSTS.map((h, i) => `https://${h}/file/${i}`);
    const halves = [urls.slice(0, 30), urls.slice(30)];
    const answers = await Promise.all(
      halves.map(async (part, k) => (k ? q : p).app.request('/v1/lookup/batch', json(alice, 'POST', { urls: part }))),
    );
    rig.stack.rdap.setLatency(0);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(ipAnswers() - before).toBeLessThanOrEqual(BULK_NETWORKS.length);
  });

  test('the per-client rate limit holds across both instances', async () => {
    const env = { TAKEDOWN_RATE_LIMIT: '4' };
    const [p, q] = [await rig.instance({ env }), await rig.instance({ env })];
    await a.redis.del('takedown:bucket:local');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 ? q.app : p.app;
      statuses.push((await app.request('/v1/team/me', rig.auth(alice))).status);
    }
    // 4 a minute for this client, whichever instance it reaches: the 5th and 6th are refused.
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    await a.redis.del('takedown:bucket:local');
  });

  test('tokens: unknown and revoked are 401; a viewer cannot push; only an admin manages users', async () => {
    expect((await a.app.request('/v1/team/me')).status).toBe(401);
    expect((await a.app.request('/v1/team/me', rig.auth('tdt_not-a-token-of-this-team'))).status).toBe(401);
    expect((await a.app.request('/v1/lookup?url=https://ripe-host.to/x', rig.auth('nope'))).status).toBe(401);
    const me = await b.app.request('/v1/team/me', rig.auth(viewer));
    expect(await me.json()).toMatchObject({ name: 'Vera Viewer', role: 'viewer' });

    const { notice, events } = await sentNoticeWithLog('viewer-try');
    const push = await a.app.request('/v1/team/notices', json(viewer, 'POST', { notice, events }));
    expect(push.status).toBe(403);
    expect(((await push.json()) as { error: { kind: string } }).error.kind).toBe('forbidden');
    expect((await a.app.request('/v1/team/users', json(alice, 'POST', { name: 'Eve', role: 'admin' }))).status).toBe(
      403,
    );

    const made = await a.app.request('/v1/team/users', json(admin, 'POST', { name: 'Temp', role: 'analyst' }));
    expect(made.status).toBe(201);
    const { token, tokenId } = (await made.json()) as { token: string; tokenId: number };
    expect((await b.app.request('/v1/team/me', rig.auth(token))).status).toBe(200);
    expect((await a.app.request(`/v1/team/tokens/${tokenId}`, rig.auth(admin, { method: 'DELETE' }))).status).toBe(200);
    expect((await b.app.request('/v1/team/me', rig.auth(token))).status).toBe(401);

    const db = new pg.Client(rig.pg.url);
    await db.connect();
    const stored = await db.query<{ n: string }>('SELECT count(*) AS n FROM tokens WHERE token_sha256 = $1', [
      Buffer.from(token),
    ]);
    const refusals = await db.query<{ action: string }>(
      "SELECT a.action FROM audit_log a JOIN users u ON u.id = a.user_id WHERE outcome = 'refused' AND u.name = 'Vera Viewer'",
    );
    await db.end();
    // Tokens are stored hashed: the token itself is nowhere in the table.
    expect(stored.rows[0]!.n).toBe('0');
    expect(refusals.rows.map((r) => r.action)).toContain('notices.push');
  });

  test('sync: a notice pushed through A is pulled through B with the sender name; pushes are idempotent', async () => {
    const { notice, events } = await sentNoticeWithLog('sync-1');
    const evidence = [
      {
        id: 'shot',
        sha256: sha('png bytes'),
        size: 9,
        filename: 'shot.png',
        base64: Buffer.from('png bytes').toString('base64'),
      },
    ];
    const first = await a.app.request('/v1/team/notices', json(alice, 'POST', { notice, events, evidence }));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, changed: true, eventsAdded: 2, evidenceAdded: 1 });
    const again = await b.app.request('/v1/team/notices', json(alice, 'POST', { notice, events, evidence }));
    expect(await again.json()).toMatchObject({ ok: true, changed: false, eventsAdded: 0, evidenceAdded: 0 });

    const pulled = (await (await b.app.request('/v1/team/notices?since=0', rig.auth(viewer))).json()) as {
      notices: Array<{ notice: Notice; createdBy: string; events: NoticeEvent[] }>;
      cursor: number;
    };
    const mine = pulled.notices.find((n) => n.notice.id === 'sync-1')!;
    expect(mine.createdBy).toBe('Alice Analyst');
    expect(mine.notice.sent?.text).toBe('Notice sync-1');
    expect(mine.events.map((e) => e.hash)).toEqual(events.map((e) => e.hash));
    const blob = await b.app.request(`/v1/team/evidence/${sha('png bytes')}`, rig.auth(viewer));
    expect(await blob.text()).toBe('png bytes');

    // Nothing changed since the cursor: the next pull is empty. An appended event moves the notice past it.
    const empty = (await (await a.app.request(`/v1/team/notices?since=${pulled.cursor}`, rig.auth(bob))).json()) as {
      notices: unknown[];
    };
    expect(empty.notices).toEqual([]);
    const e2 = await appendEvent(
      events[1]!,
      { id: 'sync-1-e2', noticeId: 'sync-1', at: T0, kind: 'acknowledged', actor: 'user' },
      sha256Hex,
    );
    const acked = { ...notice, status: 'acknowledged' as const };
    const add = await b.app.request('/v1/team/notices', json(bob, 'POST', { notice: acked, events: [...events, e2] }));
    expect(await add.json()).toMatchObject({ ok: true, eventsAdded: 1 });
    const next = (await (await a.app.request(`/v1/team/notices?since=${pulled.cursor}`, rig.auth(bob))).json()) as {
      notices: Array<{ notice: Notice; updatedBy: string; events: NoticeEvent[] }>;
    };
    expect(next.notices.map((n) => [n.notice.id, n.notice.status, n.updatedBy, n.events.length])).toEqual([
      ['sync-1', 'acknowledged', 'Bob Analyst', 3],
    ]);
  });

  test('a push that rewrites a sent notice or breaks the chain is refused and logged', async () => {
    const { notice, events } = await sentNoticeWithLog('frozen-1');
    expect((await a.app.request('/v1/team/notices', json(alice, 'POST', { notice, events }))).status).toBe(200);

    const text = 'A quietly different text';
    const rewritten = { ...notice, sent: { ...notice.sent!, text, textSha256: sha(text) } };
    const rewrittenEvents = (await sentNoticeWithLog('frozen-1', text)).events;
    const r1 = await b.app.request(
      '/v1/team/notices',
      json(bob, 'POST', { notice: rewritten, events: rewrittenEvents }),
    );
    expect(r1.status).toBe(409);
    expect(((await r1.json()) as { error: { kind: string } }).error.kind).toBe('read_only');

    const edited = [events[0]!, { ...events[1]!, at: '2026-03-03T09:00:00.000Z' }];
    const r2 = await b.app.request('/v1/team/notices', json(bob, 'POST', { notice, events: edited }));
    expect(r2.status).toBe(409);

    const db = new pg.Client(rig.pg.url);
    await db.connect();
    const log = await db.query<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'notices.push' AND target = 'frozen-1' ORDER BY id",
    );
    const stored = await db.query<{ text: string }>(
      "SELECT data->'sent'->>'text' AS text FROM notices WHERE id = 'frozen-1'",
    );
    await db.end();
    expect(log.rows.map((r) => r.outcome)).toEqual(['ok', 'refused', 'refused']);
    expect(stored.rows[0]!.text).toBe('Notice frozen-1');
  });

  test('drafts are resolved by version: a push on a stale version is refused with the current draft', async () => {
    const draft = NoticeSchema.parse({
      id: 'draft-1',
      createdAt: T0,
      updatedAt: T0,
      status: 'draft',
      host: 'pirate.example',
      urls: ['https://pirate.example/a'],
    });
    const e0 = await appendEvent(
      null,
      { id: 'd-e0', noticeId: 'draft-1', at: T0, kind: 'created', actor: 'user' },
      sha256Hex,
    );
    const v1 = (await (
      await a.app.request('/v1/team/notices', json(alice, 'POST', { notice: draft, events: [e0] }))
    ).json()) as {
      version: number;
    };
    const bobs = { ...draft, explanation: 'Bob wrote this' };
    expect(
      (
        await b.app.request(
          '/v1/team/notices',
          json(bob, 'POST', { notice: bobs, events: [e0], baseVersion: v1.version }),
        )
      ).status,
    ).toBe(200);
    const alices = { ...draft, explanation: 'Alice wrote this on the old version' };
    const stale = await a.app.request(
      '/v1/team/notices',
      json(alice, 'POST', { notice: alices, events: [e0], baseVersion: v1.version }),
    );
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { kind: string }; current: { version: number; notice: Notice } };
    expect(body.error.kind).toBe('conflict');
    expect(body.current.notice.explanation).toBe('Bob wrote this');
  });

  test('PostgreSQL restarted mid-sync: retried pushes lose nothing and duplicate nothing', async () => {
    const batch = await Promise.all(Array.from({ length: 6 }, (_, i) => sentNoticeWithLog(`restart-${i}`)));
    const pushAll = async () => {
      const out: number[] = [];
      for (const [i, n] of batch.entries()) {
        const app = i % 2 ? b.app : a.app;
        const res = await Promise.resolve(app.request('/v1/team/notices', json(alice, 'POST', n))).catch(() => null);
        out.push(res?.status ?? 0);
      }
      return out;
    };
    const first = pushAll();
    await rig.pg.restart();
    const statuses = await first;
    // Some pushes may have failed while the database was down; the extension retries them until they are stored.
    for (let round = 0; round < 10 && (await pushAll()).some((s) => s !== 200); round++)
      await new Promise((r) => setTimeout(r, 300));
    expect(statuses.length).toBe(6);
    const db = new pg.Client(rig.pg.url);
    await db.connect();
    const notices = await db.query<{ n: string }>("SELECT count(*) AS n FROM notices WHERE id LIKE 'restart-%'");
    const ev = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM notice_events WHERE notice_id LIKE 'restart-%'",
    );
    await db.end();
    expect(notices.rows[0]!.n).toBe('6');
    expect(ev.rows[0]!.n).toBe('12');
  });

  test('registry request budgets hold team-wide: two instances together stay within one budget', async () => {
    await a.redis.flushall();
    // 127.0.0.1 is every loopback registry's host: 3 requests a minute for the whole team, not per instance.
    const requestBudgets = { '127.0.0.1': { perMinute: 3, burst: 3 } };
    const [p, q] = [await rig.instance({ requestBudgets }), await rig.instance({ requestBudgets })];
    const t0 = rig.stack.rdap.requests.length;
    const hosts = ['azure-host.to', 'lacnic-host.to', 'afrinic-host.to', 'registrobr-host.to'];
    const results = await Promise.all(
      hosts.map((h, i) =>
        Promise.resolve((i % 2 ? q : p).app.request(`/v1/lookup?url=https://${h}/x`, rig.auth(alice))),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(rig.stack.rdap.requests.length - t0).toBeLessThanOrEqual(3);
    const bodies = (await Promise.all(results.map((r) => r.json()))) as Array<{ errors: Array<{ kind: string }> }>;
    expect(bodies.some((body) => body.errors.some((e) => e.kind === 'rate_limited'))).toBe(true);
    await a.redis.flushall();
  });

  test('cli team add-user prints a working token once; the database keeps only its hash', async () => {
    let out = '';
    let err = '';
    const io = {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env: { TAKEDOWN_DATABASE_URL: rig.pg.url, TAKEDOWN_REDIS_URL: rig.redis.url },
    };
    expect(await teamCommand.run(['add-user', 'Carla CLI', '--role', 'analyst'], io)).toBe(0);
    const made = JSON.parse(out) as { token: string; user: { name: string; role: string } };
    expect(made.user).toMatchObject({ name: 'Carla CLI', role: 'analyst' });
    const me = await b.app.request('/v1/team/me', rig.auth(made.token));
    expect(await me.json()).toMatchObject({ name: 'Carla CLI', role: 'analyst' });
    expect(await teamCommand.run(['add-user', 'Nobody', '--role', 'owner'], io)).toBe(2);
    expect(await teamCommand.run(['add-user', 'Nobody', '--role', 'viewer'], { ...io, env: {} })).toBe(2);
    expect(err).toContain('TAKEDOWN_DATABASE_URL');
  });

  test('a cancelled bulk job stops before its next chunk', async () => {
    const added = await a.app.request(
      '/v1/team/jobs',
      json(alice, 'POST', { urls: ['https://ripe-host.to/1', 'https://ripe-host.to/2'] }),
    );
    expect(added.status).toBe(202);
    const { id } = (await added.json()) as { id: string };
    expect((await a.app.request(`/v1/team/jobs/${id}`, rig.auth(viewer, { method: 'DELETE' }))).status).toBe(403);
    expect((await a.app.request(`/v1/team/jobs/${id}`, rig.auth(bob, { method: 'DELETE' }))).status).toBe(200);
    const worker = await rig.instance({ worker: true });
    let status: { state: string; done: number; cancelled: boolean } | undefined;
    for (let i = 0; i < 100 && status?.state !== 'completed'; i++) {
      status = (await (await worker.app.request(`/v1/team/jobs/${id}`, rig.auth(alice))).json()) as typeof status;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toMatchObject({ state: 'completed', done: 0, cancelled: true });
  });

  test('/healthz reports the database, Redis and the queue', async () => {
    const h = (await (await b.app.request('/healthz')).json()) as { team: Record<string, unknown> };
    expect(h.team.database).toBe('ok');
    expect(h.team.redis).toBe('ok');
    expect(h.team.queue).toMatchObject({ waiting: expect.any(Number), active: expect.any(Number) });
  });

  test('Redis going away turns lookups into cache misses: still answered', async () => {
    const lone = await rig.instance();
    await rig.redis.stop();
    const t0 = rig.stack.rdap.requests.length;
    const res = await lone.app.request('/v1/lookup?url=https://azure-host.to/y', rig.auth(alice));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { recipients: unknown[] };
    expect(body.recipients.length).toBeGreaterThan(0);
    expect(rig.stack.rdap.requests.length).toBeGreaterThan(t0);
    const h = (await (await lone.app.request('/healthz')).json()) as { team: { redis: string; database: string } };
    expect(h.team.database).toBe('ok');
    expect(h.team.redis).toMatch(/^down/);
  });
});
