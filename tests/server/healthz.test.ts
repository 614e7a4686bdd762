import { describe, expect, it } from 'vitest';
import { createApp } from '../../lib/server/app';

describe('GET /healthz', () => {
  it('answers without a socket', async () => {
    const app = createApp({ now: () => new Date('2026-01-02T03:04:05Z') });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers the extension origin with CORS (the Automatic mode probe of a build without host access)', async () => {
    const origin = 'moz-extension://4b1c9d3e-0000-4000-8000-000000000001';
    const app = createApp({ now: () => new Date('2026-01-02T03:04:05Z'), corsOrigins: [origin] });
    const ok = await app.request('/healthz', { headers: { origin } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    const preflight = await app.request('/healthz', { method: 'OPTIONS', headers: { origin } });
    expect(preflight.status).toBe(204);
    const page = await app.request('/healthz', { headers: { origin: 'https://pirate.example' } });
    expect(page.status).toBe(403);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});
