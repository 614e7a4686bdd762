import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { chooseSource, probeWithin, runInMode } from '../../../lib/report/lookup-mode';
import { LookupSettingsSchema, resolverOf } from '../../../lib/model/lookup-settings';

function runners(opts: { up: boolean; backendFails?: AppError }) {
  const calls: string[] = [];
  return {
    calls,
    probe: async () => (calls.push('probe'), opts.up),
    backend: async () => {
      calls.push('backend');
      if (opts.backendFails) throw opts.backendFails;
      return 'from-backend';
    },
    browser: async () => (calls.push('browser'), 'from-browser'),
  };
}

describe('lookup mode switch', () => {
  it('Automatic: the backend when its health check answers, else the browser', async () => {
    const up = runners({ up: true });
    expect(await runInMode('auto', up)).toEqual({ value: 'from-backend', answeredBy: 'backend', fellBack: false });
    expect(up.calls).toEqual(['probe', 'backend']);
    const down = runners({ up: false });
    expect(await runInMode('auto', down)).toEqual({ value: 'from-browser', answeredBy: 'browser', fellBack: true });
    expect(down.calls).toEqual(['probe', 'browser']);
  });

  it('Automatic: a backend that goes away after its health check hands over to the browser', async () => {
    const r = runners({ up: true, backendFails: new AppError('unavailable', 'did not answer') });
    expect(await runInMode('auto', r)).toMatchObject({ value: 'from-browser', answeredBy: 'browser', fellBack: true });
    // Any other backend answer (a refusal, a bad token) is the backend's verdict and is shown as such.
    const refused = runners({ up: true, backendFails: new AppError('private_target', 'refused') });
    await expect(runInMode('auto', refused)).rejects.toMatchObject({ kind: 'private_target' });
  });

  it('Browser only never asks the backend; Backend only never uses the browser, even when the backend is down', async () => {
    const b = runners({ up: true });
    expect(await runInMode('browser', b)).toMatchObject({ answeredBy: 'browser', fellBack: false });
    expect(b.calls).toEqual(['browser']);
    const k = runners({ up: false, backendFails: new AppError('unavailable', 'down') });
    await expect(runInMode('backend', k)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(k.calls).toEqual(['backend']);
    expect(await chooseSource('backend', async () => false)).toBe('backend');
  });

  it('the health probe gives up within its time and never throws', async () => {
    expect(await probeWithin(async () => undefined)).toBe(true);
    expect(await probeWithin(async () => Promise.reject(new Error('refused')))).toBe(false);
    const hang = (signal: AbortSignal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    expect(await probeWithin(hang, 20)).toBe(false);
  });

  it('settings default to Automatic with Cloudflare DoH; the privacy note names who sees the host names', () => {
    const s = LookupSettingsSchema.parse({});
    expect(s.mode).toBe('auto');
    expect(resolverOf(s)).toEqual({
      url: 'https://cloudflare-dns.com/dns-query',
      format: 'json',
      operator: 'Cloudflare (1.1.1.1)',
    });
    expect(resolverOf(LookupSettingsSchema.parse({ resolver: 'google-wire' })).url).toBe(
      'https://dns.google/dns-query',
    );
    expect(
      resolverOf(LookupSettingsSchema.parse({ resolver: 'custom', customResolverUrl: 'https://doh.example.net/q' }))
        .operator,
    ).toBe('doh.example.net');
    expect(LookupSettingsSchema.safeParse({ mode: 'sometimes' }).success).toBe(false);
    expect(LookupSettingsSchema.safeParse({ customResolverUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});
