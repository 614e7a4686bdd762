/**
 * The WHOIS client's logic, free of sockets: which server to ask (built-in table, else IANA's referral, cached), one
 * registrar hop for thin registries, parsing, and sharing identical queries in flight. The backend gives it a port-43
 * transport (lib/server/whois43.ts); tests can give it anything that answers bytes for a server and a query.
 */
import { isPublicIp, parseIp } from '../net/ip';
import { LookupFailure, type LookupCache, type WhoisRecord } from '../lookup';
import { decodeWhois } from './decode';
import { mergeWhoisRecords } from './merge';
import { parseWhois } from './parse';
import { whoisReferral } from './referral';
import { IANA_WHOIS, ianaBlockKey, TLD_WHOIS_SERVERS } from './servers';

export type WhoisFn = (query: string, kind: 'domain' | 'ip') => Promise<WhoisRecord | null>;

export interface WhoisTransport {
  /** One exchange with the named server; throws LookupFailure (step "whois") when it cannot answer. */
  exchange(server: string, query: string): Promise<Uint8Array>;
  /** Whether two server names reach the same kind of endpoint: a referral never leaves a test's loopback routing. */
  sameRoute(a: string, b: string): boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const REFERRAL_TTL = 7 * DAY;
const NO_MATCH = /^\s*(?:no match|not found|no entries found|no data found|no object found|%\s*no entries)/im;

export function createWhoisClient(
  transport: WhoisTransport,
  opts: { cache?: Pick<LookupCache, 'get' | 'set'> } = {},
): WhoisFn {
  const referrals = new Map<string, string | null>();
  /** Identical queries in flight share one exchange (200 subdomains of one .cn domain → one CNNIC query). */
  const inFlight = new Map<string, Promise<WhoisRecord | null>>();

  const ask = async (server: string, query: string) => decodeWhois(await transport.exchange(server, query), server);

  /** IANA referral per TLD, IPv4 /8 or IPv6 /32: kept for the process and a week in the persistent cache. */
  async function ianaReferral(key: string): Promise<string | null> {
    if (referrals.has(key)) return referrals.get(key)!;
    const stored = await opts.cache?.get<{ server: string | null }>('whois', `iana:${key}`);
    if (stored) {
      referrals.set(key, stored.server);
      return stored.server;
    }
    const ref = whoisReferral(await ask(IANA_WHOIS, key));
    referrals.set(key, ref);
    await opts.cache?.set('whois', `iana:${key}`, { server: ref }, REFERRAL_TTL);
    return ref;
  }

  async function run(query: string, kind: 'domain' | 'ip'): Promise<WhoisRecord | null> {
    let server: string | null;
    if (kind === 'ip') {
      server = await ianaReferral(ianaBlockKey(query)!);
    } else {
      const tld = query.split('.').pop()!;
      server = TLD_WHOIS_SERVERS[tld] ?? (await ianaReferral(tld));
    }
    if (!server) return null;
    const text = await ask(server, query);
    // The queried name anchors the parse, so look-alike records (old Verisign 'Server Name:' lists) are skipped.
    const record = parseWhois(text, server, kind === 'domain' ? query : null);
    const empty = !record.registrar && record.abuseEmails.length === 0 && !record.registrantOrg && !record.range;
    if (empty && NO_MATCH.test(text)) return null;
    if (kind !== 'domain') return record;
    const next = whoisReferral(text);
    if (!next || next === server || !transport.sameRoute(next, server)) return record;
    // One registrar hop; a failing registrar server still leaves the registry's answer.
    try {
      return mergeWhoisRecords(record, parseWhois(await ask(next, query), next, query));
    } catch {
      return record;
    }
  }

  return async (rawQuery, kind) => {
    const query = String(rawQuery).trim().toLowerCase().replace(/\.$/, '');
    if (!query || query.length > 253 || /[\s\r\n]/.test(query))
      throw new LookupFailure('whois', 'invalid_input', 'WHOIS query must be one domain or address');
    if (kind === 'ip') {
      if (!parseIp(query)) throw new LookupFailure('whois', 'invalid_input', `not an IP address: ${query}`);
      if (!isPublicIp(query)) throw new LookupFailure('whois', 'private_target', `${query} is not a public address`);
    }
    // Domains are cached here; IP answers are cached per network by the lookup, with the record they complete.
    const key = `${kind}:${query}`;
    if (kind === 'domain') {
      const stored = await opts.cache?.get<{ record: WhoisRecord | null }>('whois', key);
      if (stored) return stored.record;
    }
    const running = inFlight.get(key);
    if (running) return running;
    const task = run(query, kind).then(async (record) => {
      if (kind === 'domain') await opts.cache?.set('whois', key, { record }, DAY);
      return record;
    });
    inFlight.set(key, task);
    try {
      return await task;
    } finally {
      inFlight.delete(key);
    }
  };
}
