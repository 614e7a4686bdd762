/**
 * A fetch wrapper for RDAP IP queries that makes a batch cost one query per network, not one per /24.
 * The core's range cache only helps once a network is stored; during a batch, many addresses of the same
 * network are in flight at once. Here a query waits for an in-flight query to the same server for the same
 * /16 (IPv4) or /32 (IPv6); an answer whose start–end range contains a later address is replayed for it
 * (an RDAP ip network object answers for every address in its range), and a registry's redirect for a block is
 * learned so later addresses in it go straight to the registry that holds them. Every body is read once, with
 * the size cap. Everything else passes straight through.
 */
import type { LookupStep } from '../contract';
import { canonicalAddress, LookupFailure, MAX_BODY_BYTES, rangeContainsIp, rangeOf, type IpRange } from '../lookup';
import { parseIp } from '../net/ip';

const IP_PATH = /^(.*\/)ip\/([^/?#]+)$/;
const DOMAIN_PATH = /\/domain\/[^/?#]+$/i;

interface Memo {
  range: IpRange;
  expires: number;
  status: number;
  headers: [string, string][];
  body: string | null;
}

/**
 * Reads a body once, with the cap. A body over the cap (declared or streamed) is refused with a LookupFailure the
 * RDAP client reports as invalid_response; the cancel is fired and never awaited, so a slow peer cannot hold us.
 * Bodies are never cloned: cancelling one branch of a tee'd body waits for the other branch, which nobody reads.
 */
export async function readBodyOnce(res: Response, max: number, step: LookupStep = 'rdap-ip'): Promise<string> {
  const tooLarge = () =>
    new LookupFailure(step, 'invalid_response', `Response from ${originOf(res.url)} is larger than ${max} bytes.`);
  const declared = Number(res.headers.get('content-length'));
  if (declared > max) {
    void res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the RDAP server';
  }
}

function buffered(status: number, headers: [string, string][], body: string | null, url: string): Response {
  const nullBody = status === 204 || status === 304 || (status >= 300 && status < 400 && !body);
  const res = new Response(nullBody ? null : body, { status, headers });
  Object.defineProperty(res, 'url', { value: url });
  return res;
}

export function createRangeCoalescingFetch(
  inner: typeof fetch,
  opts: { now: () => Date; ttlMs?: number; maxEntries?: number },
): typeof fetch {
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const maxEntries = opts.maxEntries ?? 300;
  const memo = new Map<string, Memo[]>();
  let count = 0;
  /** Group key → a flight that resolves true when it brought an answer (200 or a redirect), false otherwise. */
  const inFlight = new Map<string, Promise<boolean>>();
  /**
   * "base|block" → the registry that base redirected an address of the block to. RIRs redirect queries for space
   * they do not hold (ERX and legacy transfers moved whole class-B blocks), so later queries for the block are
   * answered here with the same redirect, without asking. A wrong guess costs one request: the other registry
   * redirects back and the rule is dropped.
   */
  const learned = new Map<string, { to: string; expires: number }>();

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
  async function sameUrl(
    url: string,
    input: Parameters<typeof fetch>[0],
    init: Parameters<typeof fetch>[1],
  ): Promise<Response> {
    let shared = sameUrlInFlight.get(url);
    if (!shared) {
      shared = inner(input, init).then(async (res) => ({
        status: res.status,
        headers: [...res.headers.entries()],
        url: res.url || url,
        body: await readBodyOnce(res, MAX_BODY_BYTES, 'rdap-domain'),
      }));
      sameUrlInFlight.set(url, shared);
      shared.then(
        () => sameUrlInFlight.delete(url),
        () => sameUrlInFlight.delete(url),
      );
    }
    const b = await shared;
    return buffered(b.status, b.headers, b.body, b.url);
  }

  async function ipQuery(url: string, base: string, rawAddr: string, init: RequestInit | undefined): Promise<Response> {
    const addr = decodeURIComponent(rawAddr);
    const ip = parseIp(addr)!;
    const b = ip.bytes;
    const block = ip.version === 4 ? `${b[0]}.${b[1]}` : `${b[0]}:${b[1]}:${b[2]}:${b[3]}`;
    const group = `${base}|${block}`;

    for (let i = 0; i < 3; i++) {
      const rule = learned.get(group);
      if (rule && rule.expires > opts.now().getTime()) {
        // Answered here, as the registry itself would: the client follows it (its breaker and budget apply there).
        return new Response(null, { status: 302, headers: { location: `${rule.to}ip/${rawAddr}` } });
      }
      const found = hit(base, addr);
      if (found) return buffered(found.status, found.headers, found.body, url);
      const running = inFlight.get(group);
      // A failed flight is not waited on again: its failure says nothing about this address, and waiting in
      // line behind a hanging registry is how one slow RIR stalled every lookup.
      if (!running || !(await running)) break;
    }

    let ok = false;
    let settle!: (v: boolean) => void;
    const flight = new Promise<boolean>((r) => (settle = r));
    inFlight.set(group, flight);
    try {
      const res = await inner(url, init);
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location');
        let target: URL | null = null;
        try {
          target = location ? new URL(location, url) : null;
        } catch {
          target = null;
        }
        const tm = target ? IP_PATH.exec(target.href) : null;
        if (tm?.[1] && tm[1] !== base) {
          const back = `${tm[1]}|${block}`;
          // Sent back to the registry we learned to skip: the guess was wrong for this block, forget it.
          if (learned.get(back)?.to === base) learned.delete(back);
          else learned.set(group, { to: tm[1], expires: opts.now().getTime() + ttl });
        }
        ok = true;
        return res;
      }
      if (res.status !== 200) return res;
      const text = await readBodyOnce(res, MAX_BODY_BYTES, 'rdap-ip');
      const headers = [...res.headers.entries()];
      ok = true;
      try {
        const json = JSON.parse(text) as { startAddress?: unknown; endAddress?: unknown };
        const start = canonicalAddress(json.startAddress);
        const end = canonicalAddress(json.endAddress);
        const range = start && end ? rangeOf(start, end) : null;
        if (range && rangeContainsIp(range, addr))
          remember(base, { range, expires: opts.now().getTime() + ttl, status: 200, headers, body: text });
      } catch {
        // Not JSON: the core reports it; nothing to replay.
      }
      return buffered(200, headers, text, res.url || url);
    } finally {
      if (inFlight.get(group) === flight) inFlight.delete(group);
      settle(ok);
    }
  }

  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (
      init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')
    ).toUpperCase();
    if (method === 'GET' && DOMAIN_PATH.test(url)) return sameUrl(url, input, init);
    const m = IP_PATH.exec(url);
    const [, base, addr] = m ?? [];
    if (base === undefined || !addr || method !== 'GET' || !parseIp(decodeURIComponent(addr)))
      return inner(input, init);
    return ipQuery(url, base, addr, init);
  };
}
