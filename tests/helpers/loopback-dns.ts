/**
 * Loopback DNS server for tests and benchmarks: UDP and TCP on 127.0.0.1, answers built with dns-packet.
 *
 *   const dns = await startLoopbackDns({ zone: FIXTURE_ZONE });
 *   process.env.TAKEDOWN_DNS_SERVERS = dns.server;           // "127.0.0.1:<port>"
 *   dns.addFault({ name: 'slow.test', fault: 'timeout' });   // never answers
 *   dns.count('pirate-site.test', 'A');                       // queries seen
 *   await dns.close();
 *
 * Zone data: `{ 'host.test': { A, AAAA, CNAME, NS, TXT, nxdomain } }`. Keys are case-insensitive, without the
 * trailing dot; `*.suffix` keys match any deeper name (used for Team Cymru prefixes and bulk hosts).
 * A name with a CNAME answers A/AAAA/TXT queries with the CNAME plus the target's records (as a recursive
 * resolver would). An unknown name is NXDOMAIN; a known name without the asked type is NODATA (NOERROR, empty).
 * Records are served with TTL 0 by default so c-ares' query cache in the client never hides faults or counts.
 *
 * Faults, matched in order: `timeout` (drop the query), `servfail`, `refused`, `nxdomain`; optionally limited to
 * `times` matches. Latency: a number of ms or a function of the question, applied before answering.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import * as dnsPacket from 'dns-packet';

export type DnsType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'TXT';
export interface ZoneEntry {
  A?: string[];
  AAAA?: string[];
  CNAME?: string;
  NS?: string[];
  /** Each string is one TXT record; an array of strings is one record split into chunks. */
  TXT?: Array<string | string[]>;
  nxdomain?: boolean;
}
export type Zone = Record<string, ZoneEntry>;

export type DnsFaultKind = 'timeout' | 'servfail' | 'refused' | 'nxdomain';
export interface DnsFault {
  /** Exact name (case-insensitive) or a pattern; omitted = every name. */
  name?: string | RegExp;
  type?: string;
  fault: DnsFaultKind;
  /** Apply to this many matching queries, then stop; omitted = forever. */
  times?: number;
}

export interface LoopbackDnsOptions {
  zone?: Zone;
  latencyMs?: number | ((q: { name: string; type: string }) => number);
  faults?: DnsFault[];
  ttl?: number;
  /** Also listen on TCP (same port). Default true. */
  tcp?: boolean;
}

