/**
 * Failure kinds the UI can explain: each has a localised sentence in _locales
 * (key `error_<kind>`) that says what to do next.
 */
export const ERROR_KINDS = [
  'invalid_input',
  'private_target',
  'not_found',
  'rate_limited',
  'timeout',
  'unavailable',
  'invalid_response',
  'forbidden_sender',
  'illegal_transition',
  'incomplete_notice',
  'read_only',
  'storage',
  'unauthorized',
  'cancelled',
  // Team server (lib/server/team): a role that may not do this; a draft changed by someone else first.
  'forbidden',
  'conflict',
  'internal',
  // Kinds the backend's HTTP API answers with (lib/server/api-error.ts); the client passes them through unchanged.
  'payload_too_large',
  'not_configured',
  'forbidden_origin',
  'changed',
  'smtp_auth_failed',
  'smtp_sender_refused',
  'smtp_message_refused',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface SerializedError {
  kind: ErrorKind;
  message: string;
  details?: Record<string, unknown>;
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof AppError) return { kind: err.kind, message: err.message, details: err.details };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}
