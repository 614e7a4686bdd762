import { z } from 'zod';

export const ReasonSchema = z.object({ id: z.string().max(64), text: z.string().max(500) });
export type ScoredReason = z.infer<typeof ReasonSchema>;

/**
 * The scorer's answer for one page. `score` (0..1) is the strength of the piracy evidence, 0.5 at
 * the threshold; `suspected` also needs a clearly named work, two pieces of evidence (or an actual
 * copy) and a host that is not excluded, so a high score can come with `suspected: false`.
 */
export const VerdictSchema = z.object({
  suspected: z.boolean(),
  score: z.number().min(0).max(1),
  work: z.object({ id: z.string().max(64).optional(), title: z.string().max(500) }).nullable(),
  reasons: z.array(ReasonSchema).max(64),
});
export type Verdict = z.infer<typeof VerdictSchema>;

/** A verdict kept for a tab until it navigates or closes: the only thing kept about the page. */
export const TabVerdictSchema = VerdictSchema.extend({ url: z.string().max(2048) });
export type TabVerdict = z.infer<typeof TabVerdictSchema>;

/** Inputs of the extension-page detection messages (lib/messaging.ts). */
export const DetectionTabSchema = z.object({ tabId: z.number().int().min(0) });
export const DetectionEnabledSchema = z.object({ enabled: z.boolean() });
