/**
 * Port-43 WHOIS text → WhoisRecord. WHOIS has no schema: each registry prints its own dialect. document.ts turns
 * every layout into qualified keys and contact blocks; this file only reads fields from the keys that rules.ts lists,
 * resolves handles to the block they refer to, and strips registry suffixes from names (names.ts). Pure and total:
 * any string in, a record out, never a throw (property-tested).
 */
import { z } from 'zod';
import type { WhoisRecord } from '../lookup';
import {
  blockFor,
  blockValue,
  buildDocument,
  looksLikeHandle,
  unreferencedContactBlocks,
  valuesOf,
  type Block,
  type WhoisDocument,
} from './document';
import { splitRegistrarName } from './names';
import {
  BLOCK_NAME_KEYS,
  BLOCK_ORG_KEYS,
  FIELD_KEYS,
  PLACEHOLDER,
  REGISTRANT_REF_KEYS,
  REGISTRAR_REF_KEYS,
} from './rules';

/** The raw answer kept as evidence, at the cap the WhoisRecord boundary allows (lib/whois/record.ts). */
const MAX_RAW = 200_000;
const MAX_VALUE = 500;
const MAX_EMAILS = 20;

/** What the WhoisRecord boundary accepts: a match such as "a..b@c.de" is not an address. */
const VALID_EMAIL = z.email().max(254);
const EMAIL = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+/g;

export interface WhoisDetails {
  record: WhoisRecord;
  /** The registrant's personal name when no organisation is published (not part of the record: personal data). */
  registrantName: string | null;
  /** Layout notes (look-alike records ignored, handles resolved). */
  quirks: string[];
}

function isPlaceholder(value: string): boolean {
  return value.trim() === '' || PLACEHOLDER.test(value.trim());
}

/** Never an organisation: a contact handle ("FMR13403268-NICAT", "mm-87489") or an RIR org id ("ORG-EA1-RIPE"). */
function isHandle(value: string): boolean {
  return (looksLikeHandle(value) && /\d/.test(value)) || /^ORG-[A-Z0-9-]+$/i.test(value);
}

function first(
  doc: WhoisDocument,
  keys: readonly string[],
  skip: (v: string) => boolean = isPlaceholder,
): string | null {
  for (const k of keys) for (const v of valuesOf(doc, k)) if (!skip(v)) return v;
  return null;
}

function emailsIn(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (isPlaceholder(v) && !/@/.test(v)) continue;
    for (const m of v.matchAll(EMAIL)) if (VALID_EMAIL.safeParse(m[0]).success) out.push(m[0].toLowerCase());
  }
  return out;
}

const PERSON_TYPE = /^(?:person|individual|private|physical)/i;
const ORGANISATION_TYPE = /^(?:organi[sz]ation|company|corporate|role)/i;

/**
 * A referenced contact block's organisation and name. AFNIC's "contact:" is an organisation only in a block of type
 * ORGANIZATION.
 */
function contactOf(b: Block, handle: string): { org: string | null; name: string | null } {
  const person = b.entries.some((e) => e.key === 'type' && PERSON_TYPE.test(e.value));
  // Norid: "Type: organization" then "Name: Google Norway AS".
  const organisation = b.entries.some((e) => e.key === 'type' && ORGANISATION_TYPE.test(e.value));
  const skip = (v: string) => isPlaceholder(v) || isHandle(v) || v.toLowerCase() === handle.toLowerCase();
  const orgKeys = person
    ? BLOCK_ORG_KEYS.filter((k) => k !== 'contact' && k !== 'role')
    : organisation
      ? [...BLOCK_ORG_KEYS, 'name']
      : BLOCK_ORG_KEYS;
  return { org: blockValue(b, orgKeys, skip), name: blockValue(b, BLOCK_NAME_KEYS, skip) };
}

function registrant(doc: WhoisDocument, quirks: string[]): { org: string | null; name: string | null } {
  for (const key of REGISTRANT_REF_KEYS) {
    for (const v of valuesOf(doc, key)) {
      if (!looksLikeHandle(v)) continue;
      const b = blockFor(doc, v);
      if (!b) continue;
      const c = contactOf(b, v);
      if (c.org || c.name) {
        quirks.push(`Registrant handle ${v} resolved to its contact block.`);
        return c;
      }
    }
  }
  const skip = (v: string) => isPlaceholder(v) || isHandle(v);
  const found = { org: first(doc, FIELD_KEYS.registrantOrg, skip), name: first(doc, FIELD_KEYS.registrantName, skip) };
  if (found.org || found.name) return found;
  // .ua: the registrant's contact block follows the registrar's with no handle pointing at it.
  const orphans = unreferencedContactBlocks(doc);
  if (orphans[0]) {
    quirks.push('Registrant taken from the first contact block no handle refers to.');
    return contactOf(orphans[0], '');
  }
  return found;
}

