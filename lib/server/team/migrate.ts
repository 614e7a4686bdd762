/**
 * Applies the versioned SQL migrations in lib/server/team/migrations with node-pg-migrate: each file in its own
 * transaction, recorded in `schema_migrations`, under an advisory lock so two instances starting together apply
 * each migration once. Running it again applies nothing.
 */
import { runner } from 'node-pg-migrate';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
export const MIGRATIONS_TABLE = 'schema_migrations';

/** Returns the names of the migrations applied by this call (empty when the schema was current). */
export async function migrate(databaseUrl: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction: 'up',
    checkOrder: true,
    log,
    logger: { debug: () => {}, info: log, warn: log, error: log },
    verbose: false,
  });
  return applied.map((m) => m.name);
}
