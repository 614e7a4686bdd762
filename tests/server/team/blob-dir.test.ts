/**
 * Evidence bytes in TAKEDOWN_BLOB_DIR: files named by SHA-256, shared by the instances that mount the directory,
 * hashed again on every read so an altered file is refused; the PostgreSQL table stays the default.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppError } from '../../../lib/errors';
import { dirBlobStore } from '../../../lib/server/team/blob-store';
import { teamConfigFromEnv } from '../../../lib/server/team/team-config';
import type { TeamServer } from '../../../lib/server/team/team-server';
import { PG_BIN, PG_MISSING } from '../../helpers/postgres';
import { REDIS_BIN, REDIS_MISSING } from '../../helpers/redis';
import { sentNoticeWithLog, sha } from '../../helpers/team-notice';
import { startTeamRig, type TeamRig } from '../../helpers/team-stack';

const ready = !!PG_BIN && !!REDIS_BIN;
if (!ready) console.warn(PG_BIN ? REDIS_MISSING : PG_MISSING);

const dir = mkdtempSync(path.join(tmpdir(), 'blob-dir-'));
const blobDir = path.join(dir, 'blobs');
let rig: TeamRig;
let a: TeamServer;
let b: TeamServer;
let table: TeamServer;
let admin: string;
let alice: string;
let viewer: string;
let db: pg.Pool;

beforeAll(async () => {
  if (!ready) return;
  rig = await startTeamRig();
  // A and B share the directory as two containers share a volume; the third instance keeps the default table.
  a = await rig.instance({ env: { TAKEDOWN_BLOB_DIR: blobDir } });
  b = await rig.instance({ env: { TAKEDOWN_BLOB_DIR: blobDir } });
  table = await rig.instance();
  admin = (await rig.addUser('Ada Admin', 'admin')).token;
  alice = (await rig.addUser('Alice Analyst', 'analyst')).token;
  viewer = (await rig.addUser('Vera Viewer', 'viewer')).token;
  db = new pg.Pool({ connectionString: rig.pg.url });
}, 120_000);
afterAll(async () => {
  await db?.end();
  await rig?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const json = (token: string, body: unknown) =>
  rig.auth(token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const item = (id: string, bytes: Buffer) => ({
  id,
  sha256: sha(bytes),
  size: bytes.length,
  filename: `${id}.png`,
  mime: 'image/png',
  base64: bytes.toString('base64'),
});

async function push(on: TeamServer, noticeId: string, evidence: ReturnType<typeof item>[]) {
  const { notice, events } = await sentNoticeWithLog(noticeId);
  return on.app.request('/v1/team/notices', json(alice, { notice, events, evidence }));
}

const tableRows = async (digest: string) =>
  Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM blobs WHERE sha256 = $1', [digest])).rows[0]!.n);

describe.skipIf(!ready)('evidence blobs in TAKEDOWN_BLOB_DIR', () => {
  const shot = randomBytes(300_000);

  test('a push writes the file named by its SHA-256, whole, and no row in the blobs table', async () => {
    const res = await push(a, 'blob-1', [item('shot', shot)]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, evidenceAdded: 1 });
    expect(readFileSync(path.join(blobDir, sha(shot))).equals(shot)).toBe(true);
    // Only final names remain: the temporary file was renamed, not left behind.
    expect(readdirSync(blobDir)).toEqual([sha(shot)]);
    expect(await tableRows(sha(shot))).toBe(0);
  });

  test('another instance serves the same bytes to any team member', async () => {
    const res = await b.app.request(`/v1/team/evidence/${sha(shot)}`, rig.auth(viewer));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await res.arrayBuffer()).equals(shot)).toBe(true);
    const missing = await b.app.request(`/v1/team/evidence/${sha('never pushed')}`, rig.auth(viewer));
    expect(missing.status).toBe(404);
  });

  test('a file altered on disk is refused, not served, and the refusal is audited; a new push repairs it', async () => {
    const file = path.join(blobDir, sha(shot));
    const altered = Buffer.from(shot);
    altered[1000] = altered[1000]! ^ 0xff;
    writeFileSync(file, altered);

    const res = await b.app.request(`/v1/team/evidence/${sha(shot)}`, rig.auth(viewer));
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const body = (await res.json()) as { error: { kind: string; message: string } };
    expect(body.error.kind).toBe('storage');
    expect(body.error.message).toContain(sha(shot));
    expect(body.error.message).toMatch(/altered or damaged/);

    const log = (await (await a.app.request('/v1/team/audit', rig.auth(admin))).json()) as {
      entries: Array<{ user: string; action: string; target: string; outcome: string }>;
    };
    expect(log.entries).toContainEqual(
      expect.objectContaining({ user: 'Vera Viewer', action: 'evidence.read', target: sha(shot), outcome: 'refused' }),
    );

    // The extension still holds the original: pushing it again puts the right bytes back under the name.
    expect((await push(a, 'blob-1', [item('shot', shot)])).status).toBe(200);
    expect(readFileSync(file).equals(shot)).toBe(true);
    const again = await b.app.request(`/v1/team/evidence/${sha(shot)}`, rig.auth(viewer));
    expect(Buffer.from(await again.arrayBuffer()).equals(shot)).toBe(true);
  });

  test('a push refused after its file was written leaves only that file, which an identical push reuses', async () => {
    const first = randomBytes(1000);
    const other = randomBytes(1000);
    expect((await push(a, 'blob-2', [item('page', first)])).status).toBe(200);
    // Same evidence id, other bytes: refused (evidence is never replaced), after the new file was written.
    const refused = await push(a, 'blob-2', [item('page', other)]);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { kind: string } }).error.kind).toBe('read_only');
    const rows = await db.query<{ sha256: string }>("SELECT sha256 FROM evidence WHERE notice_id = 'blob-2'");
    expect(rows.rows.map((r) => r.sha256)).toEqual([sha(first)]);
    expect(readFileSync(path.join(blobDir, sha(other))).equals(other)).toBe(true);

    // The orphan is the same content-addressed blob a later push of those bytes stores: reused, not duplicated.
    expect((await push(b, 'blob-3', [item('page', other)])).status).toBe(200);
    expect(readdirSync(blobDir).filter((f) => f === sha(other))).toHaveLength(1);
    const res = await a.app.request(`/v1/team/evidence/${sha(other)}`, rig.auth(viewer));
    expect(Buffer.from(await res.arrayBuffer()).equals(other)).toBe(true);
  });

  test('concurrent writes of one blob leave one whole file and no temporary files', async () => {
    const store = await dirBlobStore(path.join(dir, 'concurrent'));
    const bytes = randomBytes(2_000_000);
    const client = await db.connect();
    try {
      await Promise.all(Array.from({ length: 6 }, () => store.put(client, sha(bytes), bytes)));
    } finally {
      client.release();
    }
    expect(readdirSync(path.join(dir, 'concurrent'))).toEqual([sha(bytes)]);
    expect((await store.get(sha(bytes)))!.equals(bytes)).toBe(true);
  });

  test('without TAKEDOWN_BLOB_DIR the bytes go to PostgreSQL, and the directory instances still read them', async () => {
    const scan = randomBytes(5000);
    expect((await push(table, 'blob-pg', [item('scan', scan)])).status).toBe(200);
    expect(await tableRows(sha(scan))).toBe(1);
    expect(readdirSync(blobDir)).not.toContain(sha(scan));
    for (const inst of [table, a]) {
      const res = await inst.app.request(`/v1/team/evidence/${sha(scan)}`, rig.auth(viewer));
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(scan)).toBe(true);
    }
    // Altered in the table: refused the same way.
    await db.query('UPDATE blobs SET data = $2 WHERE sha256 = $1', [sha(scan), Buffer.from('not the scan')]);
    const res = await table.app.request(`/v1/team/evidence/${sha(scan)}`, rig.auth(viewer));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { kind: string } }).error.kind).toBe('storage');
    expect((await push(table, 'blob-pg', [item('scan', scan)])).status).toBe(200);
    const repaired = await table.app.request(`/v1/team/evidence/${sha(scan)}`, rig.auth(viewer));
    expect(Buffer.from(await repaired.arrayBuffer()).equals(scan)).toBe(true);
  });

  test('/healthz names the blob store and its state', async () => {
    const h = (await (await a.app.request('/healthz')).json()) as { team: { blobs: unknown } };
    expect(h.team.blobs).toEqual({ store: `directory ${blobDir}`, state: 'ok' });
    const t = (await (await table.app.request('/healthz')).json()) as { team: { blobs: unknown } };
    expect(t.team.blobs).toEqual({ store: 'postgres', state: 'ok' });
  });

  test('npm run server with a TAKEDOWN_BLOB_DIR it cannot use stops with exit code 2 and one sentence', async () => {
    const notDir = path.join(dir, 'taken-by-a-file');
    writeFileSync(notDir, 'x');
    const proc = spawn(process.execPath, ['--import', 'tsx', 'lib/server/main.ts'], {
      env: { ...process.env, ...rig.env, TAKEDOWN_PORT: '0', TAKEDOWN_BLOB_DIR: notDir, VITEST: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
      proc.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(out).not.toContain('listening on');
    expect(code).toBe(2);
    expect(out.trim()).toMatch(/^Team server could not start: TAKEDOWN_BLOB_DIR .*taken-by-a-file cannot be used/);
    expect(out).not.toMatch(/\n\s+at /);
  }, 40_000);
});

describe('TAKEDOWN_BLOB_DIR configuration', () => {
  const base = { TAKEDOWN_DATABASE_URL: 'postgres://u@127.0.0.1:5432/d', TAKEDOWN_REDIS_URL: 'redis://127.0.0.1:6379' };

  test('absent: the table store; absolute: the directory; relative: refused naming the variable', () => {
    expect(teamConfigFromEnv(base)!.blobDir).toBeUndefined();
    expect(teamConfigFromEnv({ ...base, TAKEDOWN_BLOB_DIR: '/srv/takedown/blobs' })!.blobDir).toBe(
      '/srv/takedown/blobs',
    );
    expect(() => teamConfigFromEnv({ ...base, TAKEDOWN_BLOB_DIR: 'data/blobs' })).toThrow(
      /TAKEDOWN_BLOB_DIR must be an absolute path/,
    );
  });

  test('a path that cannot be a directory stops the start with a sentence naming it', async () => {
    const notDir = path.join(dir, 'a-file');
    writeFileSync(notDir, 'x');
    const err = await dirBlobStore(notDir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/TAKEDOWN_BLOB_DIR .*a-file cannot be used as a directory/);
  });
});
