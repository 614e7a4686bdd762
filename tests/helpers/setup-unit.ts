import 'fake-indexeddb/auto';
import { afterAll, afterEach } from 'vitest';
import { DB_NAME } from '../../lib/db/schema';
import { deleteFreshDbs } from './fresh-db';

afterEach(deleteFreshDbs);

// A test file may share the app's own database (services()), clearing it between tests; any other database it opens
// must be gone by the end of the file, or each run would pile up data that later tests could read by accident.
afterAll(async () => {
  const left = (await indexedDB.databases()).map((d) => d.name).filter((name) => name !== DB_NAME);
  if (left.length > 0)
    throw new Error(`Test databases left behind (use tests/helpers/fresh-db.ts): ${left.slice(0, 5).join(', ')}`);
});