export interface LoopbackDns {
  port: number;
  /** "127.0.0.1:<port>", ready for TAKEDOWN_DNS_SERVERS or Resolver.setServers(). */
  server: string;
  zone: Zone;
  /** Every query seen, in order (lower-case name, type, transport). */
  queries: Array<{ name: string; type: string; transport: 'udp' | 'tcp' }>;
  count(name?: string, type?: string): number;
  addFault(fault: DnsFault): void;
  clearFaults(): void;
  setLatency(latency: LoopbackDnsOptions['latencyMs']): void;
  reset(): void;
  close(): Promise<void>;
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

function norm(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

export function findEntry(zone: Zone, name: string): ZoneEntry | undefined {
  const n = norm(name);
  if (zone[n]) return zone[n];
  const labels = n.split('.');
  for (let i = 1; i < labels.length; i++) {
    const wild = zone[`*.${labels.slice(i).join('.')}`];
    if (wild) return wild;
  }
  return undefined;
}

export async function startLoopbackDns(opts: LoopbackDnsOptions = {}): Promise<LoopbackDns> {
  const zone: Zone = {};
  for (const [k, v] of Object.entries(opts.zone ?? {})) zone[norm(k)] = v;
  const ttl = opts.ttl ?? 0;
  let faults: Array<DnsFault & { used: number }> = (opts.faults ?? []).map((f) => ({ ...f, used: 0 }));
  let latency = opts.latencyMs;
  const queries: LoopbackDns['queries'] = [];

  function matchFault(name: string, type: string): DnsFaultKind | null {
    for (const f of faults) {
      if (f.times !== undefined && f.used >= f.times) continue;
      if (f.type && f.type !== type) continue;
      if (f.name !== undefined && (typeof f.name === 'string' ? norm(f.name) !== name : !f.name.test(name))) continue;
      f.used++;
      return f.fault;
    }
    return null;
  }

  function answersFor(name: string, type: string, depth = 0): { rcode: number; answers: dnsPacket.Answer[] } {
    const entry = findEntry(zone, name);
    if (!entry || entry.nxdomain) return { rcode: RCODE.NXDOMAIN, answers: [] };
    if (entry.CNAME && type !== 'CNAME' && type !== 'NS' && depth < 8) {
      const cname: dnsPacket.Answer = { type: 'CNAME', name, ttl, class: 'IN', data: entry.CNAME };
      const next = answersFor(norm(entry.CNAME), type, depth + 1);
      return { rcode: next.rcode === RCODE.NXDOMAIN ? RCODE.NOERROR : next.rcode, answers: [cname, ...next.answers] };
    }
    const base = { name, ttl, class: 'IN' as const };
    switch (type) {
      case 'A':
        return { rcode: 0, answers: (entry.A ?? []).map((data) => ({ ...base, type: 'A' as const, data })) };
      case 'AAAA':
        return { rcode: 0, answers: (entry.AAAA ?? []).map((data) => ({ ...base, type: 'AAAA' as const, data })) };
      case 'CNAME':
        return { rcode: 0, answers: entry.CNAME ? [{ ...base, type: 'CNAME', data: entry.CNAME }] : [] };
      case 'NS':
        return { rcode: 0, answers: (entry.NS ?? []).map((data) => ({ ...base, type: 'NS' as const, data })) };
      case 'TXT':
        return {
          rcode: 0,
          answers: (entry.TXT ?? []).map((t) => ({
            ...base,
            type: 'TXT' as const,
            data: typeof t === 'string' ? [t] : t,
          })),
        };
      default:
        return { rcode: 0, answers: [] };
    }
  }

  /** Resolves to the encoded reply, or null to stay silent. */
  async function handle(buf: Buffer, transport: 'udp' | 'tcp'): Promise<Buffer | null> {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(buf);
    } catch {
      return null;
    }
    const q = query.questions?.[0];
    if (!q) return null;
    const name = norm(q.name);
    queries.push({ name, type: q.type, transport });
    const delay = typeof latency === 'function' ? latency({ name, type: q.type }) : (latency ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const fault = matchFault(name, q.type);
    if (fault === 'timeout') return null;
    let rcode: number;
    let answers: dnsPacket.Answer[] = [];
    if (fault === 'servfail') rcode = RCODE.SERVFAIL;
    else if (fault === 'refused') rcode = RCODE.REFUSED;
    else if (fault === 'nxdomain') rcode = RCODE.NXDOMAIN;
    else ({ rcode, answers } = answersFor(name, q.type));
    return dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcode,
      questions: [q],
      answers,
    });
  }

  const udp = dgram.createSocket('udp4');
  udp.on('message', (msg, rinfo) => {
    void handle(msg, 'udp').then((reply) => {
      if (reply) udp.send(reply, rinfo.port, rinfo.address);
    });
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(0, '127.0.0.1', () => resolve());
  });
  const port = udp.address().port;

  const sockets = new Set<net.Socket>();
  let tcp: net.Server | null = null;
  if (opts.tcp !== false) {
    tcp = net.createServer((sock) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
      sock.on('error', () => sock.destroy());
      let pending = Buffer.alloc(0);
      sock.on('data', (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 2) {
          const len = pending.readUInt16BE(0);
          if (pending.length < 2 + len) break;
          const msg = pending.subarray(2, 2 + len);
          pending = pending.subarray(2 + len);
          void handle(Buffer.from(msg), 'tcp').then((reply) => {
            if (!reply || sock.destroyed) return;
            const head = Buffer.alloc(2);
            head.writeUInt16BE(reply.length);
            sock.write(Buffer.concat([head, reply]));
          });
        }
      });
    });
    // Same port number as UDP; if it is taken on TCP, run UDP-only rather than fail the test.
    await new Promise<void>((resolve) => {
      tcp!.once('error', () => {
        tcp = null;
        resolve();
      });
      tcp!.listen(port, '127.0.0.1', () => resolve());
    });
  }

  return {
    port,
    server: `127.0.0.1:${port}`,
    zone,
    queries,
    count(name, type) {
      const n = name === undefined ? undefined : norm(name);
      return queries.filter((q) => (n === undefined || q.name === n) && (type === undefined || q.type === type)).length;
    },
    addFault(fault) {
      faults.push({ ...fault, used: 0 });
    },
    clearFaults() {
      faults = [];
    },
    setLatency(l) {
      latency = l;
    },
    reset() {
      queries.length = 0;
      faults = [];
      latency = opts.latencyMs;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([
        new Promise<void>((r) => udp.close(() => r())),
        tcp ? new Promise<void>((r) => tcp!.close(() => r())) : Promise.resolve(),
      ]);
    },
  };
}
