/** TAKEDOWN_IMAP_URL (imap:// or imaps://user:pass@host:port) and TAKEDOWN_IMAP_FOLDER → imapflow settings. */
import { AppError } from '../../errors';
import { isLoopbackHost } from '../config';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  /** STARTTLS is required unless the server is on this machine, as for SMTP. */
  requireTls: boolean;
  user: string;
  pass: string;
  folder: string;
  timeoutMs?: number;
}

export function imapSettingsFromEnv(env: Record<string, string | undefined>): ImapSettings | undefined {
  const raw = env.TAKEDOWN_IMAP_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError(
      'invalid_input',
      'TAKEDOWN_IMAP_URL is not a URL (imaps://user:pass@host:993 or imap://user:pass@host:143)',
    );
  }
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:')
    throw new AppError('invalid_input', 'TAKEDOWN_IMAP_URL must start with imap:// or imaps://');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host || !url.username) throw new AppError('invalid_input', 'TAKEDOWN_IMAP_URL needs user:password@host');
  const secure = url.protocol === 'imaps:';
  const folder = env.TAKEDOWN_IMAP_FOLDER?.trim() || 'INBOX';
  if (folder.length > 200 || /[\r\n\0]/.test(folder))
    throw new AppError('invalid_input', 'TAKEDOWN_IMAP_FOLDER is not a folder name');
  return {
    host,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    requireTls: !secure && !isLoopbackHost(host),
    user: decodeURIComponent(url.username),
    pass: decodeURIComponent(url.password),
    folder,
  };
}
