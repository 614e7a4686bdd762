/** The backend's TSA, built once from configuration and shared by POST /v1/timestamp and /healthz. */
import { readFileSync } from 'node:fs';
import type { TimestampResponse } from '../../contract';
import { AppError } from '../../errors';
import { bytesToBase64 } from '../../export/base64';
import { derToPem, pemToDers } from '../../evidence/rfc3161/bytes';
import { requestTimestamp, type IssuedTimestamp, type TsaClientOptions } from './client';

export interface TimestampService {
  url: string;
  /** PEM roots from TAKEDOWN_TSA_CA, handed out with each token so the package carries the whole chain. */
  roots: string[];
  timestamp(sha256: string): Promise<IssuedTimestamp>;
}

/** Reads a PEM bundle of roots; a missing or empty file fails at start with its name. */
export function readRoots(file: string): Uint8Array[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('invalid_input', `TAKEDOWN_TSA_CA: cannot read ${file} (${(err as Error).message})`);
  }
  const ders = pemToDers(text);
  if (ders.length === 0) throw new AppError('invalid_input', `TAKEDOWN_TSA_CA: ${file} holds no PEM certificate`);
  return ders;
}

export function createTimestampService(
  opts: Omit<TsaClientOptions, 'trustedRoots'> & { caFile?: string },
): TimestampService {
  const trustedRoots = opts.caFile ? readRoots(opts.caFile) : undefined;
  return {
    url: opts.url,
    roots: (trustedRoots ?? []).map((d) => derToPem(d)),
    timestamp: (sha256) => requestTimestamp(sha256, { ...opts, trustedRoots }),
  };
}

/**
 * A token as the extension receives it (POST /v1/timestamp): the DER reply in base64 and the whole chain in PEM, the
 * TSA's own certificates first, then the configured roots, so an evidence package verifies with no other file.
 */
export async function timestampAnswer(service: TimestampService, sha256: string): Promise<TimestampResponse> {
  const t = await service.timestamp(sha256);
  return {
    token: bytesToBase64(t.response),
    genTime: t.genTime,
    serialNumber: t.serialNumber,
    policy: t.policy,
    tsa: t.tsa,
    tsaUrl: t.tsaUrl,
    certificates: [...t.certificates.map((d) => derToPem(d)), ...service.roots],
    chained: t.chained,
  };
}