function registrar(
  doc: WhoisDocument,
  quirks: string[],
): { name: string | null; raw: string | null; id: string | null; url: string | null; block: Block | null } {
  // A name beats a handle ("MARKMONITOR-REG" under .it's Registrar, beside its Organization).
  let name =
    first(doc, FIELD_KEYS.registrar, (v) => isPlaceholder(v) || looksLikeHandle(v)) ?? first(doc, FIELD_KEYS.registrar);
  let id: string | null = null;
  let block: Block | null = null;
  // A handle ("MARK-0292", "ua.markmonitor"): the registrar's own block names it.
  if (name && looksLikeHandle(name)) {
    block = blockFor(doc, name);
    const c = block ? contactOf(block, name) : null;
    if (c?.org || c?.name) {
      quirks.push(`Registrar handle ${name} resolved to its block.`);
      id = name;
      name = c.org ?? c.name;
    }
  }
  if (!id) {
    for (const k of REGISTRAR_REF_KEYS) {
      const h = valuesOf(doc, k).find((v) => looksLikeHandle(v) && v !== name);
      if (h) {
        id = h;
        break;
      }
    }
  }
  if (!name) return { name: null, raw: null, id, url: null, block };
  const split = splitRegistrarName(name);
  return { name: split.name, raw: split.name !== name ? name : null, id: split.id ?? id, url: split.url, block };
}

function abuseEmails(doc: WhoisDocument): string[] {
  const found = [...emailsIn(doc.abuseComments), ...FIELD_KEYS.abuseEmail.flatMap((k) => emailsIn(valuesOf(doc, k)))];
  // RIPE/LACNIC/registro.br: "abuse-c: HANDLE" refers to a role block holding the mailbox.
  for (const h of valuesOf(doc, 'abuse-c')) {
    const b = blockFor(doc, h);
    if (b)
      found.push(
        ...emailsIn(b.entries.filter((e) => ['abuse-mailbox', 'e-mail', 'email'].includes(e.key)).map((e) => e.value)),
      );
  }
  // Any other key naming abuse ("abuse-c email", an "Abuse Contact:" block's lines) as a last resort.
  const known = FIELD_KEYS.abuseEmail as readonly string[];
  for (const e of doc.entries) if (/abuse/.test(e.key) && !known.includes(e.key)) found.push(...emailsIn([e.value]));
  return [...new Set(found)].slice(0, MAX_EMAILS);
}

function abusePhone(doc: WhoisDocument): string | null {
  const v = first(doc, FIELD_KEYS.abusePhone);
  return v ? v.replace(/^(?:tel|phone)[.:]?\s*/i, '') : null;
}

/** The registrar's own addresses that the answer does not label as abuse. */
function registrarEmails(doc: WhoisDocument, block: Block | null, abuse: string[]): string[] {
  const values = [...FIELD_KEYS.registrarEmail.flatMap((k) => valuesOf(doc, k))];
  for (const e of doc.entries)
    if (/^registr?ar\b/.test(e.key) && /mail/.test(e.key) && !/abuse/.test(e.key)) values.push(e.value);
  if (block)
    values.push(...block.entries.filter((e) => /mail/.test(e.key) && !/abuse/.test(e.key)).map((e) => e.value));
  const taken = new Set(abuse);
  return [...new Set(emailsIn(values))].filter((e) => !taken.has(e)).slice(0, MAX_EMAILS);
}

function country(doc: WhoisDocument): string | null {
  for (const k of FIELD_KEYS.country)
    for (const v of valuesOf(doc, k)) if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
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

const clip = (v: string | null) => (v === null ? null : v.slice(0, MAX_VALUE));

export function parseWhoisDetailed(text: string, server: string, query: string | null = null): WhoisDetails {
  const input = typeof text === 'string' ? text : '';
  const doc = buildDocument(input, typeof query === 'string' ? query : null);
  const quirks = [...doc.quirks];
  const reg = registrar(doc, quirks);
  const who = registrant(doc, quirks);
  const abuse = abuseEmails(doc);
  const ianaId = first(doc, FIELD_KEYS.registrarIanaId, (v) => !/^\d{1,6}$/.test(v));
  const record: WhoisRecord = {
    server: String(server ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 253),
    registrar: clip(reg.name),
    registrarUrl: url(first(doc, FIELD_KEYS.registrarUrl) ?? reg.url),
    abuseEmails: abuse,
    abusePhone: clip(abusePhone(doc)),
    registrantOrg: clip(who.org),
    country: country(doc),
    range: clip(first(doc, FIELD_KEYS.range)),
    networkName: clip(first(doc, FIELD_KEYS.networkName)),
    raw: input.slice(0, MAX_RAW),
  };
  if (reg.raw) record.registrarRaw = clip(reg.raw);
  if (reg.id) record.registrarId = reg.id.slice(0, 100);
  if (ianaId) record.registrarIanaId = ianaId;
  const general = registrarEmails(doc, reg.block, abuse);
  if (general.length) record.registrarEmails = general;
  return { record, registrantName: clip(who.name), quirks };
}

export function parseWhois(text: string, server: string, query: string | null = null): WhoisRecord {
  return parseWhoisDetailed(text, server, query).record;
}
