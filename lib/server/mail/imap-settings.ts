/** TAKEDOWN_IMAP_URL (imap:// or imaps://user:pass@host:port) and TAKEDOWN_IMAP_FOLDER → imapflow settings. */
import { AppError } from '../../errors';
import { parseMailServerUrl } from './server-url';

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
  const {
    user,
    pass = '',
    ...server
  } = parseMailServerUrl(raw, 'TAKEDOWN_IMAP_URL', {
    tls: { scheme: 'imaps:', port: 993 },
    plain: { scheme: 'imap:', port: 143 },
  });
  if (!user) throw new AppError('invalid_input', 'TAKEDOWN_IMAP_URL needs user:password@host');
  const folder = env.TAKEDOWN_IMAP_FOLDER?.trim() || 'INBOX';
  if (folder.length > 200 || /[\r\n\0]/.test(folder))
    throw new AppError('invalid_input', 'TAKEDOWN_IMAP_FOLDER is not a folder name');
  return { ...server, user, pass, folder };
}
