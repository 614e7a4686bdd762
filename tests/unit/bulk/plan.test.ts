import { describe, expect, test } from 'vitest';
import type { BatchResponse } from '../../../lib/contract';
import { AppError } from '../../../lib/errors';
import { chunk, outcomeOf, pendingHosts, progressOf, runLookups, type HostOutcome } from '../../../lib/bulk/plan';
import { RecipientSchema } from '../../../lib/model/recipient';

const urls = Array.from({ length: 250 }, (_, i) => ({ url: `https://h${i % 120}.to/f/${i}`, host: `h${i % 120}.to` }));
const host = (name: string) => RecipientSchema.parse({ role: 'host', name, emails: [`abuse@${name}`] });

function fakeBackend(failOnCall?: number) {
  const calls: string[][] = [];
  const lookup = async (batch: string[]): Promise<BatchResponse> => {
    calls.push(batch);
    if (calls.length === failOnCall) throw new AppError('unavailable', 'backend restarted');
    return {
      items: batch.map((url) => ({
        url,
        result: url.includes('h7.')
          ? null
          : {
              input: url,
              hostname: new URL(url).hostname,
              registrableDomain: null,
              addresses: [],
              cdn: null,
              recipients: [host('net.example')],
              errors: [],
            },
        error: url.includes('h7.') ? { step: 'dns', kind: 'not_found', message: 'NXDOMAIN' } : null,
      })),
      stats: { urls: batch.length, hosts: batch.length, networks: 1, failed: 0 },
    };
  };
  return { calls, lookup };
}

describe('bulk lookup plan', () => {
  test('one representative URL per distinct host, in chunks', () => {
    const pending = pendingHosts(urls, {});
    expect(pending).toHaveLength(120);
    expect(pending[0]).toEqual({ url: 'https://h0.to/f/0', host: 'h0.to' });
    expect(chunk(pending, 50).map((c) => c.length)).toEqual([50, 50, 20]);
  });

  test('an interrupted run keeps what finished; resuming repeats no finished lookup', async () => {
    const stored: Record<string, HostOutcome> = {};
    const save = async (o: HostOutcome[]) => void o.forEach((x) => (stored[x.host] = x));
    const first = fakeBackend(2);
    const end = await runLookups({
      pending: pendingHosts(urls, stored),
      lookup: first.lookup,
      onChunk: save,
      signal: new AbortController().signal,
      chunkSize: 50,
    });
    expect(end.status).toBe('interrupted');
    expect(Object.keys(stored)).toHaveLength(50);
    expect(progressOf(urls, stored)).toMatchObject({ totalHosts: 120, doneHosts: 50, totalUrls: 250 });

    const second = fakeBackend();
    const again = await runLookups({
      pending: pendingHosts(urls, stored),
      lookup: second.lookup,
      onChunk: save,
      signal: new AbortController().signal,
      chunkSize: 50,
    });
    expect(again.status).toBe('done');
    const askedFirst = new Set(first.calls[0]);
    expect(second.calls.flat().some((u) => askedFirst.has(u))).toBe(false);
    expect(second.calls.flat()).toHaveLength(70);
    const p = progressOf(urls, stored);
    expect(p).toMatchObject({ doneHosts: 120, doneUrls: 250 });
    // h7.to failed: its URLs count as failures, and only a retry asks for it again.
    expect(p.failedUrls).toBe(urls.filter((u) => u.host === 'h7.to').length);
    expect(stored['h7.to']).toMatchObject({ ok: false, errors: [{ kind: 'not_found' }] });
    expect(pendingHosts(urls, stored)).toEqual([]);
    expect(pendingHosts(urls, stored, { retryFailed: true }).map((u) => u.host)).toEqual(['h7.to']);
  });

  test('cancel stops before the next chunk', async () => {
    const ctl = new AbortController();
    const b = fakeBackend();
    const end = await runLookups({
      pending: pendingHosts(urls, {}),
      lookup: b.lookup,
      onChunk: async () => ctl.abort(),
      signal: ctl.signal,
      chunkSize: 50,
    });
    expect(end.status).toBe('cancelled');
    expect(b.calls).toHaveLength(1);
  });

  test('an item missing from the answer is a failure, not a silent success', () => {
    expect(outcomeOf('a.to', undefined)).toMatchObject({ ok: false, errors: [{ kind: 'invalid_response' }] });
  });
});
