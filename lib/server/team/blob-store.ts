/**
 * Where pushed evidence bytes live: the PostgreSQL `blobs` table (the default) or a directory of files named by
 * their SHA-256 (TAKEDOWN_BLOB_DIR), which keeps large screenshots and PDFs out of the database and its backups.
 * Both are content-addressed, so storing the same bytes twice is a no-op and a name can never hold other bytes.
 * Every read is hashed again before it is served: bytes altered on disk (or in the table) are refused, never sent
 * as evidence.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { AppError } from '../../errors';

export interface BlobStore {
  /** "postgres" or "directory <path>", for /healthz. */
  readonly describe: string;
  /**
   * Stores bytes whose SHA-256 the caller has checked. `tx` is the push transaction: the table store writes in
   * it (rolled back with the push); the directory store writes the file at once, before the row commits.
   */
  put(tx: pg.PoolClient, sha256: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when none were pushed; throws AppError('storage') when they no longer match the hash. */
  get(sha256: string): Promise<Buffer | null>;
  /** Resolves when the store can be read and written. */
  check(): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function named(sha256: string): string {
  // The route checks this too; here it also keeps a file name from ever being a path.
  if (!SHA256.test(sha256)) throw new AppError('invalid_input', 'A blob is named by 64 lower-case hex digits.');
  return sha256;
}

function verified(sha256: string, bytes: Buffer, where: string): Buffer {
  if (digest(bytes) === sha256) return bytes;
  throw new AppError(
    'storage',
    `The stored evidence ${sha256} (${where}) no longer matches its SHA-256: it was altered or damaged, so it is not served. Restore it from a backup, or push the notice again from the extension that holds the original.`,
    { sha256 },
  );
}

export function pgBlobStore(db: pg.Pool): BlobStore {
  return {
    describe: 'postgres',
    async put(tx, sha256, bytes) {
      // Same bytes: nothing to do. Other bytes under this hash can only be damage, which the good bytes repair.
      await tx.query(
        `INSERT INTO blobs (sha256, data) VALUES ($1, $2)
         ON CONFLICT (sha256) DO UPDATE SET data = EXCLUDED.data WHERE blobs.data IS DISTINCT FROM EXCLUDED.data`,
        [named(sha256), bytes],
      );
    },
    async get(sha256) {
      const { rows } = await db.query<{ data: Buffer }>('SELECT data FROM blobs WHERE sha256 = $1', [named(sha256)]);
      return rows[0] ? verified(sha256, rows[0].data, 'PostgreSQL table blobs') : null;
    },
    async check() {
      await db.query('SELECT 1 FROM blobs LIMIT 1');
    },
  };
}

/**
 * Files `<dir>/<sha256>`, written to a temporary name in the same directory, fsynced and renamed, so a crash
 * leaves either no file or the whole file under the final name (rename is atomic within one file system). A
 * leftover `.tmp-*` file is harmless and may be deleted. `earlier` (the table store) is read for blobs pushed
 * before TAKEDOWN_BLOB_DIR was set, so turning the directory on loses nothing.
 */
export async function dirBlobStore(dir: string, earlier?: BlobStore): Promise<BlobStore> {
  const root = path.resolve(dir);
  const check = () => access(root, constants.R_OK | constants.W_OK);
  // A directory the server cannot make or write is a configuration error, said at start, not at the first push.
  await mkdir(root, { recursive: true })
    .then(check)
    .catch((err: Error) => {
      throw new AppError('invalid_input', `TAKEDOWN_BLOB_DIR ${root} cannot be used as a directory: ${err.message}`);
    });
  const file = (sha256: string) => path.join(root, named(sha256));
  const readIfAny = (f: string) =>
    readFile(f).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });

  return {
    describe: `directory ${root}`,
    async put(_tx, sha256, bytes) {
      const final = file(sha256);
      // Content-addressed: a file already holding these bytes is the same blob (an earlier push, or an orphan of a
      // rolled-back one) and is reused; a damaged one is replaced by the good bytes just pushed.
      const existing = await readIfAny(final);
      if (existing && digest(existing) === sha256) return;
      const tmp = path.join(root, `.tmp-${sha256}-${randomUUID()}`);
      const fh = await open(tmp, 'wx', 0o640);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } catch (err) {
        await fh.close().catch(() => undefined);
        await rm(tmp, { force: true });
        throw err;
      }
      await fh.close();
      await rename(tmp, final);
      // The rename itself is durable only once the directory is synced (cheap: one inode). Best effort: some
      // platforms (Windows) cannot open a directory, and the file's own bytes are already synced.
      await open(root, 'r')
        .then((dh) => dh.sync().finally(() => dh.close()))
        .catch(() => undefined);
    },
    async get(sha256) {
      const bytes = await readIfAny(file(sha256));
      if (bytes) return verified(sha256, bytes, `file in ${root}`);
      return earlier ? earlier.get(sha256) : null;
    },
    check,
  };
}
