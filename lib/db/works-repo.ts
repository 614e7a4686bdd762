/** The catalog of works: what detection matches, what notices cite and what a bulk `work` column names. */
import { watchQuery } from './watch';
import { AppError } from '../errors';
import { firstIssue } from '../zod-issue';
import { WorkSchema, type Work } from '../model/work';
import type { TakedownDb } from './schema';

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * Finds the work a user named: its id, its title or one of its aliases (case- and width-
 * insensitive). Null when nothing matches or when the name is ambiguous (two works share it).
 */
export function resolveWork(catalog: readonly Work[], ref: string): Work | null {
  const want = fold(ref);
  if (!want) return null;
  const byId = catalog.find((w) => w.id === ref.trim());
  if (byId) return byId;
  const hits = catalog.filter((w) => fold(w.title) === want || w.aliases.some((a) => fold(a) === want));
  const [only, ...more] = hits;
  return only && more.length === 0 ? only : null;
}

export function createWorksRepo(deps: { db: TakedownDb }) {
  const { db } = deps;
  return {
    list: (): Promise<Work[]> => db.works.orderBy('title').toArray(),
    /** Calls back whenever the catalog changes in any page (the background re-compiles its matcher). */
    onChange: (cb: () => void) => watchQuery(() => db.works.toArray(), cb),
    get: async (id: string): Promise<Work | null> => (await db.works.get(id)) ?? null,
    /** Validates before writing, so a bad work never replaces a good one. */
    async put(work: unknown): Promise<Work> {
      const r = WorkSchema.safeParse(work);
      if (!r.success) {
        const issue = firstIssue(r.error);
        throw new AppError('invalid_input', `Work: ${issue.path}: ${issue.message}`, { path: issue.path });
      }
      await db.works.put(r.data);
      return r.data;
    },
    remove: (id: string) => db.works.delete(id),
    count: () => db.works.count(),
  };
}
export type WorksRepo = ReturnType<typeof createWorksRepo>;
