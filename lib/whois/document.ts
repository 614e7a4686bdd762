/**
 * WHOIS text → a document of keyed entries, whatever the layout: flat "Key: value" (ICANN), sections headed by
 * "Registrar:" with the value on the next line or "Name:"/"Organization:" lines under it (.uk .nl .pl .ee .eu .it),
 * inline sections opened by a handle (.sk "Registrar: MARK-0292" then "Name: …"), and RPSL-style blocks whose
 * contact blocks are reached through the handle that refers to them (.at .cz .ua .fr). Section and block roles
 * come from rules.ts.
 */
import { tokeniseLine, type WhoisLine, RIR_ABUSE_COMMENT } from './lines';
import {
  CONTACT_BLOCK_FIRST_KEYS,
  CONTACT_DETAIL_KEY,
  CONTACT_TYPE_KEYS,
  HANDLE_KEYS,
  HEADING_ONLY_ROLES,
  LOOKALIKE_ANCHOR_KEYS,
  OBJECT_START_KEYS,
  RECORD_ANCHOR_KEYS,
  ROLE_WORDS,
  SECTION_ROLES,
  UNSCOPED_ROLES,
} from './rules';

const MAX_TEXT = 512 * 1024;
const MAX_LINES = 20_000;
const MAX_VALUE = 500;
const MAX_ENTRIES = 20_000;

export interface Entry {
  key: string;
  value: string;
  block: number;
}

export interface Block {
  index: number;
  firstKey: string;
  firstValue: string;
  /** Every key of the block, unqualified. */
  entries: Entry[];
}

export interface WhoisDocument {
  /** Keys readable for the domain (or network) itself, qualified by their section where they sit in one. */
  entries: Entry[];
  blocks: Block[];
  abuseComments: string[];
  /** Layout notes, e.g. look-alike records dropped. */
  quirks: string[];
}

const clean = (v: string) => v.replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE);

export function roleOf(heading: string): string | null {
  for (const [re, role] of SECTION_ROLES) if (re.test(heading)) return role;
  return null;
}

/**
 * A key inside a section of `role`: "name" under Registrar → "registrar name". A key that already names a role
 * ("Registrar IANA ID", or "Registrant Organization" after a handle-opened registrar line) stays as it is.
 */
export function qualify(role: string, key: string): string {
  if (key === '' || key === role) return role;
  for (const re of Object.values(ROLE_WORDS)) if (re.test(key)) return key;
  return `${role} ${key}`;
}

/** A registry handle rather than a name: one token, with a digit, a hyphen or a dot ("MARK-0292", "ua.markmonitor"). */
export function looksLikeHandle(value: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/.test(value) &&
    /[\d.-]/.test(value) &&
    !/^\d{1,6}$/.test(value) &&
    !value.includes('@')
  );
}

const EMAIL_IN = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+/;
const URL_LIKE = /^(?:https?:\/\/|www\.)\S+$/i;
const PHONE_LIKE = /^(?:tel[.:]?\s*|phone[.:]?\s*|fax[.:]?\s*)?\+?[\d .()-]{6,}(?:\s*(?:ext|x)\.?\s*\d+)?$/i;

function plainKey(role: string, text: string): string {
  if (EMAIL_IN.test(text)) return `${role} email`;
  if (URL_LIKE.test(text)) return `${role} url`;
  if (PHONE_LIKE.test(text)) return /^fax/i.test(text) ? `${role} fax` : `${role} phone`;
  return role;
}

/** Drop look-alike records (old Verisign "Server Name: GOOGLE.COM.ZZZ…") that are not the queried domain. */
function anchorFilter(lines: WhoisLine[], query: string | null, quirks: string[]): WhoisLine[] {
  if (!lines.some((l) => l.kind === 'kv' && LOOKALIKE_ANCHOR_KEYS.has(l.key!))) return lines;
  const q = query?.toLowerCase().replace(/\.$/, '') ?? null;
  const out: WhoisLine[] = [];
  let skipping = false;
  let dropped = 0;
  for (const l of lines) {
    if (l.kind === 'kv' && RECORD_ANCHOR_KEYS.has(l.key!)) {
      const name = l.value.split(/\s+/)[0]?.toLowerCase().replace(/\.$/, '') ?? '';
      skipping = LOOKALIKE_ANCHOR_KEYS.has(l.key!) && name !== q;
      if (skipping) dropped++;
    }
    if (!skipping) out.push(l);
  }
  if (dropped) quirks.push(`${dropped} look-alike "Server Name" record(s) for other names ignored.`);
  return out;
}

