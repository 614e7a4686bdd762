/**
 * Port-43 WHOIS client (RFC 3912) for what RDAP does not cover: ccTLDs without RDAP (.cn, .ru, .to, …) and
 * RIR records whose RDAP lacks an abuse e-mail (AFRINIC, registro.br; rdap.md §4). Server choice: a built-in
 * table, else IANA's "refer:"; then one registrar hop ("Registrar WHOIS Server:").
 */
import net, { type LookupFunction } from 'node:net';
import { isPublicIp, parseIp } from '../net/ip';
import { LookupFailure, type LookupCache, type WhoisRecord } from '../lookup';
import { createSafeLookup } from './safe-lookup';
import { parseWhois } from '../whois/parse';
import { whoisReferral } from '../whois/referral';
import { mergeWhoisRecords } from '../whois/merge';

/** ccTLDs that pirate sites favour and that have no RDAP service in the IANA bootstrap, plus a few common gTLDs. */
export const TLD_WHOIS_SERVERS: Record<string, string> = {
  cn: 'whois.cnnic.cn',
  ru: 'whois.tcinet.ru',
  su: 'whois.tcinet.ru',
  'xn--p1ai': 'whois.tcinet.ru',
  to: 'whois.tonic.to',
  cc: 'ccwhois.verisign-grs.com',
  tv: 'tvwhois.verisign-grs.com',
  io: 'whois.nic.io',
  me: 'whois.nic.me',
  ws: 'whois.website.ws',
  la: 'whois.nic.la',
  ly: 'whois.nic.ly',
  sx: 'whois.sx',
  is: 'whois.isnic.is',
  pw: 'whois.nic.pw',
  co: 'whois.nic.co',
  in: 'whois.registry.in',
  de: 'whois.denic.de',
  jp: 'whois.jprs.jp',
  kr: 'whois.kr',
  hk: 'whois.hkirc.hk',
  tw: 'whois.twnic.net.tw',
  br: 'whois.registro.br',
  com: 'whois.verisign-grs.com',
  net: 'whois.verisign-grs.com',
  org: 'whois.pir.org',
};
export const RIR_WHOIS_SERVERS = [
  'whois.arin.net',
  'whois.ripe.net',
  'whois.apnic.net',
  'whois.lacnic.net',
  'whois.afrinic.net',
  'whois.registro.br',
];
const IANA = 'whois.iana.org';

export interface WhoisClientOptions {
  /** Server name → "host:port" to connect to instead; "*" catches every other name (TAKEDOWN_WHOIS_SERVER). */
  route?: Record<string, string>;
  connectTimeoutMs?: number;
  /** Whole exchange with one server. */
  timeoutMs?: number;
  maxBytes?: number;
  /** How unrouted server names are resolved and vetted (safe-lookup.ts); tests inject a loopback answer. */
  lookup?: LookupFunction;
  /** Port for unrouted servers: 43, except in the test that drives the unrouted path against loopback. */
  port?: number;
  /** Persistent cache (the SQLite lookup cache): domain answers and IANA referrals survive restarts. */
  cache?: Pick<LookupCache, 'get' | 'set'>;
}

const DAY = 24 * 60 * 60 * 1000;
const REFERRAL_TTL = 7 * DAY;

/** IANA delegates IPv4 by /8 and IPv6 in blocks no smaller than /32 (under 2001::/16, /23s): one referral each. */
export function ianaBlockKey(ip: string): string | null {
  const p = parseIp(ip);
  if (!p) return null;
  const b = p.bytes;
  if (p.version === 4) return `${b[0]}.0.0.0`;
  const hex = (i: number) => ((b[i]! << 8) | b[i + 1]!).toString(16);
  return `${hex(0)}:${hex(2)}::`;
}

export type WhoisFn = (query: string, kind: 'domain' | 'ip') => Promise<WhoisRecord | null>;

const NO_MATCH = /^\s*(?:no match|not found|no entries found|no data found|no object found|%\s*no entries)/im;

function splitHostPort(target: string): { host: string; port: number } {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(target) ?? /^([^:]+)(?::(\d+))?$/.exec(target);
  if (!m) return { host: target, port: 43 };
  return { host: m[1] ?? target, port: m[2] ? Number(m[2]) : 43 };
}

/** UTF-8 first; CNNIC-era replies may be GB18030; anything else falls back to windows-1252 so nothing is lost. */
export function decodeWhois(bytes: Uint8Array, server: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const fallback =
      server.endsWith('.cn') || server.endsWith('.tw') || server.endsWith('.hk') ? 'gb18030' : 'windows-1252';
    return new TextDecoder(fallback).decode(bytes);
  }
}

