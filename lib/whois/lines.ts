/**
 * One WHOIS line → indent, key and value. Registries separate keys from values in many ways: "Key: value",
 * dot-padded "key..........: value" (.fi .no .kz), "[Key]   value" (.jp), "Key<TAB>value" (.ch), keys with a
 * parenthetical over 60 characters (.hk "Company English Name (It should be the same as …):"). Comment and banner
 * lines are marked so the document builder can skip them.
 */
export interface WhoisLine {
  /** Leading whitespace width (a tab counts 8). */
  indent: number;
  /** Normalised key (lower case, no padding dots, no parenthetical, "_" as space) or null for a plain line. */
  key: string | null;
  value: string;
  /** The trimmed line. */
  text: string;
  kind: 'blank' | 'comment' | 'separator' | 'kv' | 'plain';
}

const MAX_KEY_WORDS = 10;
const MAX_KEY = 80;
/** "% Abuse contact for '196.11.240.0 - 196.11.246.255' is 'abuse@example.net'" (AFRINIC, RIPE, APNIC). */
export const RIR_ABUSE_COMMENT = /^%\s*abuse contact for\s+'[^']*'\s+is\s+'([^']*)'/i;

/** "registrant-organization", "owner-contact" (.st .gd .vg): hyphens between a role and a word are spaces. */
const ROLE_HYPHEN =
  /^(registrant|registrar|registration|owner|holder|admin|tech|billing|abuse)-([a-z]{3,}(?:-[a-z]{3,})*)$/;

export function normaliseKey(raw: string): string {
  const k = raw
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/[_\t]/g, ' ')
    .replace(/^[a-z]\.\s+/i, '')
    .replace(/[.\s]+$/g, '')
    .replace(/^[\s.]+/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    // "Registrant Internationalized Organization" (.so), "International Organisation" (.cm) name the same field.
    .replace(/\binternationali[sz]ed /g, '')
    .replace(/^international /, '');
  const m = ROLE_HYPHEN.exec(k);
  return m ? `${m[1]!} ${m[2]!.replace(/-/g, ' ')}` : k;
}

function keyLike(rawKey: string, after = ' '): boolean {
  const k = normaliseKey(rawKey);
  if (k === '' || k.length > MAX_KEY) return false;
  // "mailto:x@y", "tel:+1…" are URIs; "Tel: +1…" and "Tel:......+1…" are keys.
  if ((/^(?:https?|ftp|mailto|tel)$/i.test(k) && !/^[\s.]/.test(after)) || k.includes('://')) return false;
  return k.split(' ').length <= MAX_KEY_WORDS;
}

function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n += 1;
    else if (c === '\t') n += 8;
    else break;
  }
  return n;
}

export function tokeniseLine(raw: string): WhoisLine {
  const text = raw.trim();
  const indent = indentOf(raw);
  const base = { indent, text, key: null, value: text };
  if (text === '') return { ...base, kind: 'blank' };
  if (/^[-=*_#~+]{4,}/.test(text) && /^[-=*_#~+\s]+$/.test(text)) return { ...base, kind: 'separator' };
  if (/^(?:%|#|>>>|<<<|;)/.test(text) || /^\[\s.*\]$/.test(text) || /^\*.*\*$/.test(text))
    return { ...base, kind: 'comment' };
  // JPRS: "a. [Domain Name]   GOOGLE.CO.JP", "[State]   Connected".
  const bracket = /^(?:[a-z]\.\s*)?\[([^\]]{1,80})\]\s*(.*)$/i.exec(text);
  const [, bracketKey, bracketValue = ''] = bracket ?? [];
  if (bracketKey && keyLike(bracketKey))
    return { ...base, kind: 'kv', key: normaliseKey(bracketKey), value: bracketValue.trim() };
  const colon = text.indexOf(':');
  if (colon > 0) {
    const rawKey = text.slice(0, colon);
    const after = text.slice(colon + 1);
    // "12:30" inside a date is not a key separator; "http://…" is a value, not a key.
    const time = /\d$/.test(rawKey) && /^\d/.test(after);
    // .tn pads after the colon instead: "Registrar:..........ELB".
    // A YAML tag ("registrar: !Registrar", smallregistry.net) is no value: the lines under it are.
    const value = after
      .replace(/^\.{3,}/, '')
      .trim()
      .replace(/^![A-Za-z]+$/, '');
    if (!time && !after.startsWith('//') && keyLike(rawKey, after))
      return { ...base, kind: 'kv', key: normaliseKey(rawKey), value };
  }
  // SWITCH (.ch): "Registrar<TAB>Gandi SAS".
  const tab = /^([^\t:]{1,60})\t+(.+)$/.exec(text);
  const [, tabKey, tabValue = ''] = tab ?? [];
  if (tabKey && keyLike(tabKey)) return { ...base, kind: 'kv', key: normaliseKey(tabKey), value: tabValue.trim() };
  return { ...base, kind: 'plain' };
}
