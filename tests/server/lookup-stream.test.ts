import { clientRequest } from '../helpers/api-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lookupUrl } from '../../lib/backend/client';
import type { StepEvent } from '../../lib/contract';
import { LookupResultSchema } from '../../lib/contract';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';
import { requestUrl } from '../helpers/request-url';

let stack: LoopbackStack;
beforeAll(async () => {
  stack = await startLoopbackStack();
});
afterAll(() => stack.close());
// A fault a test added is cleared even when that test fails, so it cannot leak into the next one.
afterEach(() => stack.rdap.clearFaults());

const lines = async (res: Response) =>
  (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; step?: string; status?: string; result?: unknown });

describe('streamed lookup progress (POST /v1/lookup?stream=1)', () => {
  it('reports each stage as it starts and ends, then the result', async () => {
    const { app } = stack.app();
    const res = await clientRequest(app, '/v1/lookup?stream=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://azure-host.to/x' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/ndjson/);
    const events = await lines(res);
    const steps = events.filter((e) => e.type === 'step').map((e) => `${e.step}:${e.status}`);
    expect(steps[0]).toBe('dns:start');
    expect(steps.indexOf('dns:done')).toBeLessThan(steps.indexOf('rdap-ip:start'));
    expect(steps).toEqual(expect.arrayContaining(['rdap-ip:done', 'rdap-domain:start', 'cdn:done', 'directory:done']));
    const last = events.at(-1)!;
    expect(last.type).toBe('result');
    expect(LookupResultSchema.parse(last.result).recipients.some((r) => r.emails.includes('abuse@microsoft.com'))).toBe(
      true,
    );
  });

  it('marks a failing stage as an error and still ends with a partial result', async () => {
    stack.rdap.reset();
    stack.rdap.addFault({ kind: 'ip', fault: '503' });
    const { app } = stack.app();
    const seen: StepEvent[] = [];
    const fetchViaApp = ((input: string | URL | Request, init?: RequestInit) =>
      clientRequest(app, requestUrl(input).replace('http://backend.test', ''), init)) as typeof fetch;
    const result = await lookupUrl(
      { url: 'http://backend.test', token: '' },
      fetchViaApp,
      { url: 'https://ripe-host.to/x' },
      { onStep: (e) => seen.push(e) },
    );
    expect(seen).toContainEqual({ step: 'rdap-ip', status: 'error' });
    expect(result.errors.some((e) => e.step === 'rdap-ip')).toBe(true);
  });

  it('refuses a private target before streaming', async () => {
    const { app } = stack.app();
    const res = await clientRequest(app, '/v1/lookup?stream=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1/' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.kind).toMatch(/private/);
  });
});
