import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { AppError } from '../../errors';
import { formatIp, nonPublicReason, parseIp } from '../../net/ip';
import type { RecheckResult } from '../../tracking/recheck';

export interface GuardedFetchOptions {
  /** Every A and AAAA address of a name. */
  resolve: (hostname: string) => Promise<string[]>;
  now?: () => Date;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  allowedPorts?: readonly number[];
  /** Tests only: lets a loopback server be the target. Private ranges stay refused. */
  allowLoopback?: boolean;
  userAgent?: string;
}

export const RECHECK_DEFAULTS = {
  maxBytes: 2 * 1024 * 1024,
  timeoutMs: 10_000,
  maxRedirects: 5,
  allowedPorts: [80, 443],
} as const;

interface Target {
  url: URL;
  port: number;
  address: string;
  family: 4 | 6;
}

/** Vets a URL and pins the address to connect to; refuses any name with a non-public address. */
export async function vet(
  raw: string,
  opts: Pick<GuardedFetchOptions, 'resolve' | 'allowedPorts' | 'allowLoopback'>,
): Promise<Target> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('invalid_input', 'Not a valid URL', { url: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('invalid_input', 'Only http and https URLs can be re-checked', { url: raw });
  if (url.username || url.password)
    throw new AppError('invalid_input', 'URLs with credentials are not fetched', { url: raw });
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (!(opts.allowedPorts ?? RECHECK_DEFAULTS.allowedPorts).includes(port))
    throw new AppError('private_target', `Port ${port} is not allowed`, { url: raw, port });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = parseIp(host);
  let addresses: string[];
  if (literal) addresses = [host];
  else {
    try {
      addresses = await opts.resolve(host);
    } catch (err) {
      throw new AppError('unavailable', `Could not resolve ${host}`, {
        host,
        cause: err instanceof Error ? err.message : String(err),
      });
    }
  }
  if (addresses.length === 0) throw new AppError('not_found', `${host} has no address`, { host });
  // Every address is checked, not just the one used: a name that also points inward is refused.
  let pinned: { address: string; family: 4 | 6 } | null = null;
  for (const a of addresses) {
    const ip = parseIp(a);
    if (!ip)
      throw new AppError('invalid_response', `Resolver returned a non-address for ${host}`, { host, address: a });
    const reason = nonPublicReason(ip);
    if (reason && !(reason === 'loopback' && opts.allowLoopback)) {
      throw new AppError('private_target', `${host} resolves to a ${reason} address`, {
        host,
        address: formatIp(ip),
        reason,
      });
    }
    pinned ??= { address: formatIp(ip), family: ip.version };
  }
  return { url, port, ...pinned! };
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string | null;
  bytes: number;
  truncated: boolean;
  sha256: string;
  body: Buffer;
}

function request(t: Target, opts: GuardedFetchOptions, deadline: number): Promise<Hop> {
  const maxBytes = opts.maxBytes ?? RECHECK_DEFAULTS.maxBytes;
  // Connect to the vetted address only, so a second DNS answer cannot redirect us (DNS rebinding).
  const lookup: LookupFunction = (_name, options, cb) => {
    if ((options as { all?: boolean }).all)
      (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: t.address, family: t.family },
      ]);
    else cb(null, t.address, t.family);
  };
  const mod = t.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new AppError('timeout', 'Re-check timed out', { url: t.url.href }));
    const req = mod.request(
      {
        protocol: t.url.protocol,
        hostname: t.url.hostname.replace(/^\[|\]$/g, ''),
        port: t.port,
        path: `${t.url.pathname}${t.url.search}`,
        method: 'GET',
        lookup,
        agent: false,
        headers: {
          'user-agent': opts.userAgent ?? 'TakedownAssistant-Recheck/1',
          accept: '*/*',
          'accept-encoding': 'identity',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === 'string' ? res.headers.location : null;
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let bytes = 0;
        let truncated = false;
        const finish = () => {
          clearTimeout(timer);
          resolve({
            status,
            location,
            contentType: res.headers['content-type'] ?? null,
            bytes,
            truncated,
            sha256: hash.digest('hex'),
            body: Buffer.concat(chunks),
          });
        };
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = maxBytes - bytes;
          const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
          hash.update(part);
          chunks.push(part);
          bytes += part.length;
          if (chunk.length > room) {
            truncated = true;
            res.destroy();
            finish();
          }
        });
        res.on('end', () => !truncated && finish());
        res.on(
          'error',
          (err) =>
            !truncated && reject(new AppError('unavailable', `Reading ${t.url.href} failed`, { cause: err.message })),
        );
      },
    );
    const timer = setTimeout(
      () => req.destroy(new AppError('timeout', 'Re-check timed out', { url: t.url.href })),
      remaining,
    );
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(
        err instanceof AppError
          ? err
          : new AppError('unavailable', `Could not fetch ${t.url.href}`, { cause: err.message }),
      );
    });
    req.end();
  });
}

/**
 * Fetches a URL the way a re-check must: public addresses only (checked again after every
 * redirect), pinned to the vetted IP, http(s) on allowed ports, bounded in size and time.
 */
export async function fetchGuarded(
  rawUrl: string,
  markers: readonly string[],
  opts: GuardedFetchOptions,
): Promise<RecheckResult> {
  const deadline = Date.now() + (opts.timeoutMs ?? RECHECK_DEFAULTS.timeoutMs);
  const maxRedirects = opts.maxRedirects ?? RECHECK_DEFAULTS.maxRedirects;
  const redirects: string[] = [];
  let current = rawUrl;
  for (;;) {
    const target = await vet(current, opts);
    const hop = await request(target, opts, deadline);
    if (hop.status >= 300 && hop.status < 400 && hop.location) {
      if (redirects.length >= maxRedirects)
        throw new AppError('unavailable', `More than ${maxRedirects} redirects`, { url: rawUrl, redirects });
      current = new URL(hop.location, target.url).href;
      redirects.push(current);
      continue;
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(hop.body).toLowerCase();
    const matchedMarkers = markers.filter((m) => text.includes(m.toLowerCase()));
    const ok = hop.status >= 200 && hop.status < 300;
    return {
      url: rawUrl,
      finalUrl: target.url.href,
      status: hop.status,
      contentType: hop.contentType,
      bytes: hop.bytes,
      truncated: hop.truncated,
      sha256: hop.sha256,
      redirects,
      matchedMarkers,
      stillServing: ok && (markers.length === 0 || matchedMarkers.length > 0),
      checkedAt: (opts.now ?? (() => new Date()))().toISOString(),
    };
  }
}
