/**
 * All three loopback servers (DNS, RDAP, WHOIS) plus the TAKEDOWN_* environment that points the backend at
 * them, for server tests, end-to-end tests and benchmarks:
 *
 *   const stack = await startLoopbackStack();
 *   spawn('npx', ['tsx', 'lib/server/cli.ts', 'lookup', url, '--json'], { env: { ...process.env, ...stack.env } });
 *   const { app } = stack.app();            // the real server app (buildServerApp) against the loopback servers
 *   await app.request(path, { headers: { 'x-takedown-client': 'extension' } });   // every /v1 call carries it
 *   await stack.close();
 */
import { loadConfig } from '../../lib/server/config';
import { buildServerApp } from '../../lib/server/server-app';
import { startLoopbackDns, type LoopbackDns, type Zone } from './loopback-dns';
import { fixtureZone } from './loopback-fixture-zone';
import { startLoopbackRdap, type LoopbackRdap } from './loopback-rdap';
import { startLoopbackWhois, type LoopbackWhois } from './loopback-whois';

export interface LoopbackStack {
  dns: LoopbackDns;
  rdap: LoopbackRdap;
  whois: LoopbackWhois;
  env: Record<string, string>;
  /** A fresh app + service with its own memory cache; `now` is injectable for TTL tests. */
  app(opts?: { now?: () => Date; env?: Record<string, string> }): ReturnType<typeof buildApp>;
  close(): Promise<void>;
}

function buildApp(env: Record<string, string>, now: () => Date) {
  const built = buildServerApp(loadConfig(env), now);
  // Tests must not wait out real Retry-After values (set before the first lookup builds the runtime).
  built.deps.sleep = async () => {};
  return built;
}

export async function startLoopbackStack(opts: { zone?: Zone; timeoutMs?: number } = {}): Promise<LoopbackStack> {
  const [dns, rdap, whois] = await Promise.all([
    startLoopbackDns({ zone: opts.zone ?? fixtureZone() }),
    startLoopbackRdap(),
    startLoopbackWhois(),
  ]);
  const env = {
    TAKEDOWN_DNS_SERVERS: dns.server,
    TAKEDOWN_RDAP_BOOTSTRAP: rdap.bootstrapBase,
    TAKEDOWN_WHOIS_SERVER: whois.env,
    TAKEDOWN_CACHE: 'memory',
    TAKEDOWN_ALLOW_HTTP_RDAP: '1',
    TAKEDOWN_TIMEOUT_MS: String(opts.timeoutMs ?? 1500),
    TAKEDOWN_RATE_LIMIT: '100000',
  };
  return {
    dns,
    rdap,
    whois,
    env,
    app: (o = {}) => buildApp({ ...env, ...o.env }, o.now ?? (() => new Date())),
    async close() {
      await Promise.all([dns.close(), rdap.close(), whois.close()]);
    },
  };
}
