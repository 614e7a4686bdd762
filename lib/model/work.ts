import { z } from 'zod';

/** A protected work in the user's catalog: what detection matches and what notices cite. */
export const WorkSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(500),
  aliases: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
  owner: z.string().trim().max(500).default(''),
  registration: z.string().trim().max(200).default(''),
  originalUrl: z.string().trim().max(2048).default(''),
  officialDomains: z.array(z.string().trim().toLowerCase().min(1).max(253)).max(100).default([]),
  keywords: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
});
export type Work = z.infer<typeof WorkSchema>;
