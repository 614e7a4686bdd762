/**
 * The one reading of a mail server URL (TAKEDOWN_SMTP_URL, TAKEDOWN_IMAP_URL): scheme → TLS mode and default port,
 * host, credentials. SMTP and IMAP differ only in their schemes and ports, so a typo in either fails with the same
 * kind of sentence naming the variable.
 */
import { AppError } from '../../errors';
import { isLoopbackHost } from '../config';

export interface MailProtocol {
  /** Scheme with implicit TLS (smtps:, imaps:) and its default port. */
  tls: { scheme: string; port: number };
  /** Scheme that upgrades with STARTTLS (smtp:, imap:) and its default port. */
  plain: { scheme: string; port: number };
}

export interface MailServerUrl {
  host: string;
  port: number;
  /** TLS from the first byte. */
  secure: boolean;
  /** STARTTLS is required unless the server is on this machine (loopback). */
  requireTls: boolean;
  user?: string;
  pass?: string;
}

export function parseMailServerUrl(raw: string, variable: string, proto: MailProtocol): MailServerUrl {
  const example = (s: { scheme: string; port: number }) => `${s.scheme}//user:pass@host:${s.port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('invalid_input', `${variable} is not a URL (${example(proto.tls)} or ${example(proto.plain)})`);
  }
  if (url.protocol !== proto.plain.scheme && url.protocol !== proto.tls.scheme)
    throw new AppError('invalid_input', `${variable} must start with ${proto.plain.scheme}// or ${proto.tls.scheme}//`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new AppError('invalid_input', `${variable} has no host`);
  const secure = url.protocol === proto.tls.scheme;
  return {
    host,
    port: url.port ? Number(url.port) : secure ? proto.tls.port : proto.plain.port,
    secure,
    requireTls: !secure && !isLoopbackHost(host),
    user: url.username ? decodeURIComponent(url.username) : undefined,
    pass: url.password ? decodeURIComponent(url.password) : undefined,
  };
}
