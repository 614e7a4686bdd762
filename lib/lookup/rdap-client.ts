/**
 * HTTP for RDAP (RFC 7480) and the IANA bootstrap: Accept header, timeout, redirects re-checked
 * against allowUrl, retries on the rate-limit shapes seen in the wild (docs/rdap-quirks.md §5), a per-server
 * concurrency cap, in-flight coalescing of identical URLs, size and depth caps, Zod validation.
 */
import type { LookupErrorKind, LookupStep } from '../contract';
import { RdapObjectSchema, type RdapObject } from './rdap-schema';
import { runtimeFor, type Runtime } from './runtime';
import { Semaphore } from './semaphore';
import { LookupFailure, type LookupDeps } from './types';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_JSON_DEPTH = 40;
const MAX_REDIRECTS = 5;
const RDAP_ACCEPT = 'application/rdap+json, application/json;q=0.9';

export interface JsonResponse {
  /** Final URL after redirects. */
  url: string;
  json: unknown;
  headers: Headers;
}
export interface RdapResponse {
  url: string;
  data: RdapObject;
  headers: Headers;
}

/** True when JSON text nests arrays/objects deeper than `cap` (checked before JSON.parse). */
export function exceedsDepth(text: string, cap: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash escapes the next char
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > cap) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** Validate already-parsed JSON as an RDAP object; never throws anything but LookupFailure. */
export function parseRdap(json: unknown, step: LookupStep): RdapObject {
  const r = RdapObjectSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new LookupFailure(
      step,
      'invalid_response',
      `RDAP response failed validation at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return r.data;
}

/** JSON.parse behind the nesting cap; throws only LookupFailure(invalid_response). */
export function decodeJson(text: string, step: LookupStep, from = 'RDAP server'): unknown {
  if (exceedsDepth(text, MAX_JSON_DEPTH))
    throw new LookupFailure(
      step,
      'invalid_response',
      `Response from ${from} nests deeper than ${MAX_JSON_DEPTH} levels.`,
    );
  try {
    return JSON.parse(text);
  } catch {
    throw new LookupFailure(step, 'invalid_response', `Response from ${from} is not JSON.`);
  }
}

/** Parse RDAP JSON text with the depth cap and schema; never throws anything but LookupFailure. */
export function parseRdapText(text: string, step: LookupStep): RdapObject {
  return parseRdap(decodeJson(text, step), step);
}

/** Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3), in ms from now. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now.getTime());
}

const RATE_LIMIT_TEXT = /rate.?limit|too many|too fast|exceeded|throttl/i;

interface Trace {
  key: string;
  refused: boolean;
}

class Attempt extends Error {
  constructor(
    readonly kind: LookupErrorKind,
    message: string,
    readonly retryable: boolean,
    readonly waitMs: number | null = null,
  ) {
    super(message);
  }
}

export class RdapClient {
  private readonly servers = new Map<string, Semaphore>();
  private readonly inflight = new Map<string, Promise<JsonResponse>>();
  /** HTTP requests actually sent (after coalescing), for tests and the benchmark. */
  requestCount = 0;

  constructor(private readonly rt: Runtime) {}

  /** GET an RDAP object: retries, validation and the LACNIC 200 rate-limit notice. */
  async getRdap(url: string, step: LookupStep): Promise<RdapResponse> {
    const r = await this.getJson(url, step, RDAP_ACCEPT, true);
    return { url: r.url, data: parseRdap(r.json, step), headers: r.headers };
  }

  /** GET any JSON (bootstrap files) with the same policy; identical concurrent requests share one fetch. */
  getJson(url: string, step: LookupStep, accept = 'application/json', rdap = false): Promise<JsonResponse> {
    const key = `${accept}\u0000${url}`;
    const existing = this.inflight.get(key);
    if (existing) return existing;
    const p = this.withRetries(url, step, accept, rdap).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  private async withRetries(url: string, step: LookupStep, accept: string, rdap: boolean): Promise<JsonResponse> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new LookupFailure(step, 'invalid_input', `Not a URL: ${url}`);
    }
    if (!this.rt.allowUrl(parsed))
      throw new LookupFailure(
        step,
        'unavailable',
        `Refused to query ${parsed.origin}: not an allowed RDAP server URL.`,
      );
    // Per registry (its base URL), not per origin: one host may serve several registries (as loopback tests do).
    const key = registryKey(parsed);
    let sem = this.servers.get(key);
    if (!sem) this.servers.set(key, (sem = new Semaphore(this.rt.maxPerServer)));
    // A wait longer than this is not worth it: the lookup's own deadline would pass first.
    const maxWait = Math.min(this.rt.maxRetryWaitMs, this.rt.deadlineMs);
    for (let attempt = 0; ; attempt++) {
      // Which registry the attempt reached last (redirects move it): failures are charged to that one.
      const trace: Trace = { key, refused: false };
      try {
        if (!(await this.rt.budgets.take(parsed.host, maxWait))) {
          throw new LookupFailure(
            step,
            'rate_limited',
            `The request budget for ${parsed.host} is spent; try again in a minute.`,
          );
        }
        // Checked again once a slot is free: requests queued behind a registry that just failed fail fast too.
        const res = await sem.run(async () => {
          this.refuseIfOpen(key, step, trace);
          return this.once(parsed, step, accept, rdap, trace);
        });
        this.rt.breaker.success(trace.key);
        if (trace.key !== key) this.rt.breaker.success(key);
        return res;
      } catch (e) {
        if (!(e instanceof Attempt)) {
          // A probe that ended in our own refusal (size cap, private address) frees the half-open slot.
          if (!trace.refused) this.rt.breaker.release(trace.key);
          throw e;
        }
        if (e.kind === 'timeout' || (e.kind === 'unavailable' && e.retryable)) this.rt.breaker.failure(trace.key);
        else this.rt.breaker.release(trace.key);
        if (e.kind === 'rate_limited' && e.waitMs != null && e.waitMs > maxWait) {
          // Retry-After beyond what this lookup can wait: fail now, and hold the registry until then.
          this.rt.breaker.rateLimited(trace.key, this.rt.deps.now().getTime() + e.waitMs);
          throw new LookupFailure(
            step,
            e.kind,
            `${e.message} Retry-After is ${Math.ceil(e.waitMs / 1000)} s.`,
            e.waitMs,
          );
        }
        if (!e.retryable || attempt >= this.rt.retries)
          throw new LookupFailure(step, e.kind, e.message, e.waitMs ?? undefined);
        const backoff = Math.min(e.waitMs ?? 1000 * 2 ** attempt, maxWait);
        await this.rt.sleep(backoff);
      }
    }
  }

  /** Fails fast when the breaker holds this registry (repeated timeouts, or a Retry-After not yet over). */
  private refuseIfOpen(key: string, step: LookupStep, trace: Trace): void {
    const verdict = this.rt.breaker.allow(key);
    if (verdict.ok) return;
    trace.refused = true;
    const secs = Math.ceil(verdict.retryInMs / 1000);
    const name = key.replace(/\/$/, '');
    if (verdict.reason === 'rate_limited')
      throw new LookupFailure(
        step,
        'rate_limited',
        `${name} asked us to wait ${secs} s before the next query.`,
        verdict.retryInMs,
      );
    throw new LookupFailure(
      step,
      'unavailable',
      `${name} is not answering (repeated timeouts or failures); skipped for ${secs} s.`,
      verdict.retryInMs,
    );
  }

  private async once(start: URL, step: LookupStep, accept: string, rdap: boolean, trace: Trace): Promise<JsonResponse> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Attempt('timeout', `${start.origin} did not answer within ${this.rt.timeoutMs} ms.`, false));
      }, this.rt.timeoutMs);
    });
    try {
      return await Promise.race([this.exchange(start, step, accept, rdap, controller.signal, trace), timeout]);
    } catch (e) {
      if (e instanceof Attempt) throw e;
      // A fetch wrapper (the backend's size cap) may refuse with its own failure: report it under this step.
      if (e instanceof LookupFailure)
        throw e.step === step ? e : new LookupFailure(step, e.kind, e.message, e.retryAfterMs);
      // A registry that used its whole timeout is not asked again at once: the breaker decides when it is worth it.
      if (controller.signal.aborted)
        throw new Attempt('timeout', `${start.origin} did not answer within ${this.rt.timeoutMs} ms.`, false);
      throw new Attempt(
        'unavailable',
        `${start.origin} could not be reached: ${e instanceof Error ? e.message : String(e)}`,
        true,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  private async exchange(
    start: URL,
    step: LookupStep,
    accept: string,
    rdap: boolean,
    signal: AbortSignal,
    trace: Trace,
  ): Promise<JsonResponse> {
    let url = start;
    let res: Response;
    for (let hop = 0; ; hop++) {
      if (hop > 0) {
        // A redirect to another registry: that one's breaker decides, and its failures are charged to it.
        trace.key = registryKey(url);
        this.refuseIfOpen(trace.key, step, trace);
      }
      this.requestCount++;
      res = await this.rt.deps.fetch(url.href, { headers: { accept }, redirect: 'manual', signal });
      if (res.type === 'opaqueredirect') {
        // Browsers hide Location from manual redirects: let fetch follow, then check where it landed.
        this.requestCount++;
        res = await this.rt.deps.fetch(url.href, { headers: { accept }, redirect: 'follow', signal });
        if (res.url && !this.rt.allowUrl(new URL(res.url)))
          throw new Attempt('unavailable', `Redirected to a refused URL (${new URL(res.url).origin}).`, false);
        if (res.url) url = new URL(res.url);
        break;
      }
      if (![301, 302, 303, 307, 308].includes(res.status)) {
        // A wrapper that went straight to the registry holding the address says where the answer came from.
        if (res.url && res.url !== url.href) {
          try {
            const answered = new URL(res.url);
            if (this.rt.allowUrl(answered)) url = answered;
          } catch {
            // Keep the URL we asked.
          }
        }
        break;
      }
      const location = res.headers.get('location');
      if (!location)
        throw new Attempt('invalid_response', `Redirect from ${url.origin} without a Location header.`, false);
      if (hop >= MAX_REDIRECTS)
        throw new Attempt('unavailable', `More than ${MAX_REDIRECTS} redirects from ${start.origin}.`, false);
      discard(res);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new Attempt('invalid_response', `Redirect to an invalid URL from ${url.origin}.`, false);
      }
      if (!this.rt.allowUrl(next))
        throw new Attempt('unavailable', `Redirected to a refused URL (${next.origin}).`, false);
      url = next;
    }

    const status = res.status;
    const wait = parseRetryAfter(res.headers.get('retry-after'), this.rt.deps.now());
    if (status === 404) {
      discard(res);
      throw new Attempt('not_found', `${url.origin} has no record for ${url.pathname}.`, false);
    }
    if (status === 429) {
      discard(res);
      throw new Attempt('rate_limited', `${url.origin} is rate-limiting queries (HTTP 429).`, true, wait);
    }
    if (status === 403 || status === 422) {
      // rdap.nic.biz answers 403 HTML "Number of allowed queries exceeded", zdnsgtld 422 "Your access is too fast" (whoisit#34).
      const text = await readCapped(res, 64 * 1024).catch(() => '');
      if (RATE_LIMIT_TEXT.test(text))
        throw new Attempt('rate_limited', `${url.origin} is rate-limiting queries (HTTP ${status}).`, true, wait);
      throw new Attempt('unavailable', `${url.origin} refused the query (HTTP ${status}).`, false);
    }
    if (status >= 500 && status !== 501) {
      discard(res);
      throw new Attempt('unavailable', `${url.origin} failed (HTTP ${status}).`, true, wait);
    }
    if (status < 200 || status >= 300) {
      discard(res);
      throw new Attempt('unavailable', `${url.origin} answered HTTP ${status}.`, false);
    }

    let text: string;
    try {
      text = await readCapped(res, MAX_BODY_BYTES);
    } catch (e) {
      if (e instanceof Attempt) throw e;
      throw new Attempt('unavailable', `Reading the answer from ${url.origin} failed.`, true);
    }
    const json = decodeJson(text, step, url.origin);
    if (rdap && isRateLimitNotice(json)) {
      // LACNIC answers HTTP 200 with a "Rate Limit Notice" and blocks for ~5 min (ipwhois#99).
      throw new Attempt(
        'rate_limited',
        `${url.origin} is rate-limiting queries (Rate Limit Notice).`,
        true,
        wait ?? 60_000,
      );
    }
    return { url: url.href, json, headers: res.headers };
  }
}

function isRateLimitNotice(json: unknown): boolean {
  if (!json || typeof json !== 'object') return false;
  const notices = (json as { notices?: unknown }).notices;
  if (!Array.isArray(notices)) return false;
  return notices.some(
    (n) =>
      n &&
      typeof n === 'object' &&
      typeof (n as { title?: unknown }).title === 'string' &&
      /rate limit/i.test((n as { title: string }).title),
  );
}

/** A registry's base URL (everything before ip/, domain/, autnum/…), or the origin for other files. */
export function registryKey(url: URL): string {
  const m = /^(.*?\/)(?:ip|domain|autnum|entity|nameserver|help)(?:\/|$)/.exec(url.pathname);
  return m ? `${url.origin}${m[1]}` : url.origin;
}

/** Drops a body we will not read; never awaited, so a peer that stops sending cannot hold the lookup. */
function discard(res: Response): void {
  void res.body?.cancel().catch(() => undefined);
}

async function readCapped(res: Response, cap: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > cap) {
    discard(res);
    throw new Attempt('invalid_response', `Response is larger than ${cap} bytes.`, false);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      void reader.cancel().catch(() => undefined);
      throw new Attempt('invalid_response', `Response is larger than ${cap} bytes.`, false);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** The shared client for a deps object (so concurrency limits and coalescing span lookups). */
export function rdapClientFor(deps: LookupDeps): RdapClient {
  const rt = runtimeFor(deps);
  let c = rt.memo.get('rdap-client') as RdapClient | undefined;
  if (!c) rt.memo.set('rdap-client', (c = new RdapClient(rt)));
  return c;
}
