/**
 * TAKEDOWN_SMTP_URL and friends → the settings nodemailer needs. Parsed once at the edge, so a typo
 * fails with a sentence naming the variable instead of surfacing later as a confusing send error.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../errors';
import { isSafeAddress } from '../../notices/mime';
import { parseMailServerUrl, type MailServerUrl } from './server-url';

/** The server as TAKEDOWN_SMTP_URL names it (smtps:// → TLS from the first byte; smtp:// → STARTTLS), plus: */
export interface SmtpSettings extends MailServerUrl {
  /** Envelope sender; the letter's From when unset. */
  envelopeFrom?: string;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  /** Extra CA (PEM) to trust, for a company server with a private certificate. */
  ca?: string;
  /** Connect and greeting timeout; tests shorten it. Default 10 s. */
  timeoutMs?: number;
}

/** Returns undefined when TAKEDOWN_SMTP_URL is unset (mail sending is optional). Throws AppError('invalid_input'). */
export function smtpSettingsFromEnv(env: Record<string, string | undefined>): SmtpSettings | undefined {
  const raw = env.TAKEDOWN_SMTP_URL?.trim();
  if (!raw) return undefined;
  const server = parseMailServerUrl(raw, 'TAKEDOWN_SMTP_URL', {
    tls: { scheme: 'smtps:', port: 465 },
    plain: { scheme: 'smtp:', port: 587 },
  });
  const from = env.TAKEDOWN_SMTP_FROM?.trim() || undefined;
  if (from && !isSafeAddress(from))
    throw new AppError('invalid_input', 'TAKEDOWN_SMTP_FROM is not a bare e-mail address');

  const dkimVars = [env.TAKEDOWN_DKIM_DOMAIN, env.TAKEDOWN_DKIM_SELECTOR, env.TAKEDOWN_DKIM_KEY_FILE].map(
    (v) => v?.trim() || undefined,
  );
  let dkim: SmtpSettings['dkim'];
  if (dkimVars.some(Boolean)) {
    const [domainName, keySelector, keyFile] = dkimVars;
    if (!domainName || !keySelector || !keyFile)
      throw new AppError(
        'invalid_input',
        'DKIM needs all of TAKEDOWN_DKIM_DOMAIN, TAKEDOWN_DKIM_SELECTOR and TAKEDOWN_DKIM_KEY_FILE',
      );
    dkim = { domainName, keySelector, privateKey: readPem(keyFile, 'TAKEDOWN_DKIM_KEY_FILE') };
  }
  const caFile = env.TAKEDOWN_SMTP_CA_FILE?.trim();
  return {
    ...server,
    envelopeFrom: from,
    dkim,
    ca: caFile ? readPem(caFile, 'TAKEDOWN_SMTP_CA_FILE') : undefined,
  };
}

function readPem(file: string, name: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError(
      'invalid_input',
      `${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}
