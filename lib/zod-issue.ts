import type { z } from 'zod';

/**
 * The first problem Zod found, as a dotted path ('' for the root) and its message. Every boundary
 * reports a rejected value this way, so a user sees which field to fix.
 */
export function firstIssue(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  return { path: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? 'invalid value' };
}
