/**
 * jCard (RFC 7095) as RDAP servers actually send it (docs/rdap-quirks.md §2): params may be strings or arrays,
 * `pref` marks preference (document order is not preference), placeholders mean "withheld".
 */
export interface VcardValue {
  value: string;
  types: string[];
  pref: number | null;
}
export interface Vcard {
  fn: string | null;
  kind: string | null;
  org: string | null;
  emails: VcardValue[];
  tels: VcardValue[];
  contactUris: string[];
  address: string | null;
  country: string | null;
  /** Values dropped because they were redaction placeholders or known fakes. */
  withheld: string[];
}

const PLACEHOLDER = /redacted|not disclosed|data protected|please query|withheld|privacy|non-public|not available/i;
/** LACNIC's stand-in for a withheld address (chrj/rust-abuse-contact README). */
const PLACEHOLDER_EMAILS = new Set(['removed@lacnic.net']);
/** ARIN Amazon POCs carry this fake number (docs/rdap-quirks.md §2). */
const FAKE_PHONES = [/^\+?1[-. ]?206[-. ]?555[-. ]?0000$/];

export function isPlaceholder(value: string): boolean {
  return value.trim() === '' || PLACEHOLDER.test(value);
}

const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function paramList(params: unknown, name: string): string[] {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return [];
  const v = (params as Record<string, unknown>)[name];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

function flatText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v))
    return v
      .map(flatText)
      .filter((s) => s.trim() !== '')
      .join(', ');
  return '';
}

export function isPlausibleEmail(s: string): boolean {
  return s.length <= 254 && /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z0-9-]{2,}$/i.test(s);
}

export function parseVcard(vcardArray: unknown): Vcard {
  const out: Vcard = {
    fn: null,
    kind: null,
    org: null,
    emails: [],
    tels: [],
    contactUris: [],
    address: null,
    country: null,
    withheld: [],
  };
  if (!Array.isArray(vcardArray) || !Array.isArray(vcardArray[1])) return out;
  for (const prop of vcardArray[1] as unknown[]) {
    if (!Array.isArray(prop) || prop.length < 4) continue;
    const name = asString(prop[0])?.toLowerCase();
    const params: unknown = prop[1];
    const raw: unknown = prop[3];
    const types = paramList(params, 'type').map((t) => t.toLowerCase());
    const prefText = paramList(params, 'pref')[0];
    const pref = prefText && /^\d+$/.test(prefText) ? Number(prefText) : null;
    switch (name) {
      case 'fn': {
        const v = flatText(raw).trim();
        if (v && !isPlaceholder(v)) out.fn = v;
        else if (v) out.withheld.push(`name (${v})`);
        break;
      }
      case 'kind':
        out.kind = flatText(raw).toLowerCase() || null;
        break;
      case 'org': {
        const v = flatText(raw).trim();
        if (v && !isPlaceholder(v)) out.org = v;
        else if (v) out.withheld.push(`organisation (${v})`);
        break;
      }
      case 'email': {
        const v = flatText(raw)
          .trim()
          .replace(/^mailto:/i, '');
        if (!v) break;
        if (PLACEHOLDER_EMAILS.has(v.toLowerCase()) || !isPlausibleEmail(v)) {
          if (isPlaceholder(v) || PLACEHOLDER_EMAILS.has(v.toLowerCase())) out.withheld.push(`e-mail (${v})`);
        } else out.emails.push({ value: v, types, pref });
        break;
      }
      case 'tel': {
        const v = flatText(raw).trim().replace(/^tel:/i, '');
        if (!v) break;
        if (isPlaceholder(v)) out.withheld.push(`phone (${v})`);
        else if (FAKE_PHONES.some((re) => re.test(v.replace(/\s+/g, ''))))
          out.withheld.push(`phone (${v}: a placeholder number)`);
        else out.tels.push({ value: v, types, pref });
        break;
      }
      case 'contact-uri': {
        const v = flatText(raw).trim();
        if (/^https?:\/\//i.test(v)) out.contactUris.push(v);
        else if (/^mailto:/i.test(v) && isPlausibleEmail(v.slice(7)))
          out.emails.push({ value: v.slice(7), types: ['contact-uri'], pref });
        break;
      }
      case 'adr': {
        // ARIN/RIPE/APNIC put the whole address in the label param; LACNIC and AFRINIC shift parts around.
        const label = paramList(params, 'label')[0];
        const parts = Array.isArray(raw) ? raw : [];
        const text = (label ?? flatText(parts)).replace(/\s*\n\s*/g, ', ').trim();
        if (text && !isPlaceholder(text)) out.address = text;
        const cc = paramList(params, 'cc')[0];
        if (cc && /^[A-Za-z]{2}$/.test(cc)) out.country = cc.toUpperCase();
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** E-mails best first: pref (lowest number) first, then RIPE's `type: abuse`, then document order; deduped case-insensitively. */
export function rankedEmails(values: VcardValue[]): string[] {
  const indexed = values.map((v, i) => ({ v, i }));
  indexed.sort((a, b) => {
    const pa = a.v.pref ?? Number.MAX_SAFE_INTEGER;
    const pb = b.v.pref ?? Number.MAX_SAFE_INTEGER;
    if (pa !== pb) return pa - pb;
    const ta = a.v.types.includes('abuse') ? 0 : 1;
    const tb = b.v.types.includes('abuse') ? 0 : 1;
    return ta - tb || a.i - b.i;
  });
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { v } of indexed) {
    const key = v.value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v.value);
  }
  return out;
}
