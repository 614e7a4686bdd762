/**
 * Team mode from the environment. Both URLs or neither: with neither, the backend stays the single-user default
 * (SQLite cache, no accounts); one without the other is a configuration error, said at start.
 *
 * TAKEDOWN_DATABASE_URL  postgres://user:pass@host:5432/db (the team's system of record)
 * TAKEDOWN_REDIS_URL     redis://[:pass@]host:6379[/db] (shared cache, limits, single-flight, job queue)
 * TAKEDOWN_JOB_LOCK_MS   how long a bulk job stays with an instance that stopped answering (default 30000)
 * TAKEDOWN_BLOB_DIR      a directory for pushed evidence files, named by SHA-256 (default: the PostgreSQL table
 *                        blobs); every instance must see the same directory (a shared volume)
 */
import { z } from 'zod';
import { AppError } from '../../errors';

export interface TeamConfig {
  databaseUrl: string;
  redisUrl: string;
  jobLockMs: number;
  /** Evidence files here instead of the blobs table (blob-store.ts). */
  blobDir?: string;
}

export const TeamEnvSchema = z
  .object({
    TAKEDOWN_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    TAKEDOWN_REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    TAKEDOWN_JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    // Absolute: instances started from different working directories must not each get their own folder.
    TAKEDOWN_BLOB_DIR: z
      .string()
      .refine((d) => d.startsWith('/'), 'must be an absolute path (every instance must use the same directory)')
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (!!e.TAKEDOWN_DATABASE_URL !== !!e.TAKEDOWN_REDIS_URL)
      ctx.addIssue({
        code: 'custom',
        path: [e.TAKEDOWN_DATABASE_URL ? 'TAKEDOWN_REDIS_URL' : 'TAKEDOWN_DATABASE_URL'],
        message: 'is required too: team mode needs both TAKEDOWN_DATABASE_URL and TAKEDOWN_REDIS_URL',
      });
  });

/** The team settings, or undefined for the single-user default; throws AppError('invalid_input') naming the variable. */
export function teamConfigFromEnv(env: Record<string, string | undefined>): TeamConfig | undefined {
  const clean = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('TAKEDOWN_') && v));
  const parsed = TeamEnvSchema.safeParse(clean);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`).join('; ');
    throw new AppError('invalid_input', `Invalid configuration: ${msg}`);
  }
  const e = parsed.data;
  if (!e.TAKEDOWN_DATABASE_URL || !e.TAKEDOWN_REDIS_URL) return undefined;
  return {
    databaseUrl: e.TAKEDOWN_DATABASE_URL,
    redisUrl: e.TAKEDOWN_REDIS_URL,
    jobLockMs: e.TAKEDOWN_JOB_LOCK_MS,
    ...(e.TAKEDOWN_BLOB_DIR ? { blobDir: e.TAKEDOWN_BLOB_DIR } : {}),
  };
}
