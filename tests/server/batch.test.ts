import { clientRequest } from '../helpers/api-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pendingHosts, progressOf, runLookups, type HostOutcome } from '../../lib/bulk/plan';
import { lookupBatch } from '../../lib/backend/client';
import { BatchResponseSchema } from '../../lib/contract';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';
import { BULK_NETWORKS, fixtureZone } from '../helpers/loopback-fixture-zone';
import type { Zone } from '../helpers/loopback-dns';
import { requestUrl } from '../helpers/request-url';

/** 1,000 URLs on 200 hosts spread over the six fixture networks, plus google.com subdomains. */
const HOSTS = 200;

function bulkZone(): { zone: Zone; urls: string[] } {
  const extra: Zone = {};
  const hosts: string[] = [];
  for (let i = 0; i < HOSTS; i++) {
    const host = i % 10 === 0 ? `s${i}.google.com` : `mirror${i}.to`;
    extra[host] = { A: [BULK_NETWORKS[i % BULK_NETWORKS.length]!(i)] };
    hosts.push(host);
  }
  const urls = Array.from({ length: 1000 }, (_, k) => `https://${hosts[k % HOSTS]}/file/${k}`);
  return { zone: fixtureZone(extra), urls };
}

let stack: LoopbackStack;
const { zone, urls } = bulkZone();
beforeAll(async () => {
  stack = await startLoopbackStack({ zone, timeoutMs: 5000 });
});
afterAll(() => stack.close());

describe('POST /v1/lookup/batch', () => {
  test('1,000 URLs cost no more RDAP queries than distinct networks + domains + registrar follow-ups', async () => {
    const { app } = stack.app();
    const res = await clientRequest(app, '/v1/lookup/batch', {
      method: 'POST',
      body: JSON.stringify({ urls }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    const body = BatchResponseSchema.parse(await res.json());
    expect(body.items).toHaveLength(1000);
    expect(body.stats).toMatchObject({ urls: 1000, hosts: HOSTS, failed: 0 });
    expect(body.stats.networks).toBe(BULK_NETWORKS.length);
    expect(body.items[1]!.result?.input).toBe(urls[1]);

    const ipAnswers = stack.rdap.requests.filter((r) => r.kind === 'ip' && r.status !== 302).length;
    const redirects = stack.rdap.requests.filter((r) => r.kind === 'ip' && r.status === 302).length;
    const domainQueries = stack.rdap.count({ kind: 'domain' });
    // RDAP only knows google.com among these domains (.to has no RDAP): 1 registry + 1 registrar (related link).
    expect(domainQueries).toBeLessThanOrEqual(2);
    expect(ipAnswers).toBeLessThanOrEqual(BULK_NETWORKS.length);
    // Only the RIPE legacy block is redirected from ARIN; the redirect is replayed for its range.
    expect(redirects).toBeLessThanOrEqual(2);
    // One DNS A query per distinct host, not per URL.
    expect(stack.dns.queries.filter((q) => q.type === 'A' && !q.name.endsWith('cymru.com')).length).toBeLessThanOrEqual(
      HOSTS + 2,
    );
  });

  test('the bulk page plan (one URL per host in chunks, resumed after an interruption) costs no more', async () => {
    const { app } = stack.app();
    const ip = () => stack.rdap.requests.filter((r) => r.kind === 'ip' && r.status !== 302).length;
    const domain = () => stack.rdap.count({ kind: 'domain' });
    const [ip0, domain0] = [ip(), domain()];
    const bulkUrls = urls.map((url) => ({ url, host: new URL(url).hostname }));
    const settings = { url: 'http://backend.invalid', token: '' };
    let requests = 0;
    const fetchApp = ((input: RequestInfo | URL, init?: RequestInit) => {
      requests++;
      // The backend "restarts" during the third request: that request fails as a whole.
      if (requests === 3) return Promise.reject(new TypeError('connection reset'));
      return clientRequest(app, new URL(requestUrl(input)).pathname, init);
    }) as typeof fetch;
    const stored: Record<string, HostOutcome> = {};
    const onChunk = async (o: HostOutcome[]) => void o.forEach((x) => (stored[x.host] = x));
    const signal = new AbortController().signal;
    const lookup = (batch: string[], s: AbortSignal) => lookupBatch(settings, fetchApp, batch, s);

    const first = await runLookups({ pending: pendingHosts(bulkUrls, stored), lookup, onChunk, signal, chunkSize: 50 });
    expect(first.status).toBe('interrupted');
    expect(Object.keys(stored)).toHaveLength(100);
    const second = await runLookups({
      pending: pendingHosts(bulkUrls, stored),
      lookup,
      onChunk,
      signal,
      chunkSize: 50,
    });
    expect(second.status).toBe('done');
    // 200 hosts in 50-host requests: 2 before the failure, the failed one, then 2 more.
    expect(requests).toBe(5);
    expect(progressOf(bulkUrls, stored)).toMatchObject({
      totalUrls: 1000,
      doneUrls: 1000,
      failedUrls: 0,
      doneHosts: HOSTS,
    });
    expect(ip() - ip0).toBeLessThanOrEqual(BULK_NETWORKS.length);
    expect(domain() - domain0).toBeLessThanOrEqual(2);
  });
});
