/** Shape of a known-provider directory entry (seeded as docs/providers.md §1 describes). */
import { z } from 'zod';
import { ServiceKindSchema } from '../model/recipient';

/** Grades (docs/providers.md §2): A = seen on the provider's own page or RDAP; B = consistent third-party; C = not found / contradictory. */
export const ProviderConfidenceSchema = z.enum(['A', 'B', 'C']);
export type ProviderConfidence = z.infer<typeof ProviderConfidenceSchema>;

export const ProviderEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(200),
  /** First kind is the primary one; the notice's ask depends on it (docs/notice-law.md §2). */
  kinds: z.array(ServiceKindSchema).min(1),
  /** ISO 3166-1 alpha-2 of the contracting entity, null when unknown. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  jurisdictionNote: z.string().max(500).optional(),
  asns: z.array(z.number().int().positive().max(4294967295)),
  /** Case-insensitive regex sources matched against RDAP org, network and AS names. */
  namePatterns: z.array(z.string().min(2)),
  /** IANA registrar ids (registrars only). */
  ianaIds: z.array(z.string().regex(/^\d+$/)).optional(),
  emails: z.array(z.email()),
  formUrl: z.url().nullable(),
  /** Where the provider wants reports: some desks answer e-mail with "use the form" (docs/providers.md §4). */
  channel: z.enum(['email', 'form', 'both', 'unknown']),
  /** Preferred languages, best first (BCP 47 primary tags). */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  handlingDays: z.number().positive().max(365).optional(),
  /** Documents, fields and forwarding options the provider asks for. */
  requirements: z.array(z.string().max(1000)),
  /**
   * Where the provider publishes the notices it receives (Google and Cloudflare send copies to the
   * Lumen database, docs/providers.md §6): the sender is warned before its details go out.
   */
  publishesNotices: z.object({ to: z.enum(['lumen']), note: z.string().max(500) }).optional(),
  /** Facts marked unverified in the seed (docs/providers.md §2): surfaced to the user, never hidden. */
  unverified: z.array(z.string().max(300)),
  confidence: ProviderConfidenceSchema,
  sources: z.array(z.string().max(300)).min(1),
  /** When the channel was last checked by a person; null = only the seed data. */
  verifiedAt: z.iso.date().nullable(),
});
export type ProviderEntry = z.infer<typeof ProviderEntrySchema>;
