/** TAKEDOWN_IMAP_URL (imap:// or imaps://user:pass@host:port) and TAKEDOWN_IMAP_FOLDER → imapflow settings. */
import { AppError } from '../../errors';
import { parseMailServerUrl, type MailServerUrl } from './server-url';

/** The server as TAKEDOWN_IMAP_URL names it (STARTTLS required off loopback, as for SMTP), with its login. */
export interface ImapSettings extends MailServerUrl {
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
