import { z } from 'zod';
import { LetterLangSchema, RegimeIdSchema } from './notice';

export const BackendSettingsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8787'),
  token: z.string().max(500).default(''),
});
export type BackendSettings = z.infer<typeof BackendSettingsSchema>;

export const DefaultsSettingsSchema = z.object({
  regime: RegimeIdSchema.or(z.literal('auto')).default('auto'),
  lang: LetterLangSchema.default('en'),
  /** Earlier notices against one customer before a repeat-infringer request is offered (issue 12). */
  repeatThreshold: z.number().int().min(2).max(50).default(3),
});
export type DefaultsSettings = z.infer<typeof DefaultsSettingsSchema>;

export const DetectionSettingsSchema = z.object({ enabled: z.boolean().default(false) });
export type DetectionSettings = z.infer<typeof DetectionSettingsSchema>;
