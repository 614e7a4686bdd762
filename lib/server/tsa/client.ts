/**
 * RFC 3161 client: POSTs a SHA-256 TimeStampReq (nonce, certReq) to the configured TSA and accepts the reply
 * only when verify.ts finds it sound. Transport failures (no answer, timeout, 5xx, 429) are retried, at most
 * three tries in all; a reply that fails a check is never retried into acceptance, it is refused with its reason.
 */
import { AppError } from '../../errors';
import { buildTimestampRequest } from '../../evidence/rfc3161/request';
import { verifyTimestampResponse, TimestampError, type TimestampInfo } from '../../evidence/rfc3161/verify';

export const MAX_TRIES = 3;
/** A TimeStampResp with a few certificates is a few KB; anything this large is not one. */
const MAX_REPLY_BYTES = 1024 * 1024;
/** A genTime further than this from our clock is refused: we must not claim a time we cannot vouch for. */
const MAX_SKEW_MS = 10 * 60 * 1000;

export interface TsaClientOptions {
  url: string;
  fetch?: typeof globalThis.fetch;
  /** Per try. */
  timeoutMs?: number;
  /** 1..3 (default 3). */
  tries?: number;
  /** Pause before a retry (default 500 ms, doubled each time). */
  backoffMs?: number;
  /** DER roots the TSA must chain to (TAKEDOWN_TSA_CA); without them the signature is checked, not the chain. */
  trustedRoots?: Uint8Array[];
  now?: () => Date;
}

export interface IssuedTimestamp extends TimestampInfo {
  sha256: string;
  tsaUrl: string;
  /** The DER TimeStampResp exactly as the TSA sent it: what we store and what `openssl ts -verify -in` reads. */
  response: Uint8Array;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Retryable extends Error {}

async function once(url: string, body: Uint8Array, opts: TsaClientOptions): Promise<Uint8Array> {
  const fetchFn = opts.fetch ?? globalThis.fetch;
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: body as Uint8Array<ArrayBuffer>,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (err) {
    const e = err as Error;
    const timedOut = e.name === 'TimeoutError';
    throw new Retryable(timedOut ? `no answer within ${opts.timeoutMs ?? 10_000} ms` : `unreachable (${e.message})`);
  }
  if (res.status >= 500 || res.status === 429) {
    void res.body?.cancel();
    throw new Retryable(`HTTP ${res.status}`);
  }
  if (!res.ok) {
    void res.body?.cancel();
    const message = `The TSA at ${url} refused the request with HTTP ${res.status}; check TAKEDOWN_TSA_URL.`;
    throw new AppError('invalid_response', message, { reason: 'http' });
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > MAX_REPLY_BYTES) {
    throw new TimestampError('malformed', `The TSA at ${url} sent ${bytes.byteLength} bytes, not a time-stamp reply.`);
  }
  return bytes;
}

/** Asks `opts.url` to timestamp `sha256` (hex); resolves only with a verified token. */
export async function requestTimestamp(sha256: string, opts: TsaClientOptions): Promise<IssuedTimestamp> {
  const sha = sha256.toLowerCase();
  const request = buildTimestampRequest(sha);
  const tries = Math.min(Math.max(opts.tries ?? MAX_TRIES, 1), MAX_TRIES);
  let last = '';
  for (let attempt = 1; attempt <= tries; attempt++) {
    let response: Uint8Array;
    try {
      response = await once(opts.url, request.der, opts);
    } catch (err) {
      if (!(err instanceof Retryable)) throw err;
      last = err.message;
      if (attempt < tries) await sleep((opts.backoffMs ?? 500) * 2 ** (attempt - 1));
      continue;
    }
    const check = { sha256: sha, nonce: request.nonce, trustedRoots: opts.trustedRoots };
    const info = await verifyTimestampResponse(response, check);
    const now = (opts.now ?? (() => new Date()))().getTime();
    if (Math.abs(Date.parse(info.genTime) - now) > MAX_SKEW_MS) {
      const message = `The TSA says ${info.genTime}, over 10 minutes from our clock; check both clocks.`;
      throw new TimestampError('malformed', message);
    }
    return { ...info, sha256: sha, tsaUrl: opts.url, response };
  }
  const message =
    `The TSA at ${opts.url} did not answer after ${tries} tries (last: ${last}); ` +
    'try again later or set TAKEDOWN_TSA_URL to another TSA.';
  throw new AppError('unavailable', message, { reason: 'unavailable' });
}
