/**
 * DNS over HTTPS for the browser lookup mode: the `resolve` dependency of the lookup core, with the same contract
 * as the backend's node:dns resolver ([] for NXDOMAIN/NODATA, LookupFailure('dns') on failure). Two formats:
 * the JSON API (application/dns-json, Cloudflare and Google) and RFC 8484 wire format (application/dns-message),
 * encoded and decoded by dns-packet. A resolver that answers a public name with a private or reserved address is
 * filtering or lying (captive portals, "safe browsing" resolvers, DNS rebinding): its answer is reported, never
 * used, so such an address never reaches RDAP.
 */
import { Buffer } from 'buffer';
import * as dnsPacket from 'dns-packet';
import { z } from 'zod';
import { nonPublicReason, parseIp } from '../net/ip';
import { LookupFailure, type DnsType } from './types';

export type DohFormat = 'json' | 'wire';

export interface DohResolverOptions {
  /** The resolver's endpoint, e.g. https://cloudflare-dns.com/dns-query or https://dns.google/resolve. */
  url: string;
  format: DohFormat;
  fetch: typeof globalThis.fetch;
  timeoutMs?: number;
  /** Which endpoint URLs may be used; default https only. The test build also allows http on loopback. */
  allowUrl?: (url: URL) => boolean;
}

/** RR type numbers (RFC 1035, RFC 3596) as the JSON API reports them. */
const TYPE_CODES: Record<DnsType, number> = { A: 1, NS: 2, CNAME: 5, TXT: 16, AAAA: 28 };
const MAX_BODY_BYTES = 64 * 1024;
const MAX_ANSWERS = 64;

const DohJsonSchema = z.object({
  Status: z.number().int().min(0).max(65535),
  TC: z.boolean().optional(),
  Answer: z
    .array(
      z.object({
        name: z.string().max(300),
        type: z.number().int(),
        TTL: z.number().optional(),
        data: z.string().max(4096),
      }),
    )
    .max(MAX_ANSWERS)
    .optional(),
});

/** One answer record, whichever format carried it. */
interface Rr {
  name: string;
  type: DnsType | null;
  data: string;
}

const cleanName = (s: string) => s.trim().toLowerCase().replace(/\.$/, '');
const RCODE_TEXT: Record<number, string> = { 1: 'FORMERR', 2: 'SERVFAIL', 4: 'NOTIMP', 5: 'REFUSED' };

export function defaultDohAllowUrl(url: URL): boolean {
  return url.protocol === 'https:' && !url.username && !url.password;
}

/**
 * JSON TXT data is the presentation format: one or more quoted strings ("a" "b") with \" and \DDD escapes.
 * The strings of one record are joined, as node:dns resolveTxt chunks are joined on the backend.
 */
export function txtFromPresentation(data: string): string {
  const s = data.trim();
  if (!s.startsWith('"')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '"') {
      i++;
      continue;
    }
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\' && i + 1 < s.length) {
        const dec = /^\d{3}/.exec(s.slice(i + 1, i + 4));
        if (dec) {
          out += String.fromCharCode(Number(dec[0]));
          i += 4;
        } else {
          out += s[i + 1];
          i += 2;
        }
      } else out += s[i++];
    }
    i++;
  }
  return out;
}

const TYPE_BY_CODE = new Map(Object.entries(TYPE_CODES).map(([k, v]) => [v, k as DnsType]));

/** Parses a JSON API answer into records, or throws with the reason it is not usable. */
export function parseDohJson(json: unknown, origin: string): { rcode: number; answers: Rr[] } {
  const parsed = DohJsonSchema.safeParse(json);
  if (!parsed.success)
    throw new LookupFailure(
      'dns',
      'invalid_response',
      `The DNS-over-HTTPS resolver ${origin} sent an answer that is not DNS JSON.`,
    );
  const answers = (parsed.data.Answer ?? []).map((a) => {
    const type = TYPE_BY_CODE.get(a.type) ?? null;
    return { name: cleanName(a.name), type, data: type === 'TXT' ? txtFromPresentation(a.data) : a.data.trim() };
  });
  return { rcode: parsed.data.Status, answers };
}

