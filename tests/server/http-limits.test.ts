import net from 'node:net';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../lib/server/app';
import { startServer } from '../../lib/server/serve';

const connect = (port: number) =>
  new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
const closed = (s: net.Socket) =>
  new Promise<string>((resolve) => {
    let data = '';
    s.on('data', (d) => (data += d.toString()));
    s.on('error', () => undefined);
    s.once('close', () => resolve(data));
  });

describe('HTTP server limits', () => {
  test('a client that never finishes its headers is cut off (slowloris)', async () => {
    const served = await startServer(createApp({ now: () => new Date() }).fetch, {
      host: '127.0.0.1',
      port: 0,
      limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, checkIntervalMs: 100 },
    });
    try {
      const s = await connect(served.port);
      s.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      const started = Date.now();
      const answer = await closed(s);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
    } finally {
      await served.close();
    }
  });

  test('connections beyond the cap are closed on arrival; the server keeps serving', async () => {
    const served = await startServer(createApp({ now: () => new Date() }).fetch, {
      host: '127.0.0.1',
      port: 0,
      limits: { maxConnections: 2 },
    });
    try {
      const held = [await connect(served.port), await connect(served.port)];
      await new Promise((r) => setTimeout(r, 50));
      const extra = await connect(served.port);
      extra.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      expect(await closed(extra)).toBe('');
      for (const s of held) s.destroy();
      await new Promise((r) => setTimeout(r, 50));
      const res = await fetch(`http://127.0.0.1:${served.port}/healthz`);
      expect(res.status).toBe(200);
    } finally {
      await served.close();
    }
  });
});
