/**
 * A recipient note as data: a code from a closed list and its parameters, so each page renders it in its own
 * language (message `note_<code>` in public/_locales) and the CLI renders the English one (lib/model/note-text.ts).
 * Parameters are positional in the message ($1, $2 … in the order listed here), as browser.i18n wants them.
 */
import { z } from 'zod';
import type { MessageKey, Translate } from '../i18n';

export const NOTE_PARAMS = {
  /** A note stored before notes had codes (old drafts, notices and cached backend answers): its English text. */
  legacy: ['text'],
  // Where a contact comes from (lib/lookup/abuse.ts, lib/whois/record.ts)
  listed_under: ['parent', 'roles'],
  registry_desk_contact: ['desk'],
  desk_cnnic: [],
  desk_krnic: [],
  desk_jpnic: [],
  desk_lacnic: [],
  desk_apnic: [],
  desk_arin: [],
  abuse_no_email: [],
  not_abuse_contact: [],
  no_abuse_role: [],
  withheld_ignored: ['list'],
  redacted: ['field', 'method'],
  redacted_reason: ['field', 'method', 'reason'],
  registry_truncated: [],
  registry_filtered: [],
  quirk_normalised: ['quirk'],
  from_whois: ['server'],
  whois_only: ['server'],
  registrar_general_address: [],
  // Why this recipient (lib/lookup/recipients.ts)
  directory_match_asn: ['name', 'grade', 'value'],
  directory_match_name: ['name', 'grade', 'value'],
  directory_match_iana_id: ['name', 'grade', 'value'],
  directory_match_cdn: ['name', 'grade'],
  rdap_also_lists: ['emails'],
  provider_form: ['name'],
  provider_form_url: ['name', 'url'],
  phone: ['phones'],
  also_listed: ['list'],
  cdn_origin_hidden: ['cdn'],
  cdn_detected: ['cdn', 'confidence', 'evidence'],
  network: ['name', 'range', 'source'],
  host_no_contact: [],
  upstream: ['asn'],
  upstream_named: ['asn', 'name'],
  registrar_of: ['domain'],
  registrar_iana_id: ['id'],
  registrar_acts_on_domain: [],
  registrar_no_abuse: [],
  registry_desk: [],
  // The provider directory's own text (lib/providers/data): shown as written, with a label saying so.
  provider_jurisdiction: ['text'],
  provider_requirement: ['text'],
  provider_unverified: ['text'],
} as const satisfies Record<string, readonly string[]>;

export type NoteCode = keyof typeof NOTE_PARAMS;
export const NOTE_CODES = Object.keys(NOTE_PARAMS) as NoteCode[];
export type NoteParams<C extends NoteCode> = Record<(typeof NOTE_PARAMS)[C][number], string>;
export type Note = { [C in NoteCode]: { code: C; params: NoteParams<C> } }[NoteCode];

export const MAX_NOTE_PARAM = 2000;

/** A typed note; the compiler checks the parameter names against the code. */
export function note<C extends NoteCode>(code: C, ...params: keyof NoteParams<C> extends never ? [] : [NoteParams<C>]) {
  return { code, params: params[0] ?? {} } as Note;
}

/** The message arguments in order: $1 is the first parameter listed for the code. */
export function noteArgs(n: Note): string[] {
  const names: readonly string[] = NOTE_PARAMS[n.code];
  const params = n.params as Record<string, string>;
  return names.map((p) => params[p] ?? '');
}

/** Two notes are the same when code and arguments are: lets recipients drop repeats from merged sources. */
export const noteKey = (n: Note): string => `${n.code}\u0000${noteArgs(n).join('\u0000')}`;

const CodedNoteSchema = z
  .object({
    code: z.enum(NOTE_CODES as [NoteCode, ...NoteCode[]]),
    params: z.record(z.string().max(100), z.string().max(MAX_NOTE_PARAM)).default({}),
  })
  .superRefine((n, ctx) => {
    const missing = NOTE_PARAMS[n.code].filter((p: string) => typeof n.params[p] !== 'string');
    if (missing.length) ctx.addIssue({ code: 'custom', path: ['params'], message: `missing ${missing.join(', ')}` });
  })
  .transform((n): Note => {
    // Only the parameters the code names are kept: an unknown key would never be rendered anyway.
    const names: readonly string[] = NOTE_PARAMS[n.code];
    return { code: n.code, params: Object.fromEntries(names.map((p) => [p, n.params[p]!])) } as Note;
  });

/**
 * A note as stored or received. A plain string is a note from before codes (an old draft, a sent notice, a
 * backend's cached answer): it is kept word for word as a `legacy` note, never dropped.
 */
export const NoteSchema = z.union([
  CodedNoteSchema,
  z
    .string()
    .max(MAX_NOTE_PARAM)
    .transform((text): Note => ({ code: 'legacy', params: { text } })),
]);

/** The message that renders a note: `note_<code>`; the compiler checks every code has one in English. */
export const noteMessageKey = (n: Note): MessageKey => `note_${n.code}`;

/** A note in the page's language. */
export const renderNote = (n: Note, t: Translate): string => t(noteMessageKey(n), noteArgs(n));

/**
 * Whatever a store held as notes, as coded notes: strings become legacy notes word for word; an entry that is not a
 * note at all is dropped rather than failing the record around it.
 */
export function upgradeNotes(value: unknown): Note[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((x) => {
    const n = NoteSchema.safeParse(x);
    return n.success ? [n.data] : [];
  });
}
