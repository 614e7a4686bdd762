/**
 * Port-43 WHOIS client (RFC 3912) for what RDAP does not cover: ccTLDs without RDAP (.cn, .ru, .to, …) and
 * RIR records whose RDAP lacks an abuse e-mail (AFRINIC, registro.br; rdap.md §4). Server choice: a built-in
 * table, else IANA's "refer:"; then one registrar hop ("Registrar WHOIS Server:").
 */
import net from 'node:net';
import { lookup as dnsLookup } from 'node:dns';
import { isPublicIp, parseIp } from '../net/ip';
import { LookupFailure, type WhoisRecord } from '../lookup/types';
import { parseWhois } from '../whois/parse';
import { whoisReferral } from '../whois/referral';

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
export const RIR_WHOIS_SERVERS = ['whois.arin.net', 'whois.ripe.net', 'whois.apnic.net', 'whois.lacnic.net', 'whois.afrinic.net', 'whois.registro.br'];
const IANA = 'whois.iana.org';

export interface WhoisClientOptions {
  /** Server name → "host:port" to connect to instead; "*" catches every other name (TAKEDOWN_WHOIS_SERVER). */
  route?: Record<string, string>;
  connectTimeoutMs?: number;
  /** Whole exchange with one server. */
  timeoutMs?: number;
  maxBytes?: number;
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
    const fallback = server.endsWith('.cn') || server.endsWith('.tw') || server.endsWith('.hk') ? 'gb18030' : 'windows-1252';
    return new TextDecoder(fallback).decode(bytes);
  }
}

/** One port-43 exchange. Throws LookupFailure (step "whois") on refusal, reset or timeout; truncates at maxBytes. */
export function whoisExchange(
  target: { host: string; port: number; routed: boolean },
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
      // A referral must not steer the backend at an internal address (SSRF); routed test servers are exempt.
      lookup: target.routed
        ? undefined
        : (hostname, options, cb) =>
            dnsLookup(hostname, { ...options, all: false }, (err, address, family) => {
              if (!err && typeof address === 'string' && !isPublicIp(address)) return cb(new Error(`refusing non-public address ${address}`), '', 4);
              cb(err, address, family);
            }),
    });
    const connectTimer = setTimeout(() => finish(new LookupFailure('whois', 'timeout', `WHOIS ${target.host}: connect timed out`)), opts.connectTimeoutMs);
    const totalTimer = setTimeout(() => finish(new LookupFailure('whois', 'timeout', `WHOIS ${target.host}: no complete answer in ${opts.timeoutMs} ms`)), opts.timeoutMs);
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
    const closed = () => finish(size > 0 ? null : new LookupFailure('whois', 'unavailable', `WHOIS ${target.host}: closed without an answer`));
    sock.once('end', closed);
    sock.once('close', closed);
    sock.once('error', (e) => finish(new LookupFailure('whois', 'unavailable', `WHOIS ${target.host}: ${e.message}`)));
  });
}

function merge(registry: WhoisRecord, registrar: WhoisRecord): WhoisRecord {
  return {
    server: registrar.server,
    registrar: registrar.registrar ?? registry.registrar,
    registrarUrl: registrar.registrarUrl ?? registry.registrarUrl,
    abuseEmails: [...new Set([...registrar.abuseEmails, ...registry.abuseEmails])],
    abusePhone: registrar.abusePhone ?? registry.abusePhone ?? null,
    registrantOrg: registrar.registrantOrg ?? registry.registrantOrg,
    country: registrar.country ?? registry.country,
    range: registry.range ?? null,
    networkName: registry.networkName ?? null,
    raw: `${registry.raw ?? ''}\n\n${registrar.raw ?? ''}`,
  };
}

export function createWhois(opts: WhoisClientOptions = {}): WhoisFn {
  const limits = { connectTimeoutMs: opts.connectTimeoutMs ?? 3000, timeoutMs: opts.timeoutMs ?? 8000, maxBytes: opts.maxBytes ?? 256 * 1024 };
  const referrals = new Map<string, string | null>();

  function targetOf(server: string) {
    const routed = opts.route?.[server] ?? opts.route?.['*'];
    if (routed) return { ...splitHostPort(routed), routed: true };
    return { host: server, port: 43, routed: false };
  }

  async function ask(server: string, query: string): Promise<string> {
    const target = targetOf(server);
    if (!target.routed) {
      const ip = parseIp(target.host);
      if (ip && !isPublicIp(target.host)) throw new LookupFailure('whois', 'private-target', `WHOIS referral to non-public ${target.host} refused`);
    }
    const { bytes } = await whoisExchange(target, query, limits);
    return decodeWhois(bytes, server);
  }

  /** IANA referral per TLD / per IPv4 /8 or IPv6 /16, remembered for the process lifetime. */
  async function ianaReferral(key: string): Promise<string | null> {
    if (referrals.has(key)) return referrals.get(key)!;
    const ref = whoisReferral(await ask(IANA, key));
    referrals.set(key, ref);
    return ref;
  }

  return async (rawQuery, kind) => {
    const query = String(rawQuery).trim().toLowerCase().replace(/\.$/, '');
    if (!query || query.length > 253 || /[\s\r\n]/.test(query)) throw new LookupFailure('whois', 'invalid-input', 'WHOIS query must be one domain or address');
    let server: string | null;
    if (kind === 'ip') {
      const ip = parseIp(query);
      if (!ip) throw new LookupFailure('whois', 'invalid-input', `not an IP address: ${query}`);
      if (!isPublicIp(query)) throw new LookupFailure('whois', 'private-target', `${query} is not a public address`);
      server = await ianaReferral(query);
    } else {
      const tld = query.split('.').pop()!;
      server = TLD_WHOIS_SERVERS[tld] ?? (await ianaReferral(tld));
    }
    if (!server) return null;
    const text = await ask(server, query);
    const record = parseWhois(text, server);
    const empty = !record.registrar && record.abuseEmails.length === 0 && !record.registrantOrg && !record.range;
    if (empty && NO_MATCH.test(text)) return null;
    if (kind !== 'domain') return record;
    const next = whoisReferral(text);
    if (!next || next === server || targetOf(next).routed !== targetOf(server).routed) return record;
    // One registrar hop; a failing registrar server still leaves the registry's answer.
    try {
      return merge(record, parseWhois(await ask(next, query), next));
    } catch {
      return record;
    }
  };
}
