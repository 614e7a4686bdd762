/**
 * The backend's RDAP fetch: a registry's `related` link or a redirect may name any host, so each host is resolved
 * and refused when any of its addresses is not public, and the connection is then pinned to those vetted addresses
 * (an undici Agent whose `lookup` is the vetted resolver), so a second DNS answer cannot send it inward (DNS
 * rebinding). The backend never becomes a way into the network it runs in. Vetted answers are kept a minute;
 * DNS failures are never kept.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import { LookupFailure } from '../lookup';
import { createSafeLookup, createVettedResolver, NonPublicAddressError, type SafeLookupOptions } from './safe-lookup';

export interface PublicOnlyFetchOptions extends SafeLookupOptions {
  allowedPorts?: readonly number[];
}

export function createPublicOnlyFetch(opts: PublicOnlyFetchOptions = {}): typeof fetch {
  const resolve = createVettedResolver(opts);
  const allowedPorts = opts.allowedPorts ?? [443, 80];
  const agent = new Agent({ connect: { lookup: createSafeLookup(resolve) }, keepAliveTimeout: 10_000 });
  return async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw);
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    if (
      (url.protocol !== 'https:' && url.protocol !== 'http:') ||
      url.username ||
      url.password ||
      !allowedPorts.includes(port)
    ) {
      throw new LookupFailure(
        'rdap-ip',
        'private_target',
        `Refused to query ${url.origin}: only http(s) on ports ${allowedPorts.join(', ')}.`,
      );
    }
    try {
      // Vetted once here for a clear error; the socket's lookup reuses the same vetted answer.
      await resolve(url.hostname);
    } catch (err) {
      if (err instanceof NonPublicAddressError)
        throw new LookupFailure('rdap-ip', 'private_target', `Refused to query ${url.host}: ${err.message}.`);
      throw new LookupFailure(
        'rdap-ip',
        'unavailable',
        `Could not resolve ${url.hostname}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return (await undiciFetch(raw, { ...(init as object), dispatcher: agent })) as unknown as Response;
  };
}
