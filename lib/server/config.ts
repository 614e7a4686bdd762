/**
 * Backend configuration from the environment, validated with Zod so a typo fails at start with a sentence
 * naming the variable, instead of surfacing later as a confusing lookup error.
 *
 * TAKEDOWN_HOST (127.0.0.1)  TAKEDOWN_PORT (8787)  TAKEDOWN_TOKEN (required off loopback)
 * TAKEDOWN_DNS_SERVERS  "host[:port],…" (system resolvers when unset)
 * TAKEDOWN_RDAP_BOOTSTRAP  base URL of dns.json/ipv4.json/… (IANA when unset)
 * TAKEDOWN_WHOIS_SERVER  "host[:port]" for every WHOIS query, or "name=host:port,…,*=host:port"
 * TAKEDOWN_CACHE  "memory" or a SQLite file path (default data/lookup-cache.sqlite; memory under vitest)
 * TAKEDOWN_CORS_ORIGINS  "chrome-extension://<id>,moz-extension://<uuid>" (default: the fixed Chrome ID)
 * TAKEDOWN_ALLOW_HTTP_RDAP  "1" lets RDAP use http:// and loopback addresses (tests only)
 * TAKEDOWN_RATE_LIMIT  requests per minute per client (default 600; a batch costs one per URL)   TAKEDOWN_TIMEOUT_MS (8000)
 * TAKEDOWN_REQUIRE_PAIRING  "1": on loopback too, /v1 needs a token (pairing or TAKEDOWN_TOKEN), not just the header
 * Mail (parsed in lib/server/mail): TAKEDOWN_SMTP_URL, TAKEDOWN_SMTP_FROM, TAKEDOWN_SMTP_CA_FILE,
 *   TAKEDOWN_DKIM_DOMAIN/SELECTOR/KEY_FILE, TAKEDOWN_IMAP_URL, TAKEDOWN_IMAP_FOLDER
 * TAKEDOWN_TSA_URL  RFC 3161 time-stamping authority (none: POST /v1/timestamp answers 503)
 * TAKEDOWN_TSA_CA  PEM file of the TSA's root(s); when set, every token must chain to it
 * Team mode (parsed in lib/server/team/team-config.ts): TAKEDOWN_DATABASE_URL, TAKEDOWN_REDIS_URL,
 *   TAKEDOWN_JOB_LOCK_MS, TAKEDOWN_BLOB_DIR
 */
import { z } from 'zod';
import { CHROME_EXTENSION_ORIGIN } from '../extension-id';
import { AppError } from '../errors';
import { parseIp } from '../net/ip';

const HOST_PORT = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/;

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** "host[:port]" → { "*": it }; "name=host:port,…" → the map. Throws a readable message on bad entries. */
export function parseWhoisRoute(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list(value)) {
    const eq = item.indexOf('=');
    const [name, target] = eq < 0 ? ['*', item] : [item.slice(0, eq).trim().toLowerCase(), item.slice(eq + 1).trim()];
    if (!HOST_PORT.test(target) || (name !== '*' && !/^[a-z0-9.-]+$/.test(name)))
      throw new Error(`"${item}" is not host[:port] or name=host[:port]`);
    out[name] = target;
  }
  return out;
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const ip = parseIp(host);
  return (
    !!ip && (ip.version === 4 ? ip.bytes[0] === 127 : ip.bytes.slice(0, 15).every((b) => b === 0) && ip.bytes[15] === 1)
  );
}

