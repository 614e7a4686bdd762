/**
 * A fake fetch for lookup unit tests: serves ../shared/fixtures/rdap files by URL, records every
 * request, and lets a test script faults (status, headers, bodies, hangs) per URL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RDAP_FIXTURES } from './fixtures';

export type FakeRoute =
  | { fixture: string; status?: number; headers?: Record<string, string> }
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { body: string; status?: number; headers?: Record<string, string> }
  | { redirect: string; status?: number }
  | { hang: true };

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  /** URLs requested, in order. */
  requests: string[];
  /** Accept headers seen, parallel to requests. */
  accepts: (string | null)[];
  /** Route a URL (exact) to a response; an array is consumed one per request, the last one repeating. */
  route(url: string, r: FakeRoute | FakeRoute[]): void;
  count(predicate: (url: string) => boolean): number;
}

export const BOOTSTRAP_BASE = 'https://data.iana.org/rdap/';
const BOOTSTRAP_FILES: Record<string, string> = {
  'dns.json': 'bootstrap/iana-dns-2024-07-25.json',
  'ipv4.json': 'bootstrap/iana-ipv4-2019-06-07.json',
  'ipv6.json': 'bootstrap/iana-ipv6-2019-11-06.json',
  'asn.json': 'bootstrap/iana-asn-2024-04-10.json',
};

export function readFixtureText(name: string): string {
  return readFileSync(path.join(RDAP_FIXTURES, name), 'utf8');
}

export function createFakeFetch(
  routes: Record<string, FakeRoute | FakeRoute[]> = {},
  opts: { bootstrap?: boolean } = {},
): FakeFetch {
  const table = new Map<string, FakeRoute[]>();
  const requests: string[] = [];
  const accepts: (string | null)[] = [];
  const route = (url: string, r: FakeRoute | FakeRoute[]) => table.set(url, Array.isArray(r) ? [...r] : [r]);
  if (opts.bootstrap !== false) {
    for (const [file, fixture] of Object.entries(BOOTSTRAP_FILES))
      route(BOOTSTRAP_BASE + file, {
        fixture,
        headers: { 'cache-control': 'max-age=86400', 'content-type': 'application/json' },
      });
  }
  for (const [u, r] of Object.entries(routes)) route(u, r);

  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    const h = new Headers(init?.headers);
    accepts.push(h.get('accept'));
    const list = table.get(url);
    if (!list) return new Response('<html>not found</html>', { status: 404, headers: { 'content-type': 'text/html' } });
    const r = list.length > 1 ? list.shift()! : list[0];
    if ('hang' in r!) {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if ('redirect' in r!) return new Response(null, { status: r.status ?? 302, headers: { location: r.redirect } });
    const body = 'fixture' in r! ? readFixtureText(r.fixture) : 'json' in r! ? JSON.stringify(r.json) : r!.body;
    return new Response(body, {
      status: r!.status ?? 200,
      headers: { 'content-type': 'application/rdap+json', ...(r!.headers ?? {}) },
    });
  }) as typeof globalThis.fetch;

  return { fetch, requests, accepts, route, count: (p) => requests.filter(p).length };
}

/** A resolver backed by a map "name TYPE" → answers; a value of 'throw' simulates a server failure. */
export function fakeResolver(records: Record<string, string[] | 'throw'>) {
  const queries: string[] = [];
  const resolve = async (name: string, type: string): Promise<string[]> => {
    const key = `${name.toLowerCase()} ${type}`;
    queries.push(key);
    const v = records[key];
    if (v === 'throw') throw new Error(`SERVFAIL ${key}`);
    return v ?? [];
  };
  return { resolve, queries };
}

/** A sleep that returns at once and records what it was asked to wait. */
export function recordingSleep() {
  const waits: number[] = [];
  return { sleep: async (ms: number) => void waits.push(ms), waits };
}

export const FIXED_NOW = new Date('2026-01-15T12:00:00Z');
