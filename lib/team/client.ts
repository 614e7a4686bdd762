/**
 * The extension's client for the team server (/v1/team/*), through the backend client's one `call` (URL, token,
 * client header, error kinds). Answers are checked with the same Zod shapes the server uses.
 */
import { call, parsed, type FetchFn } from '../backend/client';
import { AppError } from '../errors';
import type { BackendSettings } from '../model/settings';
import {
  PullResponseSchema,
  PushResultSchema,
  TeamUserSchema,
  type PushBody,
  type PushResult,
  type TeamUserInfo,
} from './schema';

/** Who this token belongs to (the popup shows the analyst's name); unauthorized when it is not a team token. */
export async function teamMe(settings: BackendSettings, fetchFn: FetchFn): Promise<TeamUserInfo> {
  return parsed(await call(settings, fetchFn, 'v1/team/me'), TeamUserSchema);
}

/** Pushes a notice with its whole log; idempotent, so a retry after a lost answer is safe. */
export async function pushNotice(settings: BackendSettings, fetchFn: FetchFn, body: PushBody): Promise<PushResult> {
  const res = await call(settings, fetchFn, 'v1/team/notices', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return parsed(res, PushResultSchema);
}

export async function pullNotices(settings: BackendSettings, fetchFn: FetchFn, since: number, limit = 100) {
  return parsed(await call(settings, fetchFn, `v1/team/notices?since=${since}&limit=${limit}`), PullResponseSchema);
}

/** One evidence file the team holds, by SHA-256; bytes that do not hash to what was asked are refused. */
export async function teamEvidence(
  settings: BackendSettings,
  fetchFn: FetchFn,
  sha256: string,
  hash: (bytes: Uint8Array) => Promise<string>,
): Promise<Uint8Array> {
  const res = await call(settings, fetchFn, `v1/team/evidence/${encodeURIComponent(sha256)}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if ((await hash(bytes)) !== sha256)
    throw new AppError(
      'invalid_response',
      'The team server sent a file that does not match its SHA-256; it was not saved.',
    );
  return bytes;
}
