/**
 * A CDN's reply that names the origin host (Cloudflare forwards the notice and tells the
 * complainant who hosts the site): the host to notify next, unless a letter to it was drafted.
 */
import { z } from 'zod';
import type { NoticeEvent } from '../model/notice';

const DisclosedSchema = z.object({
  name: z.string().trim().min(1).max(500),
  emails: z.array(z.string().max(254)).max(20).default([]),
});
export type DisclosedHost = z.infer<typeof DisclosedSchema>;

export function disclosedHostOf(events: readonly NoticeEvent[]): DisclosedHost | null {
  for (const e of [...events].reverse()) {
    if (e.kind === 'escalation_drafted' && e.details.role === 'host') return null;
    const parsed = DisclosedSchema.safeParse(e.details.disclosedHost);
    if (parsed.success) return parsed.data;
  }
  return null;
}
