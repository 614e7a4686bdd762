/**
 * The `lookup` every outgoing socket of the backend uses (RDAP through an undici Agent, port-43 WHOIS): it
 * resolves the name, refuses it when ANY address is not public, and hands the socket only the vetted addresses,
 * so a second DNS answer cannot point the connection inward (rebinding). It honours `{ all: true }`: Node 20
 * connects with autoSelectFamily (happy eyeballs), which asks for every address and fails with
 * ERR_INVALID_IP_ADDRESS when given one string (issue 14 §3).
 *
 * Vetted answers are kept briefly (registries are asked again and again); failures never are, so one DNS hiccup
 * does not block a registry for minutes.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { formatIp, nonPublicReason, parseIp, type NonPublicReason } from '../net/ip';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface SafeLookupOptions {
  /** Every A and AAAA address of a name. Default: the system resolver (dns.lookup, all, verbatim). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Why an address may not be used, or null. Default: nonPublicReason (lib/net/ip.ts). Tests may allow loopback. */
  reasonOf?: (address: string) => NonPublicReason | 'invalid' | null;
  now?: () => number;
  ttlMs?: number;
}

/** Thrown (as the socket's error) when a name has a non-public address; recognisable through `cause` chains. */
export class NonPublicAddressError extends Error {
  readonly code = 'ERR_TAKEDOWN_NON_PUBLIC';
  constructor(
    readonly hostname: string,
    readonly reason: string,
  ) {
    super(`${hostname} resolves to a ${reason} address; refused`);
    this.name = 'NonPublicAddressError';
  }
}

const systemResolve = async (hostname: string): Promise<ResolvedAddress[]> =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export const defaultReasonOf = (address: string): NonPublicReason | 'invalid' | null => {
  const ip = parseIp(address);
  return ip ? nonPublicReason(ip) : 'invalid';
};

/** Resolves and vets a name: every address must pass, or the whole name is refused. */
export function createVettedResolver(opts: SafeLookupOptions = {}): (hostname: string) => Promise<ResolvedAddress[]> {
  const resolve = opts.resolve ?? systemResolve;
  const reasonOf = opts.reasonOf ?? defaultReasonOf;
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? 60_000;
  const vetted = new Map<string, { expires: number; addresses: ResolvedAddress[] }>();
  return async (hostname) => {
    const name = hostname.toLowerCase();
    const hit = vetted.get(name);
    if (hit && hit.expires > now()) return hit.addresses;
    const literal = parseIp(name.replace(/^\[|\]$/g, ''));
    const answers = literal ? [{ address: formatIp(literal), family: literal.version }] : await resolve(name);
    if (answers.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
    for (const a of answers) {
      const reason = reasonOf(a.address);
      if (reason) throw new NonPublicAddressError(hostname, reason);
    }
    const addresses = answers.map((a) => ({ address: formatIp(parseIp(a.address)!), family: a.family }));
    vetted.set(name, { expires: now() + ttl, addresses });
    if (vetted.size > 1000) vetted.delete(vetted.keys().next().value as string);
    return addresses;
  };
}

/** A net/tls `lookup` over a vetted resolver; answers one address or all of them, as the caller asks. */
export function createSafeLookup(
  opts: SafeLookupOptions | ((hostname: string) => Promise<ResolvedAddress[]>) = {},
): LookupFunction {
  const resolve = typeof opts === 'function' ? opts : createVettedResolver(opts);
  return ((
    hostname: string,
    options: { all?: boolean; family?: number | string },
    cb: (...args: unknown[]) => void,
  ) => {
    resolve(hostname).then(
      (addresses) => {
        const family =
          options?.family === 6 || options?.family === 'IPv6'
            ? 6
            : options?.family === 4 || options?.family === 'IPv4'
              ? 4
              : 0;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        const first = usable[0];
        if (!first)
          return cb(Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' }));
        if (options?.all) cb(null, usable);
        else cb(null, first.address, first.family);
      },
      (err: unknown) => cb(err),
    );
  }) as unknown as LookupFunction;
}
