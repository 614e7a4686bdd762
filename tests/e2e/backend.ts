import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { startLoopbackStack, type LoopbackStack } from '../helpers/loopback-stack';

/**
 * The real backend on 127.0.0.1:<random port>, resolving and querying only the loopback DNS, RDAP
 * and WHOIS servers that serve the recorded fixtures, so the SSRF guard stays on.
 */
export async function startBackend(
  env: Record<string, string> = {},
): Promise<{ url: string; stack: LoopbackStack; close: () => Promise<void> }> {
  const stack = await startLoopbackStack();
  const { app } = stack.app({ env });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stack,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stack.close();
    },
  };
}
