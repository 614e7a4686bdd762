/**
 * Sends a checked .eml through the company's SMTP server with nodemailer's `raw` message, so the bytes that
 * leave are the bytes that were hashed (DKIM, when configured, only prepends its signature header). The result
 * is the proof of delivery the notice's history keeps: the server's acceptance line with its queue id.
 */
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import { AppError } from '../../errors';
import type { CheckedEml } from './eml-check';
import type { SmtpSettings } from './smtp-settings';

export interface DeliveryProof {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's final reply line (queue id included when the server gives one), or the refusal. */
  response: string;
  /** Per refused recipient, the server's reply. */
  refusals: { recipient: string; response: string }[];
  time: string;
  envelope: { from: string; to: string[] };
  /** SHA-256 of the message handed to the server (equals the frozen .eml's unless a Message-ID was added). */
  sha256: string;
  messageIdAdded: boolean;
}

/** Whole-send deadline: the CLI promises an answer in under 60 s even from a server that drips bytes. */
export const SEND_DEADLINE_MS = 45_000;

interface NodemailerError extends Error {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  rejected?: string[];
  rejectedErrors?: { recipient?: string; response?: string }[];
}

/** A failure to hand the message over at all (as opposed to a recipient refusal, which is a result). */
function failure(err: NodemailerError, settings: SmtpSettings): AppError {
  const scrub = (s: string) => (settings.pass ? s.split(settings.pass).join('***') : s);
  const line = scrub((err.response ?? err.message ?? 'unknown error').split(/\r?\n/)[0] ?? '').slice(0, 300);
  const where = `${settings.host}:${settings.port}`;
  if (err.code === 'EAUTH' || err.code === 'ENOAUTH')
    return new AppError('unauthorized', `SMTP login to ${where} failed: ${line}`);
  if (err.code === 'ETLS' || /STARTTLS/i.test(err.message ?? ''))
    return new AppError('unavailable', `SMTP server ${where} did not give a secure connection (STARTTLS): ${line}`);
  if (err.code === 'ETIMEDOUT') return new AppError('timeout', `SMTP server ${where} did not answer in time`);
  if (err.code === 'EMESSAGE' || (err.responseCode && err.command === 'DATA'))
    return new AppError('invalid_response', `SMTP server ${where} refused the message: ${line}`);
  if (err.code === 'EENVELOPE' && err.command === 'MAIL FROM')
    return new AppError('forbidden_sender', `SMTP server ${where} refused the sender: ${line}`);
  return new AppError('unavailable', `SMTP server ${where} is unreachable: ${line}`);
}

export async function sendEml(
  eml: CheckedEml,
  settings: SmtpSettings,
  now: () => Date = () => new Date(),
): Promise<DeliveryProof> {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTls,
    auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
    tls: { ...(settings.ca ? { ca: settings.ca } : {}), ...(isIP(settings.host) ? {} : { servername: settings.host }) },
    dkim: settings.dkim,
    connectionTimeout: settings.timeoutMs ?? 10_000,
    greetingTimeout: settings.timeoutMs ?? 10_000,
    socketTimeout: 2 * (settings.timeoutMs ?? 10_000),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const envelope = { from: settings.envelopeFrom ?? eml.from, to: [...eml.to, ...eml.cc] };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('deadline'), { code: 'ETIMEDOUT' })), SEND_DEADLINE_MS);
  });
  try {
    const info = await Promise.race([transport.sendMail({ envelope, raw: eml.raw }), deadline]);
    const refusals = ((info as { rejectedErrors?: NodemailerError[] }).rejectedErrors ?? []).map((e) => ({
      recipient: (e as { recipient?: string }).recipient ?? '',
      response: e.response ?? e.message,
    }));
    return {
      messageId: eml.messageId,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
      response: info.response,
      refusals,
      time: now().toISOString(),
      envelope,
      sha256: eml.sha256,
      messageIdAdded: eml.messageIdAdded,
    };
  } catch (e) {
    const err = e as NodemailerError;
    // Every recipient refused: the server answered, so this is a result to record, not an outage.
    if (err.code === 'EENVELOPE' && err.command === 'RCPT TO' && err.rejected?.length) {
      return {
        messageId: eml.messageId,
        accepted: [],
        rejected: err.rejected.map(String),
        response: err.response ?? err.message,
        refusals: (err.rejectedErrors ?? []).map((r) => ({ recipient: r.recipient ?? '', response: r.response ?? '' })),
        time: now().toISOString(),
        envelope,
        sha256: eml.sha256,
        messageIdAdded: eml.messageIdAdded,
      };
    }
    throw failure(err, settings);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
