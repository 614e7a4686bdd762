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
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, issues: [{ path: '(root)', message: 'expected a JSON object' }] };
  const r = CaseTemplateSchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })) };
  return { ok: true, value: raw };
}

/** One group's case: the template, the group's URLs and its recipient. */
export function groupCase(template: unknown, group: Pick<BulkGroup, 'recipient' | 'urls'>): NoticeCaseInput {
  const { recipient: _r, infringingUrls: _u, ...rest } = template as Record<string, unknown>;
  return { ...(rest as Omit<NoticeCaseInput, 'recipient'>), infringingUrls: group.urls, recipient: group.recipient };
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