export const EnvSchema = z
  .object({
    TAKEDOWN_HOST: z
      .string()
      .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or IP address')
      .default('127.0.0.1'),
    TAKEDOWN_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    TAKEDOWN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    TAKEDOWN_DNS_SERVERS: z
      .string()
      .optional()
      .transform((s, ctx) => {
        const servers = list(s);
        const bad = servers.find((x) => !HOST_PORT.test(x) || !parseIp(x.replace(/^\[|\](:\d+)?$|:\d+$/g, '')));
        if (bad) ctx.addIssue({ code: 'custom', message: `"${bad}" is not an IP address with an optional :port` });
        return servers.length ? servers : undefined;
      }),
    TAKEDOWN_RDAP_BOOTSTRAP: z
      .url({ protocol: /^https?$/ })
      .optional()
      .transform((u) => (u && !u.endsWith('/') ? `${u}/` : u)),
    TAKEDOWN_WHOIS_SERVER: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s?.trim()) return undefined;
        try {
          return parseWhoisRoute(s);
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message });
          return undefined;
        }
      }),
    TAKEDOWN_CACHE: z.string().min(1).optional(),
    TAKEDOWN_CORS_ORIGINS: z
      .string()
      .optional()
      .transform((s, ctx) => {
        const origins = list(s);
        const bad = origins.find(
          (o) =>
            !/^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._@-]+$/.test(o) &&
            !/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(o),
        );
        if (bad) ctx.addIssue({ code: 'custom', message: `"${bad}" is not an extension origin (never "*")` });
        return origins.length ? origins : [CHROME_EXTENSION_ORIGIN];
      }),
    TAKEDOWN_ALLOW_HTTP_RDAP: z
      .enum(['0', '1', 'true', 'false'])
      .optional()
      .transform((v) => v === '1' || v === 'true'),
    TAKEDOWN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
    TAKEDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
    TAKEDOWN_REQUIRE_PAIRING: z
      .enum(['0', '1', 'true', 'false'])
      .optional()
      .transform((v) => v === '1' || v === 'true'),
    TAKEDOWN_TSA_URL: z.url({ protocol: /^https?$/ }).optional(),
    TAKEDOWN_TSA_CA: z.string().min(1).optional(),
    // Team mode (validated in lib/server/team/team-config.ts); named here because it changes the token rule below.
    TAKEDOWN_DATABASE_URL: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    // A team server (TAKEDOWN_DATABASE_URL) always requires a per-user team token, so it may bind publicly without one.
    if (!isLoopbackHost(env.TAKEDOWN_HOST) && !env.TAKEDOWN_TOKEN && !env.TAKEDOWN_DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['TAKEDOWN_TOKEN'],
        message: `is required when TAKEDOWN_HOST (${env.TAKEDOWN_HOST}) is not a loopback address`,
      });
    }
  });

export interface ServerConfig {
  host: string;
  port: number;
  token?: string;
  dnsServers?: string[];
  rdapBootstrap?: string;
  whoisRoute?: Record<string, string>;
  /** "memory" or a file path. */
  cache: string;
  corsOrigins: string[];
  allowHttpRdap: boolean;
  rateLimitPerMinute: number;
  timeoutMs: number;
  /** Bound to a non-loopback address: Host is not checked and pairing is off (TAKEDOWN_TOKEN is required). */
  publicBind: boolean;
  requirePairing: boolean;
  /** RFC 3161 TSA; unset means no timestamps (POST /v1/timestamp answers 503). */
  tsaUrl?: string;
  /** Path of a PEM bundle of TSA roots. */
  tsaCaFile?: string;
}

export const DEFAULT_CACHE_FILE = 'data/lookup-cache.sqlite';

/** Throws AppError('invalid_input') listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const clean = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('TAKEDOWN_') && v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(clean);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`).join('; ');
    throw new AppError('invalid_input', `Invalid configuration: ${msg}`);
  }
  const e = parsed.data;
  return {
    host: e.TAKEDOWN_HOST,
    port: e.TAKEDOWN_PORT,
    token: e.TAKEDOWN_TOKEN,
    dnsServers: e.TAKEDOWN_DNS_SERVERS,
    rdapBootstrap: e.TAKEDOWN_RDAP_BOOTSTRAP,
    whoisRoute: e.TAKEDOWN_WHOIS_SERVER,
    cache: e.TAKEDOWN_CACHE ?? (env.VITEST ? 'memory' : DEFAULT_CACHE_FILE),
    corsOrigins: e.TAKEDOWN_CORS_ORIGINS,
    allowHttpRdap: e.TAKEDOWN_ALLOW_HTTP_RDAP,
    rateLimitPerMinute: e.TAKEDOWN_RATE_LIMIT,
    timeoutMs: e.TAKEDOWN_TIMEOUT_MS,
    publicBind: !isLoopbackHost(e.TAKEDOWN_HOST),
    requirePairing: e.TAKEDOWN_REQUIRE_PAIRING,
    tsaUrl: e.TAKEDOWN_TSA_URL,
    tsaCaFile: e.TAKEDOWN_TSA_CA,
  };
}
