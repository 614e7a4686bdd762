import { createBulkStore } from '../../lib/db/bulk-batches';
import { createNoticesRepo } from '../../lib/db/notices-repo';
import { db } from '../../lib/db/schema';

export const bulkStore = createBulkStore({ db: db(), now: () => new Date() });
export const repo = createNoticesRepo({ db: db(), now: () => new Date() });