/** One port-43 exchange. Throws LookupFailure (step "whois") on refusal, reset or timeout; truncates at maxBytes. */
const SAFE_LOOKUP = createSafeLookup();

export function whoisExchange(
  target: { host: string; port: number; routed: boolean; lookup?: LookupFunction },
  query: string,
  opts: { connectTimeoutMs: number; timeoutMs: number; maxBytes: number },
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: LookupFailure | null, truncated = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      sock.destroy();
      if (err) reject(err);
      else resolve({ bytes: new Uint8Array(Buffer.concat(chunks)), truncated });
    };
    const sock = net.connect({
      host: target.host,
      port: target.port,
      // A referral must not steer the backend at an internal address (SSRF): every address of the name is vetted
      // and the socket connects only to those (happy eyeballs asks for all of them). Routed test servers are exempt.
      lookup: target.routed ? undefined : (target.lookup ?? SAFE_LOOKUP),
    });
    const connectTimer = setTimeout(
      () => finish(new LookupFailure('whois', 'timeout', `WHOIS ${target.host}: connect timed out`)),
      opts.connectTimeoutMs,
    );
    const totalTimer = setTimeout(
      () =>
        finish(
          new LookupFailure('whois', 'timeout', `WHOIS ${target.host}: no complete answer in ${opts.timeoutMs} ms`),
        ),
      opts.timeoutMs,
    );
    sock.once('connect', () => {
      clearTimeout(connectTimer);
      sock.write(`${query}\r\n`);
    });
    sock.on('data', (d: Buffer) => {
      const room = opts.maxBytes - size;
      chunks.push(d.length > room ? d.subarray(0, room) : d);
      size += Math.min(d.length, room);
      if (size >= opts.maxBytes) finish(null, true);
    });
    const closed = () =>
      finish(
        size > 0 ? null : new LookupFailure('whois', 'unavailable', `WHOIS ${target.host}: closed without an answer`),
      );
    sock.once('end', closed);
    sock.once('close', closed);
    sock.once('error', (e) => finish(new LookupFailure('whois', 'unavailable', `WHOIS ${target.host}: ${e.message}`)));
  });
}

export function createWhois(opts: WhoisClientOptions = {}): WhoisFn {
  const limits = {
    connectTimeoutMs: opts.connectTimeoutMs ?? 3000,
    timeoutMs: opts.timeoutMs ?? 8000,
    maxBytes: opts.maxBytes ?? 256 * 1024,
  };
  const referrals = new Map<string, string | null>();
  /** Identical queries in flight share one exchange (200 subdomains of one .cn domain → one CNNIC query). */
  const inFlight = new Map<string, Promise<WhoisRecord | null>>();

  function targetOf(server: string) {
    const routed = opts.route?.[server] ?? opts.route?.['*'];
    if (routed) return { ...splitHostPort(routed), routed: true };
    return { host: server, port: opts.port ?? 43, routed: false, lookup: opts.lookup };
  }

  async function ask(server: string, query: string): Promise<string> {
    const target = targetOf(server);
    if (!target.routed) {
      const ip = parseIp(target.host);
      if (ip && !isPublicIp(target.host))
        throw new LookupFailure('whois', 'private-target', `WHOIS referral to non-public ${target.host} refused`);
    }
    const { bytes } = await whoisExchange(target, query, limits);
    return decodeWhois(bytes, server);
  }

  /** IANA referral per TLD, IPv4 /8 or IPv6 /32: kept for the process and a week in the persistent cache. */
  async function ianaReferral(key: string): Promise<string | null> {
    if (referrals.has(key)) return referrals.get(key)!;
    const stored = await opts.cache?.get<{ server: string | null }>('whois', `iana:${key}`);
    if (stored) {
      referrals.set(key, stored.server);
      return stored.server;
    }
    const ref = whoisReferral(await ask(IANA, key));
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
    if (!next || next === server || targetOf(next).routed !== targetOf(server).routed) return record;
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
      throw new LookupFailure('whois', 'invalid-input', 'WHOIS query must be one domain or address');
    if (kind === 'ip') {
      if (!parseIp(query)) throw new LookupFailure('whois', 'invalid-input', `not an IP address: ${query}`);
      if (!isPublicIp(query)) throw new LookupFailure('whois', 'private-target', `${query} is not a public address`);
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
