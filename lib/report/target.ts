import { z } from 'zod';

/** What the report page was opened for; built by the background, read back from the page's query string. */
export const ReportKindSchema = z.enum(['page', 'link', 'manual']);
export type ReportKind = z.infer<typeof ReportKindSchema>;

export type ReportTarget =
  | { ok: true; url: string; kind: ReportKind; captureId: string | null; draftId: string | null }
  | { ok: false; reason: 'missing' | 'unsupported_scheme' | 'invalid'; raw: string; scheme?: string };

export function reportPageQuery(params: {
  url: string;
  kind: ReportKind;
  captureId?: string;
  draftId?: string;
}): string {
  const q = new URLSearchParams({ url: params.url, kind: params.kind });
  if (params.captureId) q.set('capture', params.captureId);
  if (params.draftId) q.set('draft', params.draftId);
  return `?${q.toString()}`;
}

/** Only http(s) pages can be reported: chrome://, file:// and javascript: have no host to notify. */
export function parseReportTarget(search: string): ReportTarget {
  const q = new URLSearchParams(search);
  const raw = (q.get('url') ?? '').trim();
  const kind = ReportKindSchema.catch('page').parse(q.get('kind'));
  const draftId = q.get('draft');
  if (!raw)
    return draftId ? { ok: true, url: '', kind, captureId: null, draftId } : { ok: false, reason: 'missing', raw };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid', raw };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'unsupported_scheme', raw, scheme: url.protocol.replace(/:$/, '') };
  return { ok: true, url: url.href, kind, captureId: q.get('capture'), draftId };
}
