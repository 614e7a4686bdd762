/**
 * The extension's side of POST /v1/timestamp (issue 15): whether the backend has a time-stamping authority
 * (/healthz `tsa`), and a token for a SHA-256 the extension computed. The token is re-verified where it is
 * shown (lib/evidence/timestamps.ts), so the extension never takes the backend's word for it.
 */
import { z } from 'zod';
import { TimestampResponseSchema, type TimestampResponse } from '../contract';
import { AppError } from '../errors';
import { BackendSettingsSchema, type BackendSettings } from '../model/settings';
import type { Timestamper } from '../evidence/timestamps';
import { call, parsed, type FetchFn } from './client';

const HealthSchema = z.object({
  ok: z.literal(true),
  // Backends older than issue 15 send no `tsa`: they have none.
  tsa: z
    .object({ url: z.string().max(2048) })
    .nullable()
    .default(null),
});

/** The TSA URL the backend uses, or null when it has none (or does not answer). */
export async function backendTsa(settings: BackendSettings, fetchFn: FetchFn): Promise<string | null> {
  try {
    const res = await call(settings, fetchFn, 'healthz');
    return (await parsed(res, HealthSchema)).tsa?.url ?? null;
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/** A verified token for `sha256` from the backend's TSA; an AppError names why there is none. */
export async function requestTimestamp(
  settings: BackendSettings,
  fetchFn: FetchFn,
  sha256: string,
): Promise<TimestampResponse> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('invalid_input', 'sha256 must be 64 lowercase hex digits');
  const res = await call(settings, fetchFn, 'v1/timestamp', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sha256 }),
  });
  return parsed(res, TimestampResponseSchema);
}

/**
 * The backend's TSA as a stamp function, asked afresh each time (the user may configure a TSA later): null when
 * the backend reports none or does not answer, so nothing is timestamped and nothing claims a time.
 */
export function backendTimestamper(
  readSettings: () => Promise<{ value: BackendSettings | null }>,
  fetchFn: FetchFn,
): Timestamper {
  return async () => {
    const settings = (await readSettings()).value ?? BackendSettingsSchema.parse({});
    if (!(await backendTsa(settings, fetchFn))) return null;
    return (sha256) => requestTimestamp(settings, fetchFn, sha256);
  };
}
