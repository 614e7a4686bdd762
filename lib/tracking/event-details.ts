/** One line of an event's details as the timeline shows it: plain text, never HTML. */
export interface DetailLine {
  key: string;
  value: string;
}

const MAX_VALUE = 500;

function text(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * Flattens event details into "a.b: value" lines, in key order as recorded; arrays of plain
 * values are joined, nested objects get dotted keys. Long values are cut, since the full
 * record stays in the export.
 */
export function detailLines(details: Record<string, unknown>, prefix = ''): DetailLine[] {
  const out: DetailLine[] = [];
  for (const [k, v] of Object.entries(details)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...detailLines(v as Record<string, unknown>, key));
    else if (Array.isArray(v))
      out.push({
        key,
        value: cut(
          v.length === 0 ? '—' : v.every((x) => typeof x !== 'object' || x === null) ? v.map(text).join(', ') : text(v),
        ),
      });
    else out.push({ key, value: cut(text(v)) });
  }
  return out;
}

const cut = (s: string) => (s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s);