const RCODE_BY_NAME: Record<string, number> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
};

/** Decodes an RFC 8484 answer with dns-packet; a packet it cannot decode is not trusted. */
export function parseDohWire(bytes: Uint8Array, origin: string): { rcode: number; answers: Rr[] } {
  let packet: dnsPacket.DecodedPacket;
  try {
    packet = dnsPacket.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new LookupFailure(
      'dns',
      'invalid_response',
      `The DNS-over-HTTPS resolver ${origin} sent a DNS message that does not decode.`,
    );
  }
  if (packet.type !== 'response')
    throw new LookupFailure(
      'dns',
      'invalid_response',
      `The DNS-over-HTTPS resolver ${origin} sent a query, not a response.`,
    );
  const rcodeName = (packet as { rcode?: string }).rcode ?? 'NOERROR';
  const answers: Rr[] = [];
  for (const a of (packet.answers ?? []).slice(0, MAX_ANSWERS)) {
    const type = (['A', 'AAAA', 'CNAME', 'NS', 'TXT'] as const).find((t) => t === a.type) ?? null;
    if (!type) continue;
    const raw = (a as { data: unknown }).data;
    const data =
      type === 'TXT'
        ? (Array.isArray(raw) ? raw : [raw])
            .map((c) => (typeof c === 'string' ? c : new TextDecoder().decode(c as Uint8Array)))
            .join('')
        : String(raw);
    answers.push({ name: cleanName(a.name), type, data });
  }
  return { rcode: RCODE_BY_NAME[rcodeName] ?? 2, answers };
}

/** The records the core asked for: addresses of the chain's end, the first CNAME target of the name itself. */
export function pickAnswers(name: string, type: DnsType, answers: Rr[]): string[] {
  const own = cleanName(name);
  if (type === 'CNAME') {
    const direct = answers.find((a) => a.type === 'CNAME' && a.name === own) ?? answers.find((a) => a.type === 'CNAME');
    return direct ? [cleanName(direct.data)] : [];
  }
  const list = answers.filter((a) => a.type === type).map((a) => (type === 'NS' ? cleanName(a.data) : a.data));
  return [...new Set(list)];
}

/** Throws when a resolver answers a public name with an address nobody can host a public site on. */
export function refuseLyingAnswer(name: string, type: DnsType, answers: string[], origin: string): void {
  if (type !== 'A' && type !== 'AAAA') return;
  for (const ip of answers) {
    const parsed = parseIp(ip);
    if (!parsed)
      throw new LookupFailure(
        'dns',
        'invalid_response',
        `The DNS-over-HTTPS resolver ${origin} answered ${name} with "${ip.slice(0, 60)}", which is not an address.`,
      );
    const reason = nonPublicReason(parsed);
    if (reason)
      throw new LookupFailure(
        'dns',
        'unavailable',
        `The DNS-over-HTTPS resolver ${origin} answered the public name ${name} with ${ip} (${reason}). ` +
          'A resolver that ' +
          'does this is filtering or lying, so its answer is not used; choose another resolver in the options.',
      );
  }
}

async function readBody(res: Response, origin: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES)
    throw new LookupFailure(
      'dns',
      'invalid_response',
      `The DNS-over-HTTPS resolver ${origin} sent more than ${MAX_BODY_BYTES} bytes.`,
    );
  const buf = new Uint8Array(await res.arrayBuffer());
  if (buf.byteLength > MAX_BODY_BYTES)
    throw new LookupFailure(
      'dns',
      'invalid_response',
      `The DNS-over-HTTPS resolver ${origin} sent more than ${MAX_BODY_BYTES} bytes.`,
    );
  return buf;
}

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The request for one question; GET in both formats so an HTTP cache between here and the resolver can help. */
export function dohRequestUrl(endpoint: URL, format: DohFormat, name: string, type: DnsType): string {
  const u = new URL(endpoint.href);
  if (format === 'json') {
    u.searchParams.set('name', name);
    u.searchParams.set('type', type);
  } else {
    // RFC 8484 §4.1: id 0 keeps the GET cacheable; recursion desired, as a stub resolver asks.
    const query = dnsPacket.encode({
      type: 'query',
      id: 0,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ type, name, class: 'IN' }],
    });
    u.searchParams.set('dns', base64url(new Uint8Array(query)));
  }
  return u.href;
}

