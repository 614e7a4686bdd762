/**
 * One error vocabulary (issue 16): every error the backend answers carries a kind from lib/errors.ts, and the
 * extension's client hands that same kind to the UI without renaming it. Each case provokes the error through
 * the real app and reads it through the real client, so neither side can fake a spelling the other never uses.
 */
import { describe, expect, it } from 'vitest';
import { call, lookupUrl, recheck, type FetchFn } from '../../lib/backend/client';
import { sendViaBackend } from '../../lib/backend/mail';
import { ApiErrorSchema } from '../../lib/contract';
import { AppError, ERROR_KINDS, type ErrorKind } from '../../lib/errors';
import { CHROME_EXTENSION_ORIGIN } from '../../lib/extension-id';
import type { LookupDeps } from '../../lib/lookup';
import { createApp } from '../../lib/server/app';
import { createLookupService, type LookupFn } from '../../lib/server/lookup-service';
import { MailService } from '../../lib/server/mail/mail-service';

const TOKEN = 't'.repeat(32);
const now = () => new Date('2026-12-02T09:00:00Z');
const settings = { url: 'http://127.0.0.1:8787', token: TOKEN };

/** The core is not reached by these cases except where it is made to fail on purpose. */
const failingLookup: LookupFn = async () => {
  throw new Error('boom');
};

function backend(opts: { rate?: number } = {}) {
  const deps = { fetch: globalThis.fetch, resolve: async () => [], now } as unknown as LookupDeps;
  const app = createApp({
    now,
    token: TOKEN,
    lookup: createLookupService({ lookup: failingLookup, deps }),
    mail: new MailService({ now }),
    corsOrigins: [CHROME_EXTENSION_ORIGIN],
    rateLimitPerMinute: opts.rate ?? 1000,
  });
  const answers: { status: number; body: unknown }[] = [];
  // The client's fetch goes straight into the app: no socket, the same Request the browser would send.
  const fetchFn: FetchFn = async (input, init) => {
    const res = await app.request(new Request(input, init));
    answers.push({ status: res.status, body: await res.clone().json() });
    return res;
  };
  return { fetchFn, answers };
}

/** Runs the client call, expects an AppError, and checks the server said the very same kind. */
async function kindOf(run: () => Promise<unknown>, answers: { status: number; body: unknown }[]) {
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const sent = ApiErrorSchema.parse(answers.at(-1)!.body).error;
  expect((err as AppError).kind).toBe(sent.kind);
  return { kind: sent.kind, status: answers.at(-1)!.status, path: sent.path };
}

describe('one error vocabulary between backend and extension', () => {
  it('each error the routes answer reaches the UI as the same kind from ERROR_KINDS', async () => {
    const { fetchFn, answers } = backend();
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      call(settings, fetchFn, path, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    const seen: { kind: ErrorKind; status: number; path?: string }[] = [];
    const check = async (run: () => Promise<unknown>) => seen.push(await kindOf(run, answers));

    await check(() => lookupUrl(settings, fetchFn, { url: 'http://127.0.0.1/admin' }));
    await check(() => lookupUrl(settings, fetchFn, { url: 'ftp://files.example/x' }));
    await check(() => post('v1/lookup', '{not json'));
    await check(() => post('v1/lookup/batch', JSON.stringify({ urls: 5 })));
    await check(() => post('v1/lookup', JSON.stringify({ url: 'https://a.example/', pad: 'x'.repeat(70_000) })));
    await check(() => call(settings, fetchFn, 'v1/no-such-endpoint'));
    await check(() => call({ ...settings, token: 'wrong'.repeat(8) }, fetchFn, 'v1/lookup?url=https://a.example/'));
    await check(() =>
      call(settings, fetchFn, 'v1/lookup?url=https://a.example/', { headers: { origin: 'https://evil.example' } }),
    );
    await check(() => sendViaBackend(settings, fetchFn, 'From: a@example.org\r\n\r\nhi'));
    await check(() => post('v1/timestamp', JSON.stringify({ sha256: 'a'.repeat(64) })));
    await check(() => recheck(settings, fetchFn, { url: 'http://10.0.0.5/book', markers: ['The Book'] }));
    await check(() => lookupUrl(settings, fetchFn, { url: 'https://pirate-site.to/book' }));

    expect(seen).toEqual([
      { kind: 'private_target', status: 400, path: 'url' },
      { kind: 'invalid_input', status: 400, path: 'url' },
      { kind: 'invalid_input', status: 400, path: undefined },
      { kind: 'invalid_input', status: 400, path: 'urls' },
      { kind: 'payload_too_large', status: 413, path: undefined },
      { kind: 'not_found', status: 404, path: undefined },
      { kind: 'unauthorized', status: 401, path: undefined },
      { kind: 'forbidden_origin', status: 403, path: undefined },
      { kind: 'not_configured', status: 503, path: undefined },
      { kind: 'unavailable', status: 503, path: undefined },
      { kind: 'private_target', status: 403, path: 'url' },
      { kind: 'internal', status: 500, path: undefined },
    ]);
    for (const { kind } of seen) expect(ERROR_KINDS).toContain(kind);
  });

  it('a rate-limited client is told rate_limited, with the wait', async () => {
    const { fetchFn, answers } = backend({ rate: 1 });
    await call(settings, fetchFn, 'v1/mail/status');
    const err = await call(settings, fetchFn, 'v1/mail/status').catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rate_limited', details: { status: 429 } });
    expect((err as AppError).details.retryAfter).toMatch(/^\d+$/);
    expect(ApiErrorSchema.parse(answers.at(-1)!.body).error.kind).toBe('rate_limited');
  });
});
