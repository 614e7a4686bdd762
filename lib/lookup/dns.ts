/** DNS step of a lookup: A, AAAA, CNAME chain and NS in parallel, through the injected resolver. */
import type { LookupError } from '../contract';
import { formatIp, parseIp } from '../net/ip';
import { runtimeFor } from './runtime';
import { LookupFailure, type DnsType, type LookupDeps } from './types';

export const MAX_CNAME_DEPTH = 8;
const DNS_TTL_MS = 5 * 60 * 1000;
const MAX_ANSWERS = 32;

export interface DnsFacts {
  addresses: string[];
  /** CNAME targets after the queried name, in chain order. */
  cnames: string[];
  nameservers: string[];
  errors: LookupError[];
}

function dnsError(e: unknown, name: string, type: DnsType): LookupError {
  const msg = e instanceof Error ? e.message : String(e);
  // A resolver that knows what went wrong says so with a LookupFailure; others only leave a message.
  const kind = e instanceof LookupFailure ? e.kind : /time(d)?\s?out|ETIMEOUT/i.test(msg) ? 'timeout' : 'unavailable';
  return { step: 'dns', kind, message: `DNS ${type} query for ${name} failed: ${msg}` };
}

async function query(deps: LookupDeps, name: string, type: DnsType, errors: LookupError[]): Promise<string[]> {
  const rt = runtimeFor(deps);
  const key = `${type} ${name}`;
  const cached = await rt.cache.get<string[]>('dns', key);
  if (cached) return cached;
  try {
    const raw = await deps.resolve(name, type);
    const answers = (Array.isArray(raw) ? raw : [])
      .filter((x): x is string => typeof x === 'string')
      .slice(0, MAX_ANSWERS);
    await rt.cache.set('dns', key, answers, DNS_TTL_MS);
    return answers;
  } catch (e) {
    errors.push(dnsError(e, name, type));
    return [];
  }
}

const canonIps = (list: string[]) =>
  list
    .map((s) => parseIp(s.trim()))
    .filter((p) => p !== null)
    .map((p) => formatIp(p));

const cleanName = (s: string) => s.trim().toLowerCase().replace(/\.$/, '');

/**
 * `onAddresses` fires as each of A / AAAA answers, so a caller can start work that must wait for
 * "is there a public address?" without waiting for the slower of the two.
 */
export async function resolveHost(
  deps: LookupDeps,
  hostname: string,
  zone: string | null,
  onAddresses?: (ips: string[]) => void,
): Promise<DnsFacts> {
  const errors: LookupError[] = [];
  const addrQuery = (name: string, type: 'A' | 'AAAA') =>
    query(deps, name, type, errors).then((r) => {
      const ips = canonIps(r);
      if (ips.length) onAddresses?.(ips);
      return ips;
    });

  const chainP = (async () => {
    const chain: string[] = [];
    const seen = new Set([hostname]);
    let current = hostname;
    for (let i = 0; i < MAX_CNAME_DEPTH; i++) {
      const next = (await query(deps, current, 'CNAME', errors)).map(cleanName)[0];
      if (!next) break;
      if (seen.has(next)) {
        errors.push({ step: 'dns', kind: 'invalid_response', message: `CNAME loop at ${next}.` });
        break;
      }
      seen.add(next);
      chain.push(next);
      current = next;
    }
    if (chain.length >= MAX_CNAME_DEPTH)
      errors.push({ step: 'dns', kind: 'invalid_response', message: `CNAME chain longer than ${MAX_CNAME_DEPTH}.` });
    return chain;
  })();

  const [v4, v6, nameservers] = await Promise.all([
    addrQuery(hostname, 'A'),
    addrQuery(hostname, 'AAAA'),
    query(deps, zone ?? hostname, 'NS', errors).then((r) => r.map(cleanName)),
  ]);
  let addresses = [...new Set([...v4, ...v6])];
  const cnames = await chainP;
  if (addresses.length === 0 && cnames.length > 0) {
    // A resolver that does not chase CNAMEs: ask for the end of the chain.
    const end = cnames[cnames.length - 1]!;
    const [a, aaaa] = await Promise.all([addrQuery(end, 'A'), addrQuery(end, 'AAAA')]);
    addresses = [...new Set([...a, ...aaaa])];
  }
  return { addresses, cnames, nameservers, errors };
}
