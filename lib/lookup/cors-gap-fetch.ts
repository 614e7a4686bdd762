/**
 * The browser lookup's fetch: it relies on CORS (RFC 7480 asks RDAP servers for `Access-Control-Allow-Origin: *`)
 * and names the registries that do not send it, instead of failing with "Failed to fetch".
 *
 * - A cross-origin request the browser blocks throws a bare TypeError. A second, `no-cors` request tells the two
 *   causes apart: it succeeds (opaque) when the server answered without CORS headers, and fails when the server is
 *   unreachable.
 * - An extension page holding host access for an origin (a granted optional permission, or the test build) reads
 *   answers without CORS. Such an answer still counts as a gap unless the user agreed to read that origin, so the
 *   lookup uses only what a registry opens to browsers or what the user allowed.
 */
import type { LookupStep } from '../contract';
import { LookupFailure } from './types';

export interface CorsGapFetch {
  fetch: typeof globalThis.fetch;
  /** Origins found without CORS during this fetch's life, in order. */
  gaps: string[];
}

/** Which stage of the lookup a URL belongs to, so the gap is reported against the right step. */
export function stepForUrl(url: URL): LookupStep {
  const p = url.pathname.toLowerCase();
  if (p.includes('/ip/')) return 'rdap-ip';
  if (p.includes('/autnum/')) return 'rdap-asn';
  if (p.includes('/domain/')) return 'rdap-domain';
  if (p.endsWith('.json')) return 'bootstrap';
  return 'dns';
}

export function corsGapMessage(origin: string): string {
  return (
    `${origin} does not let browsers read its answers (no CORS header). ` +
    `Allow the extension to read ${origin} when the report page asks, or use the backend.`
  );
}

export function createCorsGapFetch(
  inner: typeof globalThis.fetch,
  opts: { granted: (origin: string) => boolean; pageOrigin?: string },
): CorsGapFetch {
  const gaps: string[] = [];
  const gap = (url: URL): never => {
    if (!gaps.includes(url.origin)) gaps.push(url.origin);
    throw new LookupFailure(stepForUrl(url), 'unavailable', corsGapMessage(url.origin));
  };
  const fetchFn: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const crossOrigin = url.origin !== opts.pageOrigin;
    let res: Response;
    try {
      res = await inner(input, init);
    } catch (e) {
      if (!(e instanceof TypeError) || init?.signal?.aborted || !crossOrigin) throw e;
      const opaque = await inner(url.href, { mode: 'no-cors', credentials: 'omit', signal: init?.signal ?? null }).then(
        () => true,
        () => false,
      );
      if (opaque) gap(url);
      throw e;
    }
    // 'cors' and the opaque types were already checked by the browser; 'basic'/'default' were not.
    const unchecked = res.type === 'basic' || res.type === 'default';
    if (
      crossOrigin &&
      unchecked &&
      res.status !== 0 &&
      !res.headers.has('access-control-allow-origin') &&
      !opts.granted(url.origin)
    ) {
      await res.body?.cancel().catch(() => undefined);
      gap(url);
    }
    return res;
  };
  return { fetch: fetchFn, gaps };
}