interface Section {
  role: string;
  /** Indent of the heading line. */
  indent: number;
  /** Indent of its first child, once seen. */
  childIndent: number | null;
  /** Heading sections may have indented children; inline ones (opened by "Registrar: HANDLE") stay at one level. */
  style: 'heading' | 'inline';
  /** The section's own value already taken (the first plain line, or the opener's value). */
  named: boolean;
  unscoped: boolean;
}

export function buildDocument(text: string, query: string | null = null): WhoisDocument {
  const quirks: string[] = [];
  const raw = text
    .slice(0, MAX_TEXT)
    .split(/\r?\n|\r/)
    .slice(0, MAX_LINES)
    .map(tokeniseLine);
  const lines = anchorFilter(raw, query, quirks);
  const entries: Entry[] = [];
  const blocks: Block[] = [];
  const abuseComments: string[] = [];
  let block: Block | null = null;
  let blockScope: string | null = null; // 'contact', or the heading of the section being read
  let section: Section | null = null;
  let last: { keys: string[]; indent: number } | null = null;

  const nextContent = (i: number): WhoisLine | null => {
    for (const l of lines.slice(i + 1)) if (l.kind !== 'comment') return l.kind === 'blank' ? null : l;
    return null;
  };
  const push = (key: string, value: string, visible: boolean) => {
    const v = clean(value);
    if (v === '' || entries.length >= MAX_ENTRIES) return;
    const e = { key, value: v, block: blocks.length - 1 };
    if (visible) entries.push(e);
  };
  const endBlock = () => {
    block = null;
    blockScope = null;
  };

  for (const [i, l] of lines.entries()) {
    if (l.kind === 'blank' || l.kind === 'separator') {
      // .fi prints a blank line between "Holder" and its lines: a heading with no line yet stays open.
      const waiting = section?.style === 'heading' && section.childIndent === null && roleOf(section.role) !== null;
      if (!waiting) section = null;
      last = null;
      endBlock();
      continue;
    }
    if (l.kind === 'comment') {
      const m = RIR_ABUSE_COMMENT.exec(l.text);
      if (m?.[1]) abuseComments.push(m[1]);
      continue;
    }
    if (
      block &&
      l.kind === 'kv' &&
      OBJECT_START_KEYS.has(l.key!) &&
      looksLikeHandle(l.value) &&
      block.entries.length > 0
    ) {
      section = null;
      last = null;
      endBlock();
    }
    if (!block) {
      block = { index: blocks.length, firstKey: l.key ?? '', firstValue: clean(l.value), entries: [] };
      if (blocks.length < 2000) blocks.push(block);
      const firstRole = l.key && l.value ? roleOf(l.key) : null;
      // "Contact: Registrant" (.pr) names a role, not a handle: the typed-section rule below reads it.
      const typedContact = l.key !== null && CONTACT_TYPE_KEYS.has(l.key) && roleOf(l.value.toLowerCase()) !== null;
      if (l.key && CONTACT_BLOCK_FIRST_KEYS.has(l.key) && !typedContact && !holdsDomain(lines, i))
        blockScope = 'contact';
      // .fr/.ua: a block that opens with "registrar: NAME" describes the registrar.
      else if (firstRole === 'registrar' && i > 0 && blocks.length > 1) blockScope = 'registrar';
    }
    const cur = block;
    if (l.kind === 'kv' && cur.entries.length < 500)
      cur.entries.push({ key: l.key!, value: clean(l.value), block: blocks.length - 1 });

    // Leave a section on dedent (heading style) or at the next role opener.
    if (section) {
      if (section.childIndent === null) {
        if (l.indent > section.indent) section.childIndent = l.indent;
        // Unindented children (.ee .fi .pl) only under a heading known to open a section.
        else if (section.style === 'inline' || roleOf(section.role) !== null) section.childIndent = l.indent;
        else section = null;
      } else if (l.indent < section.childIndent) section = null;
    }

    const next = nextContent(i);
    const role = l.key !== null ? roleOf(l.key) : roleOf(normaliseHeading(l.text));
    const indentedChildren = next !== null && next.indent > l.indent;

    // A heading: "Registrar:" with nothing after it, or a bare "Registrant" line (.it .fi .kz) before its lines.
    const headingRole =
      role ??
      (l.kind === 'kv' && l.value === '' ? (HEADING_ONLY_ROLES.find(([re]) => re.test(l.key!))?.[1] ?? null) : null);
    const isHeading =
      (l.kind === 'kv' && l.value === '' && (headingRole !== null || indentedChildren)) ||
      (l.kind === 'plain' &&
        l.text.length <= 60 &&
        !/[@/]/.test(l.text) &&
        (role !== null || (indentedChildren && next?.kind === 'kv' && !section)));
    if (isHeading) {
      const name = headingRole ?? l.key ?? normaliseHeading(l.text);
      // Keys under an unknown heading ("Registrar Technical Contacts:") are read only as "<heading> <key>".
      section = {
        role: name,
        indent: l.indent,
        childIndent: null,
        style: 'heading',
        named: false,
        unscoped: UNSCOPED_ROLES.has(name),
      };
      last = null;
      continue;
    }

    // "Contact: Registrant" (.pr): the lines after it belong to that role.
    const typed =
      l.kind === 'kv' && CONTACT_TYPE_KEYS.has(l.key!) && blockScope !== 'contact'
        ? roleOf(l.value.toLowerCase())
        : null;
    if (typed) {
      section = { role: typed, indent: l.indent, childIndent: null, style: 'inline', named: false, unscoped: false };
      last = null;
      continue;
    }

    if (l.kind === 'kv') {
      const value = l.value;
      // "Registrar: MARK-0292" followed by its own lines (.sk), or "Registrar<TAB>MarkMonitor" then its address (.ch).
      const opener =
        role !== null &&
        role !== 'domain' &&
        value !== '' &&
        next !== null &&
        next.indent <= l.indent &&
        ((looksLikeHandle(value) && next.kind === 'kv' && CONTACT_DETAIL_KEY.test(next.key!)) ||
          next.kind === 'plain') &&
        blockScope !== 'contact';
      const visible = blockScope !== 'contact';
      // A section with key lines is named by them; a plain line after them continues an address (.ec).
      if (section) section.named = true;
      if (blockScope && blockScope !== 'contact') push(qualify(blockScope, l.key!), value, true);
      else if (section && !section.unscoped) push(qualify(section.role, l.key!), value, visible);
      else push(l.key!, value, visible);
      if (opener) {
        section = { role: role, indent: l.indent, childIndent: null, style: 'inline', named: true, unscoped: false };
        push(`${role} id`, value, visible && looksLikeHandle(value));
      }
      last = {
        keys: [section && !section.unscoped && !opener ? qualify(section.role, l.key!) : l.key!],
        indent: l.indent,
      };
      continue;
    }

    // A plain line: a continuation of the previous key (an address over several lines), or a section's value.
    if (
      last &&
      l.indent > last.indent &&
      (!section || section.childIndent === null || l.indent > section.childIndent)
    ) {
      for (const k of last.keys) push(k, l.text, blockScope !== 'contact');
      continue;
    }
    if (section && !section.unscoped) {
      let key = plainKey(section.role, l.text);
      if (key === section.role) {
        if (section.named) key = `${section.role} address`;
        section.named = true;
      }
      push(key, l.text, blockScope !== 'contact');
    }
  }
  return { entries, blocks, abuseComments, quirks };
}

