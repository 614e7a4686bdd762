/**
 * Binds the app with the limits a long-running local server needs: a slow client cannot hold a socket forever
 * (headers and whole-request timeouts), and a flood of connections is capped instead of exhausting descriptors.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpLimits {
  /** Time to receive a request's headers (slowloris). */
  headersTimeoutMs: number;
  /** Time to receive a whole request. Streamed answers are not cut: this bounds what the client sends. */
  requestTimeoutMs: number;
  /** Idle keep-alive sockets are closed after this. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; more are closed on arrival. */
  maxConnections: number;
  /** How often Node checks the two timeouts above. */
  checkIntervalMs: number;
}

export const HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  checkIntervalMs: 1_000,
};

export interface Served {
  server: Server;
  port: number;
  address: string;
  close(): Promise<void>;
}

export async function startServer(
  fetch: (req: Request) => Response | Promise<Response>,
  opts: { host: string; port: number; limits?: Partial<HttpLimits> },
): Promise<Served> {
  const limits = { ...HTTP_LIMITS, ...opts.limits };
  const server = serve({
    fetch,
    hostname: opts.host,
    port: opts.port,
    serverOptions: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
  }) as Server;
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const info = server.address() as AddressInfo;
  return {
    server,
    port: info.port,
    address: info.address,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
