import { AppError } from '../../errors';
import { loadConfig } from '../config';
import { lookupTarget } from '../../lookup';
import { buildLookupDeps } from '../deps';
import { createLookupService, type LookupService } from '../lookup-service';
import type { CliIo } from './types';

/**
 * Runs a CLI command's work with a lookup service built from the TAKEDOWN_* environment, closing the
 * cache afterwards. A bad environment is the user's input: one line on stderr and exit 2.
 */
export async function withLookupService(io: CliIo, work: (service: LookupService) => Promise<number>): Promise<number> {
  let built: ReturnType<typeof buildLookupDeps>;
  try {
    built = buildLookupDeps(loadConfig(io.env));
  } catch (err) {
    io.stderr.write(`${err instanceof AppError ? err.message : `cannot start: ${String(err)}`}\n`);
    return 2;
  }
  try {
    return await work(createLookupService({ lookup: lookupTarget, deps: built.deps, concurrency: 8 }));
  } finally {
    built.cache.close();
  }
}
