/**
 * Normalises what is non-conformant but harmless in an RDAP answer before rdap-schema.ts validates it, and says
 * what it changed: numbers sent for strings (`handle`, `publicIds[].identifier`, a remark line), remark and notice
 * texts longer than the caps (RIPE aut-nums carry routing policies of ~300 lines), over-long strings. Anything
 * structurally wrong is left as it is, for the schema to refuse. Total: never throws, returns its input unchanged
 * when it is not an object.
 */

/** Caps shared with rdap-schema.ts: a text past them is cut, not refused. */
export const MAX_DESCRIPTION_LINES = 200;
export const MAX_STRING = 10_000;
const MAX_QUIRKS = 100;
const MAX_WALK_DEPTH = 40;

/** Members whose value RFC 9083 defines as a string; a number or boolean there is coerced. */
const STRING_MEMBERS = new Set([
  'handle',
  'identifier',
  'ldhName',
  'unicodeName',
  'port43',
  'name',
  'country',
  'lang',
  'title',
  'type',
  'parentHandle',
  'startAddress',
  'endAddress',
  'ipVersion',
  'objectClassName',
  'eventAction',
  'eventDate',
  'eventActor',
]);
/** Members that hold lines of text. */
const TEXT_ARRAYS = new Set(['description']);

type Json = unknown;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export function normaliseRdapQuirks(input: unknown): unknown {
  if (!isPlainObject(input)) return input;
  const quirks = new Set<string>();
  const note = (q: string) => {
    if (quirks.size < MAX_QUIRKS) quirks.add(q);
  };
  const walk = (v: Json, depth: number): Json => {
    if (depth > MAX_WALK_DEPTH) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (STRING_MEMBERS.has(k) && (typeof x === 'number' || typeof x === 'boolean')) {
        out[k] = String(x);
        note(`${k} sent as a ${typeof x}, read as text`);
      } else if (TEXT_ARRAYS.has(k) && Array.isArray(x)) {
        let lines = (x as unknown[]).map((line: unknown) =>
          typeof line === 'number' || typeof line === 'boolean' ? String(line) : line,
        );
        if (lines.length > MAX_DESCRIPTION_LINES) {
          note(`a ${k} of ${lines.length} lines cut to ${MAX_DESCRIPTION_LINES}`);
          lines = lines.slice(0, MAX_DESCRIPTION_LINES);
        }
        out[k] = lines.map((line: unknown) => {
          if (typeof line === 'string' && line.length > MAX_STRING) {
            note(`a ${k} line of ${line.length} characters cut to ${MAX_STRING}`);
            return line.slice(0, MAX_STRING);
          }
          return line;
        });
      } else if (typeof x === 'string' && x.length > MAX_STRING && STRING_MEMBERS.has(k)) {
        note(`${k} of ${x.length} characters cut to ${MAX_STRING}`);
        out[k] = x.slice(0, MAX_STRING);
      } else out[k] = walk(x, depth + 1);
    }
    return out;
  };
  try {
    const out = walk(input, 0) as Record<string, unknown>;
    // `quirks` is this project's member: one sent by the server is dropped, never shown as our note.
    const { quirks: _sent, ...rest } = out;
    if (quirks.size === 0) return 'quirks' in input ? rest : input;
    return { ...rest, quirks: [...quirks] };
  } catch {
    return input;
  }
}
