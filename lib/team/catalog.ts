/**
 * The team's works catalog and letterhead (issue 19), held by the team server with a version each. Two explicit
 * actions, never a silent merge, because a letter cites them: "Use the team's" copies the team's works (by id) and
 * letterhead into this browser, keeping local works the team does not have; "Share mine" writes this browser's
 * works and letterhead to the team, each based on the version just read, so a colleague's write in between is
 * refused (409) rather than overwritten. Every write is in the server's audit log with the analyst's name.
 */
import { z } from 'zod';
import { call, parsed, type FetchFn } from '../backend/client';
import { LetterheadSchema, type Letterhead } from '../model/letterhead';
import type { BackendSettings } from '../model/settings';
import { WorkSchema, type Work } from '../model/work';
import { canonicalJson } from '../tracking/canonical-json';

const TeamWorksSchema = z.object({
  works: z.array(z.object({ id: z.string(), data: z.unknown(), version: z.number().int() })).max(100_000),
});
const TeamLetterheadSchema = z.object({ data: z.unknown().nullable(), version: z.number().int() });
const WriteSchema = z.object({ ok: z.literal(true), version: z.number().int() });

export interface TeamCatalog {
  works: Array<{ work: Work; version: number }>;
  /** Entries that do not validate as a work here (another version's shape): left alone, counted. */
  invalid: number;
  letterhead: { value: Letterhead | null; version: number };
}

export async function readTeamCatalog(settings: BackendSettings, fetchFn: FetchFn): Promise<TeamCatalog> {
  const [w, l] = await Promise.all([
    parsed(await call(settings, fetchFn, 'v1/team/works'), TeamWorksSchema),
    parsed(await call(settings, fetchFn, 'v1/team/letterhead'), TeamLetterheadSchema),
  ]);
  const works: TeamCatalog['works'] = [];
  let invalid = 0;
  for (const row of w.works) {
    const work = WorkSchema.safeParse(row.data);
    if (work.success && work.data.id === row.id) works.push({ work: work.data, version: row.version });
    else invalid++;
  }
  const letterhead = l.data === null ? null : LetterheadSchema.safeParse(l.data);
  return {
    works,
    invalid: invalid + (letterhead && !letterhead.success ? 1 : 0),
    letterhead: { value: letterhead?.success ? letterhead.data : null, version: l.version },
  };
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** What "Use the team's" changes here: works to add, works to replace, and the letterhead when it differs. */
export function planCatalogPull(local: { works: readonly Work[]; letterhead: Letterhead | null }, team: TeamCatalog) {
  const mine = new Map(local.works.map((w) => [w.id, w]));
  // The same work entered separately in two browsers has two ids: adding the team's would list it twice, and
  // re-keying ours would orphan the notices that cite it. It is left out and counted.
  const titles = new Set(local.works.map((w) => w.title.trim().toLowerCase()));
  const add: Work[] = [];
  const replace: Work[] = [];
  let sameTitle = 0;
  for (const { work } of team.works) {
    const have = mine.get(work.id);
    if (have) {
      if (!same(have, work)) replace.push(work);
    } else if (titles.has(work.title.trim().toLowerCase())) sameTitle++;
    else add.push(work);
  }
  const letterhead =
    team.letterhead.value && !same(team.letterhead.value, local.letterhead) ? team.letterhead.value : null;
  return { add, replace, sameTitle, letterhead, invalid: team.invalid };
}
export type CatalogPull = ReturnType<typeof planCatalogPull>;

/** "Share mine": every local work the team lacks or holds differently, then the letterhead, each on its version. */
export async function shareCatalog(
  settings: BackendSettings,
  fetchFn: FetchFn,
  local: { works: readonly Work[]; letterhead: Letterhead | null },
): Promise<{ works: number; letterhead: boolean }> {
  const team = await readTeamCatalog(settings, fetchFn);
  const theirs = new Map(team.works.map((w) => [w.work.id, w]));
  const put = async (path: string, data: unknown, baseVersion: number) => {
    const res = await call(settings, fetchFn, path, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data, baseVersion }),
    });
    return parsed(res, WriteSchema);
  };
  let works = 0;
  for (const work of local.works) {
    const t = theirs.get(work.id);
    if (t && same(t.work, work)) continue;
    await put(`v1/team/works/${encodeURIComponent(work.id)}`, work, t?.version ?? 0);
    works++;
  }
  let letterhead = false;
  if (local.letterhead && !same(local.letterhead, team.letterhead.value)) {
    await put('v1/team/letterhead', local.letterhead, team.letterhead.version);
    letterhead = true;
  }
  return { works, letterhead };
}