/**
 * Norid opens its domain block with a handle too ("NORID Handle: GOO371D-NORID"): a block that names a domain is
 * not a contact block.
 */
function holdsDomain(lines: WhoisLine[], from: number): boolean {
  for (const l of lines.slice(from)) {
    if (l.kind === 'blank') return false;
    if (l.key === 'domain name' || l.key === 'domain') return true;
  }
  return false;
}

function normaliseHeading(text: string): string {
  return text.replace(/:$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Every value under `key`, in document order. */
export function valuesOf(doc: WhoisDocument, key: string): string[] {
  const out: string[] = [];
  for (const e of doc.entries) if (e.key === key) out.push(e.value);
  return out;
}

/** The block a handle refers to: its first value or one of its handle keys equals the handle. */
export function blockFor(doc: WhoisDocument, handle: string, exceptBlock: number | null = null): Block | null {
  const h = handle.toLowerCase();
  for (const [i, b] of doc.blocks.entries()) {
    if (i === exceptBlock) continue;
    if (b.firstValue.toLowerCase() === h && b.firstKey !== 'domain' && b.firstKey !== 'domain name') return b;
    if (b.entries.some((e) => HANDLE_KEYS.includes(e.key) && e.key !== 'registrar' && e.value.toLowerCase() === h))
      return b;
  }
  return null;
}

/** Contact blocks no other block refers to (.ua prints the registrant's block without a "registrant:" handle). */
export function unreferencedContactBlocks(doc: WhoisDocument): Block[] {
  return doc.blocks.filter((b) => {
    if (!CONTACT_BLOCK_FIRST_KEYS.has(b.firstKey)) return false;
    const own = new Set(
      b.entries.filter((e) => HANDLE_KEYS.includes(e.key) && e.key !== 'registrar').map((e) => e.value.toLowerCase()),
    );
    return !doc.blocks.some((o) => o !== b && o.entries.some((e) => own.has(e.value.toLowerCase())));
  });
}

export function blockValue(b: Block, keys: readonly string[], skip: (v: string) => boolean): string | null {
  for (const k of keys) for (const e of b.entries) if (e.key === k && !skip(e.value)) return e.value;
  return null;
}
