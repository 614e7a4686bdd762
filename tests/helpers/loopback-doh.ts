/**
 * Loopback DNS-over-HTTPS server for tests and benchmarks: an HTTP front on 127.0.0.1 for a loopback DNS server
 * (loopback-dns.ts), so DoH answers come from the same fixture zone, with the same faults and latency.
 *
 *   const dns = await startLoopbackDns({ zone: fixtureZone() });
 *   const doh = await startLoopbackDoh({ upstream: dns });
 *   doh.jsonUrl   // http://127.0.0.1:<port>/resolve     JSON API (Google/Cloudflare application/dns-json shape)
 *   doh.wireUrl   // http://127.0.0.1:<port>/dns-query   RFC 8484 GET ?dns= and POST application/dns-message
 *   doh.count()   // DoH requests seen
 *   await doh.close();
 *
 * Every answer carries `Access-Control-Allow-Origin: *`, as public DoH resolvers send, unless `cors: false`.
 */
import dgram from 'node:dgram';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { LoopbackDns } from './loopback-dns';

export interface LoopbackDoh {
  port: number;
  origin: string;
  jsonUrl: string;
  wireUrl: string;
  requests: Array<{ format: 'json' | 'wire'; name: string; type: string }>;
  count(format?: 'json' | 'wire'): number;
  close(): Promise<void>;
}

const TYPE_CODES: Record<string, number> = { A: 1, NS: 2, CNAME: 5, TXT: 16, AAAA: 28 };
const RCODES: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };

/** Sends one query to the loopback DNS server over UDP; resolves to the raw reply, or null after timeoutMs. */
function askUpstream(upstreamPort: number, query: Buffer, timeoutMs: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const done = (reply: Buffer | null) => {
      clearTimeout(timer);
      sock.close();
      resolve(reply);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    sock.once('message', (msg) => done(msg));
    sock.once('error', () => done(null));
    sock.send(query, upstreamPort, '127.0.0.1');
  });
}

/** Presentation format of TXT strings, as Cloudflare's JSON API prints them: each string quoted, escapes for " and \. */
function txtPresentation(chunks: Array<Buffer | string>): string {
  return chunks.map((c) => `"${String(c).replace(/["\\]/g, (m) => `\\${m}`)}"`).join(' ');
}

function toJson(reply: dnsPacket.DecodedPacket): unknown {
  const rcode = RCODES[(reply as { rcode?: string }).rcode ?? 'NOERROR'] ?? 2;
  const q = reply.questions?.[0];
  const answers = (reply.answers ?? []).map((a) => {
    const data = (a as { data: unknown }).data;
    const text =
      a.type === 'TXT'
        ? txtPresentation(Array.isArray(data) ? data : [data as Buffer])
        : a.type === 'CNAME' || a.type === 'NS'
          ? `${String(data)}.`
          : String(data);
    return { name: `${a.name}.`, type: TYPE_CODES[a.type] ?? 0, TTL: (a as { ttl?: number }).ttl ?? 0, data: text };
  });
  return {
    Status: rcode,
    TC: false,
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: q ? [{ name: `${q.name}.`, type: TYPE_CODES[q.type] ?? 0 }] : [],
    ...(answers.length ? { Answer: answers } : {}),
  };
}

export async function startLoopbackDoh(opts: {
  upstream: LoopbackDns;
  cors?: boolean;
  timeoutMs?: number;
}): Promise<LoopbackDoh> {
  const cors = opts.cors === false ? {} : { 'access-control-allow-origin': '*' };
  const timeoutMs = opts.timeoutMs ?? 3000;
  const requests: LoopbackDoh['requests'] = [];

  async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const fail = (status: number, text: string) => {
        res.writeHead(status, { 'content-type': 'text/plain', ...cors });
        res.end(text);
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...cors,
          'access-control-allow-headers': 'accept, content-type',
          'access-control-allow-methods': 'GET, POST',
        });
        return res.end();
      }
      let query: Buffer;
      let format: 'json' | 'wire';
      if (url.pathname === '/resolve') {
        format = 'json';
        const name = url.searchParams.get('name') ?? '';
        const type = (url.searchParams.get('type') ?? 'A').toUpperCase();
        if (!name || !(type in TYPE_CODES)) return fail(400, 'bad question');
        query = dnsPacket.encode({
          type: 'query',
          id: 1,
          flags: dnsPacket.RECURSION_DESIRED,
          questions: [{ type: type as 'A', name, class: 'IN' }],
        });
      } else if (url.pathname === '/dns-query') {
        format = 'wire';
        const param = url.searchParams.get('dns');
        query = req.method === 'POST' ? await readBody(req) : Buffer.from(param ?? '', 'base64url');
        if (query.length < 12) return fail(400, 'bad dns message');
      } else return fail(404, 'not found');
      let question: dnsPacket.Question | undefined;
      try {
        question = dnsPacket.decode(query).questions?.[0];
      } catch {
        return fail(400, 'bad dns message');
      }
      requests.push({ format, name: (question?.name ?? '').toLowerCase(), type: question?.type ?? '' });
      const reply = await askUpstream(opts.upstream.port, query, timeoutMs);
      if (!reply) return fail(504, 'upstream timeout');
      if (format === 'wire') {
        res.writeHead(200, { 'content-type': 'application/dns-message', 'content-length': reply.length, ...cors });
        return res.end(reply);
      }
      res.writeHead(200, { 'content-type': 'application/dns-json', ...cors });
      res.end(JSON.stringify(toJson(dnsPacket.decode(reply))));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, cors);
      res.end();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    jsonUrl: `${origin}/resolve`,
    wireUrl: `${origin}/dns-query`,
    requests,
    count: (format) => requests.filter((r) => format === undefined || r.format === format).length,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
