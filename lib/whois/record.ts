/** Zod check of what deps.whois returns: the WHOIS parser lives on the backend, so its output is a boundary. */
import { z } from 'zod';
import { note } from '../model/note';
import type { AbuseContact, WhoisRecord } from '../lookup';

const text = (n: number) => z.string().max(n);
const Email = z.email().max(254);
/**
 * E-mail lists: an entry that is not a valid address is dropped, not the record, so one odd line (".x@y", "a..b@c")
 * never loses the abuse contact beside it. A list that is not a list of strings is still refused.
 */
const emails = z
  .array(z.string().max(1000))
  .max(100)
  .transform((xs) => xs.filter((x) => Email.safeParse(x).success).slice(0, 20));
export const MAX_WHOIS_RAW = 200_000;

export const WhoisRecordSchema = z.object({
  server: text(253),
  registrar: text(500).nullable(),
  registrarRaw: text(500).nullish(),
  registrarId: text(100).nullish(),
  registrarIanaId: z
    .string()
    .regex(/^\d{1,6}$/)
    .nullish(),
  registrarUrl: text(2048).nullable(),
  abuseEmails: emails,
  abusePhone: text(100).nullish(),
  registrarEmails: emails.optional(),
  registrantOrg: text(500).nullable(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .nullable(),
  range: text(100).nullish(),
  networkName: text(500).nullish(),
  // The answer as evidence: clipped to the cap rather than refused (a 256 KB answer is still a real answer).
  raw: z
    .string()
    .max(4 * 1024 * 1024)
    .transform((t) => t.slice(0, MAX_WHOIS_RAW))
    .optional(),
});

export function parseWhoisRecord(value: unknown): { ok: true; record: WhoisRecord } | { ok: false; message: string } {
  if (value === null || value === undefined) return { ok: false, message: 'no record' };
  const r = WhoisRecordSchema.safeParse(value);
  if (r.success) return { ok: true, record: r.data };
  const issue = r.error.issues[0];
  return {
    ok: false,
    message: `WHOIS record failed validation at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
  };
}

/**
 * A domain's WHOIS contacts for the recipient builder: the addresses the answer labels as abuse first (an abuse
 * desk), then the registrar's own addresses that it does not label as abuse (.fr .pl .nz .ch …), offered as the
 * registrar's general contact: isAbuseRole false, so recipients.ts gives them lower confidence and says so.
 */
export function whoisDomainContacts(w: WhoisRecord): AbuseContact[] {
  const from = note('from_whois', { server: w.server });
  const out: AbuseContact[] = [];
  if (w.abuseEmails.length || w.abusePhone) {
    out.push({
      handle: w.registrarId ?? null,
      name: w.registrar,
      roles: ['abuse'],
      emails: w.abuseEmails,
      phones: w.abusePhone ? [w.abusePhone] : [],
      formUrl: null,
      scope: 'registrar',
      isAbuseRole: true,
      depth: 0,
      notes: [from],
    });
  }
  const general = (w.registrarEmails ?? []).filter((e) => !w.abuseEmails.includes(e));
  if (general.length) {
    out.push({
      handle: w.registrarId ?? null,
      name: w.registrar,
      roles: ['registrar'],
      emails: general,
      phones: [],
      formUrl: null,
      scope: 'registrar',
      isAbuseRole: false,
      depth: 0,
      notes: [from, note('registrar_general_address')],
    });
  }
  return out;
}
