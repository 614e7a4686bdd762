/** The whole backend app from a validated config: what main.ts serves and what tests and benchmarks build. */
import { createApp } from './app';
import type { ServerConfig } from './config';
import { lookupTarget } from '../lookup';
import { buildLookupDeps, buildRecheckResolve } from './deps';
import { loadOrCreateInstallToken } from './install-token';
import { createLookupService } from './lookup-service';
import type { MailService } from './mail/mail-service';
import { createTimestampService, type TimestampService } from './tsa/service';

/** The TSA from TAKEDOWN_TSA_URL/TAKEDOWN_TSA_CA, or undefined; throws when the CA file is unreadable or empty. */
export function buildTimestampService(config: ServerConfig): TimestampService | undefined {
  return config.tsaUrl ? createTimestampService({ url: config.tsaUrl, caFile: config.tsaCaFile }) : undefined;
}

/** What both modes take from the configuration as it is: auth, CORS, the rate limit, re-checks, the bind. */
export function configAppDeps(config: ServerConfig) {
  return {
    token: config.token,
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    recheck: { resolve: buildRecheckResolve(config) },
    publicBind: config.publicBind,
  };
}

export function buildServerApp(
  config: ServerConfig,
  now: () => Date = () => new Date(),
  mail?: MailService,
  timestamp: TimestampService | undefined = buildTimestampService(config),
) {
  const { deps, cache } = buildLookupDeps(config, now);
  const service = createLookupService({ lookup: lookupTarget, deps, store: cache });
  const installToken = config.publicBind ? undefined : loadOrCreateInstallToken(config.cache);
  const app = createApp({
    now,
    lookup: service,
    ...configAppDeps(config),
    installToken,
    requirePairing: config.requirePairing,
    mail,
    timestamp,
  });
  return { app, service, deps, cache, installToken };
}
