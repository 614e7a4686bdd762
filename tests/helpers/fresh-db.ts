import Dexie from 'dexie';
import { openDb, type TakedownDb } from '../../lib/db/schema';

const names = new Set<string>();

/**
 * A database name no other test uses, deleted after the test that asked for it (the afterEach in
 * tests/helpers/setup-unit.ts), whether that test passed or failed. Reopening the same name within the test is fine.
 */
export function freshDbName(prefix: string): string {
  const name = `${prefix}-${crypto.randomUUID()}`;
  names.add(name);
  return name;
}

/** openDb() on a fresh name; see freshDbName. */
export const freshDb = (prefix: string): TakedownDb => openDb(freshDbName(prefix));

/** Deletes every database handed out since the last call; Dexie closes a connection that is still open first. */
export async function deleteFreshDbs(): Promise<void> {
  for (const name of names) await Dexie.delete(name);
  names.clear();
}
