/** Zod check of what deps.whois returns: the WHOIS parser lives on the backend, so its output is a boundary. */
import { z } from 'zod';
import type { WhoisRecord } from './types';

const text = (n: number) => z.string().max(n);

export const WhoisRecordSchema = z.object({
  server: text(253),
  registrar: text(500).nullable(),
  registrarRaw: text(500).nullish(),
  registrarId: text(100).nullish(),
  registrarIanaId: z.string().regex(/^\d{1,6}$/).nullish(),
  registrarUrl: text(2048).nullable(),
  abuseEmails: z.array(z.email().max(254)).max(20),
  abusePhone: text(100).nullish(),
  registrarEmails: z.array(z.email().max(254)).max(20).optional(),
  registrantOrg: text(500).nullable(),
  country: z.string().regex(/^[A-Za-z]{2}$/).transform((s) => s.toUpperCase()).nullable(),
  range: text(100).nullish(),
  networkName: text(500).nullish(),
  raw: z.string().max(200_000).optional(),
});

export function parseWhoisRecord(value: unknown): { ok: true; record: WhoisRecord } | { ok: false; message: string } {
  if (value === null || value === undefined) return { ok: false, message: 'no record' };
  const r = WhoisRecordSchema.safeParse(value);
  if (r.success) return { ok: true, record: r.data };
  const issue = r.error.issues[0];
  return { ok: false, message: `WHOIS record failed validation at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
}
