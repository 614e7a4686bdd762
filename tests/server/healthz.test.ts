import { describe, expect, it } from 'vitest';
import { createApp } from '../../lib/server/app';

describe('GET /healthz', () => {
  it('answers without a socket', async () => {
    const app = createApp({ now: () => new Date('2026-01-02T03:04:05Z') });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });
});
