import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserBatch, lookup, normalizeTarget, type LookupDeps } from '../../lib/lookup';
import { clientRequest } from '../helpers/api-client';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';

// Every importer of the lookup core sees this spy: the core, the backend's service and routes, the browser batch.
vi.mock('../../lib/lookup/normalize', async (importOriginal) => {
  const real = await importOriginal<{ normalizeTarget: typeof normalizeTarget }>();
  return { ...real, normalizeTarget: vi.fn(real.normalizeTarget) };
});
const spy = vi.mocked(normalizeTarget);

let stack: LoopbackStack;
beforeAll(async () => {
  stack = await startLoopbackStack();
});
afterAll(() => stack.close());
beforeEach(() => spy.mockClear());

const post = (path: string, body: unknown) =>
  clientRequest(stack.app().app, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('normalizeTarget runs once per request', () => {
  it('POST /v1/lookup: once, for a lookup that really ran', async () => {
    const res = await post('/v1/lookup', { url: 'https://azure-host.to/a' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { hostname: string }).hostname).toBe('azure-host.to');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('POST /v1/lookup?stream=1: once, though the route refuses bad input before the stream opens', async () => {
    const res = await post('/v1/lookup?stream=1', { url: 'https://ripe-host.to/b' });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/"type":"result"/);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith('https://ripe-host.to/b');
  });

  it('POST /v1/lookup/batch: once per URL, not again inside each host lookup', async () => {
    const urls = ['https://azure-host.to/1', 'https://azure-host.to/2', 'https://ripe-host.to/3'];
    const res = await post('/v1/lookup/batch', { urls });
    expect(res.status).toBe(200);
    expect(spy).toHaveBeenCalledTimes(urls.length);
  });

  it('in the extension: once for a lookup, once per URL for a batch', async () => {
    const deps: LookupDeps = {
      fetch: () => Promise.reject(new Error('offline')),
      resolve: async () => [],
      now: () => new Date('2026-03-02T09:00:00Z'),
    };
    const one = await lookup('https://pirate.to/x', deps);
    expect(one.hostname).toBe('pirate.to');
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockClear();
    const batch = await browserBatch(['https://pirate.to/1', 'https://pirate.to/2', 'not a url'], deps);
    expect(batch.stats.hosts).toBe(1);
    expect(spy).toHaveBeenCalledTimes(3);
  });
});
