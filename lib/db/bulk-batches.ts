/**
 * Bulk reports on the `batches` table. Every change is a read-modify-write in one transaction,
 * so each finished lookup chunk is stored before the next request and a closed tab loses none.
 */
import { BulkStateSchema, newBulkState, type BulkState, type SharedFields } from '../bulk/state';
import type { ParsedBulk } from '../bulk/parse';
import type { HostOutcome } from '../bulk/plan';
import { AppError } from '../errors';
import type { BatchRow, TakedownDb } from './schema';
import { firstIssue } from '../zod-issue';

export interface BulkBatch {
  id: string;
  createdAt: string;
  updatedAt: string;
  label: string;
  state: BulkState;
}

export interface BulkSummary {
  id: string;
  createdAt: string;
  label: string;
  urlCount: number;
  lookup: BulkState['lookup'];
}

function read(row: BatchRow): BulkBatch {
  const parsed = BulkStateSchema.safeParse(row.bulk);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new AppError('storage', `This bulk report is damaged (${issue.path || 'root'}: ${issue.message})`, {
      batchId: row.id,
    });
  }
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt ?? row.createdAt,
    label: row.label ?? '',
    state: parsed.data,
  };
}

export function createBulkStore(deps: { db: TakedownDb; now: () => Date; newId?: () => string }) {
  const { db } = deps;
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());

  async function update(id: string, change: (s: BulkState) => BulkState): Promise<BulkBatch> {
    return db.transaction('rw', db.batches, async () => {
      const row = await db.batches.get(id);
      if (!row || row.kind !== 'bulk')
        throw new AppError('not_found', 'This bulk report no longer exists', { batchId: id });
      const next = BulkStateSchema.parse(change(read(row).state));
      const updated: BatchRow = { ...row, bulk: next, urlCount: next.urls.length, updatedAt: deps.now().toISOString() };
      await db.batches.put(updated);
      return read(updated);
    });
  }

  return {
    async create(
      parsed: ParsedBulk,
      opts: { label?: string; shared?: Partial<SharedFields> } = {},
    ): Promise<BulkBatch> {
      if (parsed.valid.length === 0) throw new AppError('invalid_input', 'There is no valid URL to report');
      const at = deps.now().toISOString();
      const row: BatchRow = {
        id: `bulk:${newId()}`,
        createdAt: at,
        updatedAt: at,
        kind: 'bulk',
        label: opts.label?.slice(0, 500),
        urlCount: parsed.valid.length,
        bulk: newBulkState(parsed, opts.shared),
      };
      await db.batches.add(row);
      return read(row);
    },

    async get(id: string): Promise<BulkBatch | null> {
      const row = await db.batches.get(id);
      return row?.kind === 'bulk' ? read(row) : null;
    },

    /** Bulk reports, newest first, without their URL lists. */
    async list(): Promise<BulkSummary[]> {
      const rows = await db.batches
        .orderBy('createdAt')
        .reverse()
        .filter((r) => r.kind === 'bulk')
        .toArray();
      return rows.map((r) => ({
        id: r.id,
        createdAt: r.createdAt,
        label: r.label ?? '',
        urlCount: r.urlCount ?? 0,
        lookup: BulkStateSchema.shape.lookup.safeParse(r.bulk?.lookup).data ?? 'not_started',
      }));
    },

    saveOutcomes(id: string, outcomes: HostOutcome[]): Promise<BulkBatch> {
      return update(id, (s) => ({
        ...s,
        outcomes: { ...s.outcomes, ...Object.fromEntries(outcomes.map((o) => [o.host, o])) },
      }));
    },

    update,
  };
}
export type BulkStore = ReturnType<typeof createBulkStore>;
