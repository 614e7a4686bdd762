/**
 * Port-43 WHOIS text → WhoisRecord. WHOIS has no schema: each registry prints its own "key: value" dialect
 * (ICANN gTLD, CNNIC, RIPE/AFRINIC/APNIC RPSL, ARIN), so fields are picked from known keys in order of
 * preference. Pure and total: any string in, a record out, never a throw (property-tested).
 */
import type { WhoisRecord } from '../lookup/types';

const MAX_TEXT = 512 * 1024;
const MAX_VALUE = 500;
const MAX_EMAILS = 20;

/** Values that stand for withheld data, never a contact (rdap.md §2 "Placeholders to drop"). */
const PLACEHOLDER = /redacted|not disclosed|withheld for privacy|please query|statutory masking|data protected|non-public data|gdpr masked|^n\/?a$|^none$|^-$|^\*+$/i;

const EMAIL = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+/g;

/** "% Abuse contact for '196.11.240.0 - 196.11.246.255' is 'abuse@example.net'" (AFRINIC, RIPE, APNIC). */
const RIR_ABUSE_COMMENT = /^%\s*abuse contact for\s+'[^']*'\s+is\s+'([^']*)'/i;

const KEYS = {
  registrar: ['registrar', 'sponsoring registrar', 'registrar name', 'registrar organization', 'registrar organisation'],
  registrarUrl: ['registrar url', 'registrar website', 'referral url', 'registrar web site'],
  abuseEmail: ['registrar abuse contact email', 'abuse-mailbox', 'orgabuseemail', 'abuse contact email', 'abuse email', 'abuse-email', 'abuse mailbox', 'rabuseemail'],
  abusePhone: ['registrar abuse contact phone', 'orgabusephone', 'abuse contact phone', 'abuse phone'],
  registrantOrg: ['registrant organization', 'registrant organisation', 'registrant', 'org-name', 'orgname', 'organization', 'organisation', 'owner'],
  country: ['registrant country', 'registrant country/economy', 'country'],
  range: ['inetnum', 'inet6num', 'netrange', 'cidr'],
  networkName: ['netname', 'network name'],
} as const;

type Fields = Map<string, string[]>;

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE);
}

function isPlaceholder(value: string): boolean {
  return value === '' || PLACEHOLDER.test(value);
}

interface Collected {
  fields: Fields;
  abuseComments: string[];
  /** RPSL-style blocks (separated by blank lines), for resolving an abuse-c handle to its e-mail (registro.br, LACNIC). */
  blocks: Fields[];
}

function collect(text: string): Collected {
  const fields: Fields = new Map();
  const abuseComments: string[] = [];
  const blocks: Fields[] = [];
  let block: Fields = new Map();
  for (const rawLine of text.slice(0, MAX_TEXT).split(/\r?\n|\r/)) {
    const line = rawLine.trim();
    if (line === '') {
      if (block.size > 0 && blocks.length < 200) blocks.push(block);
      block = new Map();
      continue;
    }
    if (line.startsWith('%') || line.startsWith('#')) {
      const m = RIR_ABUSE_COMMENT.exec(line);
      if (m) abuseComments.push(m[1]);
      continue;
    }
    if (line.startsWith('>>>')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 60) continue;
    const key = line.slice(0, colon).trim().toLowerCase().replace(/\s+/g, ' ');
    const value = clean(line.slice(colon + 1));
    if (value === '') continue;
    for (const map of [fields, block]) {
      const list = map.get(key);
      if (list) {
        if (list.length < 50) list.push(value);
      } else map.set(key, [value]);
    }
  }
  if (block.size > 0) blocks.push(block);
  return { fields, abuseComments, blocks };
}

function abuseHandleEmails({ fields, blocks }: Collected): string[] {
  const handles = new Set((fields.get('abuse-c') ?? []).map((h) => h.toUpperCase()));
  if (handles.size === 0) return [];
  const out: string[] = [];
  for (const b of blocks) {
    const own = [...(b.get('nic-hdl') ?? []), ...(b.get('nic-hdl-br') ?? [])].map((h) => h.toUpperCase());
    if (own.some((h) => handles.has(h))) out.push(...emailsIn([...(b.get('abuse-mailbox') ?? []), ...(b.get('e-mail') ?? []), ...(b.get('email') ?? [])]));
  }
  return out;
}

function first(fields: Fields, keys: readonly string[]): string | null {
  for (const k of keys) {
    for (const v of fields.get(k) ?? []) if (!isPlaceholder(v)) return v;
  }
  return null;
}

function emailsIn(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (isPlaceholder(v)) continue;
    for (const m of v.matchAll(EMAIL)) out.push(m[0].toLowerCase());
  }
  return out;
}

function abuseEmails(collected: Collected): string[] {
  const { fields, abuseComments } = collected;
  const found = [...emailsIn(abuseComments), ...KEYS.abuseEmail.flatMap((k) => emailsIn(fields.get(k) ?? [])), ...abuseHandleEmails(collected)];
  // Any other key naming abuse ("abuse-c email", "Abuse Contact") as a last resort.
  for (const [k, v] of fields) if (k.includes('abuse') && !(KEYS.abuseEmail as readonly string[]).includes(k)) found.push(...emailsIn(v));
  return [...new Set(found)].slice(0, MAX_EMAILS);
}

function country(fields: Fields): string | null {
  for (const k of KEYS.country) {
    for (const v of fields.get(k) ?? []) if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  }
  return null;
}

function url(value: string | null): string | null {
  if (!value) return null;
  const withScheme = /^https?:\/\//i.test(value) ? value : `http://${value}`;
  try {
    const u = new URL(withScheme);
    return u.hostname.includes('.') ? u.href : null;
  } catch {
    return null;
  }
}

export function parseWhois(text: string, server: string): WhoisRecord {
  const input = typeof text === 'string' ? text : '';
  const collected = collect(input);
  const { fields } = collected;
  const phone = first(fields, KEYS.abusePhone);
  return {
    server: clean(String(server ?? '')),
    registrar: first(fields, KEYS.registrar),
    registrarUrl: url(first(fields, KEYS.registrarUrl)),
    abuseEmails: abuseEmails(collected),
    abusePhone: phone,
    registrantOrg: first(fields, KEYS.registrantOrg),
    country: country(fields),
    range: first(fields, KEYS.range),
    networkName: first(fields, KEYS.networkName),
    raw: input.slice(0, MAX_TEXT),
  };
}

export function parseWhoisDetailed(text: string, server: string, _query?: string | null) {
  return { record: parseWhois(text, server), registrantName: null as string | null };
}
