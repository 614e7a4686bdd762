import { Resolver } from 'node:dns/promises';
import { LookupFailure } from '../lookup';

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'TXT';
/** The `resolve` dependency of the lookup core: [] for NXDOMAIN/NODATA, throws LookupFailure (step "dns") on failure. */
export type ResolveFn = (name: string, type: DnsRecordType) => Promise<string[]>;

export interface ResolverOptions {
  /** host[:port] entries ("127.0.0.1:5353", "[::1]:53"); omitted = the system resolvers. */
  servers?: string[];
  timeoutMs?: number;
}

const EMPTY_CODES = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME']);
const TIMEOUT_CODES = new Set(['ETIMEOUT', 'ETIMEDOUT', 'ECANCELLED']);

/** Maps node:dns error codes onto the kinds the lookup reports in `errors[]`. */
function toFailure(err: unknown, name: string, type: DnsRecordType): LookupFailure & { code: string } {
  const code = (err as { code?: string })?.code ?? 'UNKNOWN';
  const kind = TIMEOUT_CODES.has(code) ? 'timeout' : code === 'EBADNAME' ? 'invalid_input' : 'unavailable';
  const why =
    code === 'ESERVFAIL'
      ? 'server failure (SERVFAIL)'
      : code === 'EREFUSED'
        ? 'query refused'
        : TIMEOUT_CODES.has(code)
          ? 'timed out (ETIMEOUT)'
          : code;
  return Object.assign(new LookupFailure('dns', kind, `DNS ${type} ${name}: ${why}`), { code });
}

export function createResolver(opts: ResolverOptions = {}): ResolveFn {
  const timeoutMs = opts.timeoutMs ?? 3000;
  // Two tries split the budget so one lost UDP datagram does not fail the lookup.
  const resolver = new Resolver({ timeout: Math.max(50, Math.floor(timeoutMs / 2)), tries: 2 });
  if (opts.servers?.length) resolver.setServers(opts.servers);

  async function query(name: string, type: DnsRecordType): Promise<string[]> {
    switch (type) {
      case 'A':
        return resolver.resolve4(name);
      case 'AAAA':
        return resolver.resolve6(name);
      case 'CNAME':
        return (await resolver.resolveCname(name)).slice(0, 1);
      case 'NS':
        return resolver.resolveNs(name);
      case 'TXT':
        return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
    }
  }

  return async (name, type) => {
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), timeoutMs + 100);
    });
    try {
      return await Promise.race([query(name, type), guard]);
    } catch (err) {
      if (EMPTY_CODES.has((err as { code?: string })?.code ?? '')) return [];
      throw toFailure(err, name, type);
    } finally {
      clearTimeout(timer);
    }
  };
}
