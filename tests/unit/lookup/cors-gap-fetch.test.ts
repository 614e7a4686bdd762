import { describe, expect, it } from 'vitest';
import { createCorsGapFetch, stepForUrl } from '../../../lib/lookup/cors-gap-fetch';
import { LookupFailure } from '../../../lib/lookup/types';

const PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const opaque = () => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaque' });
const corsResponse = () => Object.defineProperty(new Response('{}', { status: 200 }), 'type', { value: 'cors' });

/** How a browser page without host access behaves: CORS failures throw TypeError, no-cors gets an opaque answer. */
function browserLike(server: 'no-cors' | 'down' | 'cors'): typeof fetch {
  return async (_input, init) => {
    if (server === 'down') throw new TypeError('Failed to fetch');
    if (init?.mode === 'no-cors') return opaque();
    if (server === 'no-cors') throw new TypeError('Failed to fetch');
    return corsResponse();
  };
}

describe('CORS-aware fetch for the browser lookup', () => {
  it('a registry that answers without CORS is a named gap on the right step (store build, no host access)', async () => {
    const f = createCorsGapFetch(browserLike('no-cors'), { granted: () => false, pageOrigin: PAGE });
    const err = await f.fetch('https://rdap.example-nic.net/rdap/domain/a.example').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LookupFailure);
    expect(err).toMatchObject({
      step: 'rdap-domain',
      kind: 'unavailable',
      message: expect.stringMatching(/no CORS header/),
    });
    expect(f.gaps).toEqual(['https://rdap.example-nic.net']);
  });

  it('an unreachable server stays a network failure, not a CORS gap', async () => {
    const f = createCorsGapFetch(browserLike('down'), { granted: () => false, pageOrigin: PAGE });
    await expect(f.fetch('https://rdap.example-nic.net/ip/1.2.3.4')).rejects.toBeInstanceOf(TypeError);
    expect(f.gaps).toEqual([]);
  });

  it('a CORS answer passes; an unchecked answer without the header passes only for an origin the user allowed', async () => {
    expect(
      (await createCorsGapFetch(browserLike('cors'), { granted: () => false }).fetch('https://rdap.arin.net/x')).status,
    ).toBe(200);
    const privileged: typeof fetch = async () => new Response('{}', { status: 200 });
    const refused = createCorsGapFetch(privileged, { granted: () => false, pageOrigin: PAGE });
    await expect(refused.fetch('https://rdap.nic.example/ip/1.2.3.4')).rejects.toMatchObject({ step: 'rdap-ip' });
    const allowed = createCorsGapFetch(privileged, {
      granted: (o) => o === 'https://rdap.nic.example',
      pageOrigin: PAGE,
    });
    expect((await allowed.fetch('https://rdap.nic.example/ip/1.2.3.4')).status).toBe(200);
  });

  it('names the step from the URL', () => {
    expect(stepForUrl(new URL('https://rdap.arin.net/registry/autnum/16509'))).toBe('rdap-asn');
    expect(stepForUrl(new URL('https://data.iana.org/rdap/dns.json'))).toBe('bootstrap');
    expect(stepForUrl(new URL('https://dns.google/resolve?name=a&type=A'))).toBe('dns');
  });
});
