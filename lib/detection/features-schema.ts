import { z } from 'zod';
import { LIMITS, type PageFeatures } from './features';

/** The boundary check for features a content script sends (lib/messaging.ts `detection/page`). */
export const LinkSchema = z.object({
  href: z.string().max(LIMITS.href),
  text: z.string().max(LIMITS.linkText),
});

export const PageFeaturesSchema = z.object({
  url: z.string().max(LIMITS.url),
  title: z.string().max(LIMITS.title),
  description: z.string().max(LIMITS.description),
  // Defaults: a content script from before these fields existed still sends a valid page.
  ogTitle: z.string().max(LIMITS.ogTitle).default(''),
  keywords: z.string().max(LIMITS.keywords).default(''),
  headings: z.string().max(LIMITS.headings).default(''),
  text: z.string().max(LIMITS.text),
  links: z.array(LinkSchema).max(LIMITS.links),
  embeds: z.number().int().min(0).max(LIMITS.embeds),
});

// The schema and the interface must describe the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameShape: Same<z.infer<typeof PageFeaturesSchema>, PageFeatures> = true;
void sameShape;
