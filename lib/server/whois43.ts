/**
 * Port-43 WHOIS (RFC 3912) for what RDAP does not cover: ccTLDs without RDAP (.cn, .ru, .to, …) and RIR records
 * whose RDAP lacks an abuse e-mail (AFRINIC, registro.br; docs/rdap-quirks.md §4). Only the transport lives here, in lib/server,
 * because it needs node:net sockets and the SSRF-vetting resolver (safe-lookup.ts), which no browser has: the
 * server choice, referrals, parsing and caching are lib/whois/client.ts, with the rest of the WHOIS code.
 */
import net, { type LookupFunction } from 'node:net';
import { isPublicIp, parseIp } from '../net/ip';
import { LookupFailure, type LookupCache } from '../lookup';
import { createWhoisClient, type WhoisFn } from '../whois/client';
import { createSafeLookup } from './safe-lookup';

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

function splitHostPort(target: string): { host: string; port: number } {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(target) ?? /^([^:]+)(?::(\d+))?$/.exec(target);
  if (!m) return { host: target, port: 43 };
  return { host: m[1] ?? target, port: m[2] ? Number(m[2]) : 43 };
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
  function targetOf(server: string) {
    const routed = opts.route?.[server] ?? opts.route?.['*'];
    if (routed) return { ...splitHostPort(routed), routed: true };
    return { host: server, port: opts.port ?? 43, routed: false, lookup: opts.lookup };
  }
  return createWhoisClient(
    {
      async exchange(server, query) {
        const target = targetOf(server);
        if (!target.routed) {
          const ip = parseIp(target.host);
          if (ip && !isPublicIp(target.host))
            throw new LookupFailure('whois', 'private_target', `WHOIS referral to non-public ${target.host} refused`);
        }
        return (await whoisExchange(target, query, limits)).bytes;
      },
      sameRoute: (a, b) => targetOf(a).routed === targetOf(b).routed,
    },
    { cache: opts.cache },
  );
}
