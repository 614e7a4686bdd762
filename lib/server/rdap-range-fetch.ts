/**
 * A fetch wrapper for RDAP IP queries that makes a batch cost one query per network, not one per /24.
 * The core's range cache only helps once a network is stored; during a batch, many addresses of the same
 * network are in flight at once. Here a query waits for an in-flight query to the same server for the same
 * /16 (IPv4) or /32 (IPv6); an answer whose start–end range contains a later address is replayed for it
 * (an RDAP ip network object answers for every address in its range), and a redirect seen for a range is
 * replayed as the same redirect. Everything else passes straight through.
 */
import { canonicalAddress, rangeContainsIp, rangeOf, type IpRange } from '../lookup/ip-range';
import { parseIp } from '../net/ip';

const IP_PATH = /^(.*\/)ip\/([^/?#]+)$/;
const DOMAIN_PATH = /\/domain\/[^/?#]+$/i;
const MAX_BODY = 1024 * 1024;

interface Memo {
  range: IpRange;
  expires: number;
  status: number;
  headers: [string, string][];
  body: string | null;
  /** For a replayed redirect: the other server's base URL. */
  redirectBase?: string;
}

async function readCapped(res: Response, max: number): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export function createRangeCoalescingFetch(inner: typeof fetch, opts: { now: () => Date; ttlMs?: number; maxEntries?: number }): typeof fetch {
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const maxEntries = opts.maxEntries ?? 300;
  const memo = new Map<string, Memo[]>();
  let count = 0;
  const inFlight = new Map<string, Promise<void>>();
  /** Redirect target URL → the base that redirected, so the target's range can be replayed as a redirect there. */
  const redirectedFrom = new Map<string, string>();

  function remember(base: string, m: Memo) {
    const list = memo.get(base) ?? [];
    list.push(m);
    memo.set(base, list);
    if (++count > maxEntries) {
      memo.clear();
      count = 0;
    }
  }

  function hit(base: string, ip: string): Memo | undefined {
    const t = opts.now().getTime();
    return memo.get(base)?.find((m) => m.expires > t && rangeContainsIp(m.range, ip));
  }

  function replay(m: Memo, base: string, addr: string, url: string): Response {
    if (m.redirectBase) return new Response(null, { status: 302, headers: { location: `${m.redirectBase}ip/${addr}` } });
    const res = new Response(m.body, { status: m.status, headers: m.headers });
    Object.defineProperty(res, 'url', { value: url });
    return res;
  }

  /**
   * Identical domain queries in flight (s1.google.com and s2.google.com → one google.com query) share one
   * answer. The body is read once and each caller gets its own Response: handing out clones of one tee'd
   * body would leave a cancel() waiting forever for the branch nobody reads.
   */
  interface Buffered {
    status: number;
    headers: [string, string][];
    url: string;
    body: string | null;
  }
  const sameUrlInFlight = new Map<string, Promise<Buffered>>();
  async function sameUrl(url: string, input: Parameters<typeof fetch>[0], init: Parameters<typeof fetch>[1]): Promise<Response> {
    let shared = sameUrlInFlight.get(url);
    if (!shared) {
      shared = inner(input, init).then(async (res) => ({
        status: res.status,
        headers: [...res.headers.entries()],
        url: res.url || url,
        body: await readCapped(res, MAX_BODY).catch(() => null),
      }));
      sameUrlInFlight.set(url, shared);
      shared.then(
        () => sameUrlInFlight.delete(url),
        () => sameUrlInFlight.delete(url),
      );
    }
    const b = await shared;
    const nullBody = b.status === 204 || b.status === 304 || (b.status >= 300 && b.status < 400 && b.body === '');
    const res = new Response(nullBody ? null : b.body, { status: b.status, headers: b.headers });
    Object.defineProperty(res, 'url', { value: b.url });
    return res;
  }

  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET');
    const m = IP_PATH.exec(url);
    const ip = m?.[2] ? parseIp(decodeURIComponent(m[2])) : null;
    if (method.toUpperCase() === 'GET' && DOMAIN_PATH.test(url)) return sameUrl(url, input, init);
    if (!m || !ip || method.toUpperCase() !== 'GET') return inner(input, init);
    const [, base = '', rawAddr = ''] = m;
    const addr = decodeURIComponent(rawAddr);
    const b = ip.bytes;
    const group = `${base}|${ip.version === 4 ? `${b[0]}.${b[1]}` : `${b[0]}:${b[1]}:${b[2]}:${b[3]}`}`;

    for (let i = 0; i < 3; i++) {
      const found = hit(base, addr);
      if (found) return replay(found, base, rawAddr, url);
      const running = inFlight.get(group);
      if (!running) break;
      await running;
    }

    let settle!: () => void;
    const gate = new Promise<void>((r) => (settle = r));
    inFlight.set(group, gate);
    try {
      const res = await inner(input, init);
      const expires = opts.now().getTime() + ttl;
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location');
        const target = location ? new URL(location, url) : null;
        const tm = target ? IP_PATH.exec(target.href) : null;
        if (tm && tm[1] !== base) redirectedFrom.set(target!.href, base);
        return res;
      }
      if (res.status !== 200) return res;
      const text = await readCapped(res.clone(), MAX_BODY).catch(() => null);
      if (text !== null) {
        try {
          const json = JSON.parse(text) as { startAddress?: unknown; endAddress?: unknown };
          const start = canonicalAddress(json.startAddress);
          const end = canonicalAddress(json.endAddress);
          const range = start && end ? rangeOf(start, end) : null;
          if (range && rangeContainsIp(range, addr)) {
            remember(base, { range, expires, status: 200, headers: [...res.headers.entries()], body: text });
            const from = redirectedFrom.get(url);
            if (from) remember(from, { range, expires, status: 302, headers: [], body: null, redirectBase: base });
          }
        } catch {
          // Not JSON: the core reports it; nothing to replay.
        }
      }
      return res;
    } finally {
      inFlight.delete(group);
      settle();
    }
  };
}