export function createDohResolver(opts: DohResolverOptions): (name: string, type: DnsType) => Promise<string[]> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  let endpoint: URL | null = null;
  try {
    endpoint = new URL(opts.url);
  } catch {
    endpoint = null;
  }
  const allowed = endpoint !== null && (opts.allowUrl ?? defaultDohAllowUrl)(endpoint);
  const origin = endpoint?.host ?? opts.url.slice(0, 100);
  const accept = opts.format === 'json' ? 'application/dns-json' : 'application/dns-message';

  return async (name, type) => {
    if (!endpoint || !allowed)
      throw new LookupFailure(
        'dns',
        'invalid_input',
        `The DNS-over-HTTPS resolver "${opts.url.slice(0, 200)}" is not an https:// URL; fix it in the options.`,
      );
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    let res: Response;
    try {
      res = await opts.fetch(dohRequestUrl(endpoint, opts.format, name, type), {
        headers: { accept },
        signal: ctrl.signal,
        credentials: 'omit',
        redirect: 'error',
      });
    } catch (e) {
      clearTimeout(timer);
      if (ctrl.signal.aborted)
        throw new LookupFailure(
          'dns',
          'timeout',
          `DNS ${type} ${name}: the DNS-over-HTTPS resolver ${origin} did not answer within ${timeoutMs} ms.`,
        );
      throw new LookupFailure(
        'dns',
        'unavailable',
        `DNS ${type} ${name}: the DNS-over-HTTPS resolver ${origin} could not be reached ` +
          `(${e instanceof Error ? e.message : String(e)}).`,
      );
    }
    try {
      if (res.status === 429)
        throw new LookupFailure(
          'dns',
          'rate_limited',
          `The DNS-over-HTTPS resolver ${origin} is limiting requests (HTTP 429).`,
        );
      if (!res.ok)
        throw new LookupFailure(
          'dns',
          'unavailable',
          `DNS ${type} ${name}: the DNS-over-HTTPS resolver ${origin} answered HTTP ${res.status}.`,
        );
      const body = await readBody(res, origin);
      let parsed: { rcode: number; answers: Rr[] };
      if (opts.format === 'wire') parsed = parseDohWire(body, origin);
      else {
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder().decode(body));
        } catch {
          throw new LookupFailure(
            'dns',
            'invalid_response',
            `The DNS-over-HTTPS resolver ${origin} sent an answer that is not JSON.`,
          );
        }
        parsed = parseDohJson(json, origin);
      }
      // NXDOMAIN is an answer ("no such name"), like ENOTFOUND on the backend.
      if (parsed.rcode === 3) return [];
      if (parsed.rcode !== 0)
        throw new LookupFailure(
          'dns',
          'unavailable',
          `DNS ${type} ${name}: the DNS-over-HTTPS resolver ${origin} answered ` +
            `${RCODE_TEXT[parsed.rcode] ?? `rcode ${parsed.rcode}`}.`,
        );
      const answers = pickAnswers(name, type, parsed.answers);
      refuseLyingAnswer(name, type, answers, origin);
      return answers;
    } catch (e) {
      if (e instanceof LookupFailure) throw e;
      if (ctrl.signal.aborted)
        throw new LookupFailure(
          'dns',
          'timeout',
          `DNS ${type} ${name}: the DNS-over-HTTPS resolver ${origin} did not answer within ${timeoutMs} ms.`,
        );
      throw new LookupFailure('dns', 'unavailable', `DNS ${type} ${name}: reading the answer from ${origin} failed.`);
    } finally {
      clearTimeout(timer);
    }
  };
}
