import { z } from 'zod';
import { NoteSchema } from './note';

/** Who receives a notice, in the order to send: CDN first, registrar last. */
export const RecipientRoleSchema = z.enum(['cdn', 'host', 'upstream', 'registrar', 'registry', 'search']);
export type RecipientRole = z.infer<typeof RecipientRoleSchema>;

/**
 * The kind of service decides what a notice asks for (docs/notice-law.md §2):
 * a cloud host forwards and preserves, a shared host removes, a CDN forwards and discloses.
 */
export const ServiceKindSchema = z.enum([
  'cloud',
  'shared',
  'storage',
  'cdn',
  'registrar',
  'search',
  'network',
  'unknown',
]);
export type ServiceKind = z.infer<typeof ServiceKindSchema>;

/** The service kind a recipient is treated as: its declared kind, else one implied by its role. */
export function serviceKindOf(r: Pick<Recipient, 'role' | 'kind'>): ServiceKind {
  if (r.role === 'registrar' || r.role === 'registry') return 'registrar';
  if (r.kind && r.kind !== 'unknown') return r.kind;
  switch (r.role) {
    case 'cdn':
      return 'cdn';
    case 'search':
      return 'search';
    case 'upstream':
      return 'network';
    default:
      return 'unknown';
  }
}

export const RecipientSchema = z.object({
  role: RecipientRoleSchema,
  name: z.string().max(500),
  emails: z.array(z.string().max(254)).max(20).default([]),
  formUrl: z.string().max(2048).nullable().default(null),
  country: z.string().max(2).nullable().default(null),
  source: z.string().max(100).default('manual'),
  confidence: z.number().min(0).max(1).default(0.5),
  /** Coded notes the page renders in its language; a plain string is an old stored note (NoteSchema). */
  notes: z.array(NoteSchema).max(50).default([]),
  kind: ServiceKindSchema.optional(),
  providerId: z.string().max(100).optional(),
  language: z.string().max(10).optional(),
  handlingDays: z.number().positive().max(365).optional(),
  /** Facts that help the provider find its customer (docs/notice-law.md §3). */
  network: z
    .object({
      ip: z.string().max(64).optional(),
      handle: z.string().max(200).optional(),
      asn: z.number().int().optional(),
      cidr: z.string().max(64).optional(),
    })
    .optional(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

/** The same recipient in the same role: how a report session knows which candidate a draft is addressed to. */
export function sameRecipient(a: Recipient | null, b: Recipient): boolean {
  return (
    a !== null &&
    a.role === b.role &&
    a.name === b.name &&
    a.emails.join() === b.emails.join() &&
    a.formUrl === b.formUrl
  );
}

/** A recipient's web form is a link the UI opens: http(s) only, never javascript: or data: (imports and team pulls). */
export function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
