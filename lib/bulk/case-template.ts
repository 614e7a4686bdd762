/**
 * A case template for bulk reports: a case file (lib/notices/case.ts) without the recipient and
 * the URLs, which each group fills in. Used by `cli bulk`, which serves teams that keep one
 * template per work or client and a spreadsheet of URLs.
 */
import { NoticeCaseSchema, type NoticeCaseInput } from '../notices/case';
import type { BulkGroup } from './group';

export const CaseTemplateSchema = NoticeCaseSchema.omit({ recipient: true, infringingUrls: true });

export type TemplateResult = { ok: true; value: unknown } | { ok: false; issues: { path: string; message: string }[] };

/** Checks a template's fields; the raw object is kept so each group's case is parsed once, with its own defaults. */
export function parseCaseTemplate(raw: unknown): TemplateResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, issues: [{ path: '(root)', message: 'expected a JSON object' }] };
  const r = CaseTemplateSchema.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })),
    };
  return { ok: true, value: raw };
}

/** The template's works, for the `work` column: each needs an id or a title to be named by. */
function templateWorks(template: unknown): { id: string; title: string; aliases: string[] }[] {
  const works = (template as { works?: unknown }).works;
  if (!Array.isArray(works)) return [];
  return works.map((w: { id?: unknown; title?: unknown }, i) => ({
    id: typeof w.id === 'string' && w.id ? w.id : `#${i}`,
    title: typeof w.title === 'string' ? w.title : '',
    aliases: [],
  }));
}

/** Resolves a `work` cell against the template's works (id or title, case-insensitive). */
export function templateWorkResolver(template: unknown): (ref: string) => string | null {
  const works = templateWorks(template);
  return (ref) => {
    const want = ref.normalize('NFKC').trim().toLowerCase();
    const hits = works.filter((w) => w.id === ref.trim() || w.title.normalize('NFKC').trim().toLowerCase() === want);
    const [only, ...more] = hits;
    return only && more.length === 0 ? only.id : null;
  };
}

/**
 * One group's case: the template, the group's URLs and its recipient. With per-URL works (the
 * `work` column), the case names only the works of the group's URLs; a URL without one counts
 * as showing all of the template's works.
 */
export function groupCase(
  template: unknown,
  group: Pick<BulkGroup, 'recipient' | 'urls'>,
  urlWorks?: ReadonlyMap<string, readonly string[] | undefined>,
): NoticeCaseInput {
  const { recipient: _r, infringingUrls: _u, ...rest } = template as Record<string, unknown>;
  const out = {
    ...(rest as Omit<NoticeCaseInput, 'recipient'>),
    infringingUrls: group.urls,
    recipient: group.recipient,
  };
  if (!urlWorks || !Array.isArray(rest.works)) return out;
  const ids = templateWorks(template).map((w) => w.id);
  const wanted = new Set(group.urls.flatMap((u) => (urlWorks.get(u)?.length ? [...(urlWorks.get(u) ?? [])] : ids)));
  return {
    ...out,
    works: (rest.works as unknown[]).filter((_, i) => wanted.has(ids[i] ?? '')) as NoticeCaseInput['works'],
  };
}

/** A file-name-safe slug of a provider's name. */
export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'recipient'
  );
}
