import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../errors';
import { checkEml, MAX_EML_BYTES } from '../mail/eml-check';
import { sendEml } from '../mail/smtp-send';
import { smtpSettingsFromEnv } from '../mail/smtp-settings';
import type { CliCommand } from './types';

const USAGE = 'usage: cli send --eml <file.eml>   (TAKEDOWN_SMTP_URL=smtp://user:pass@host:587)\n';

/** Exit codes beyond 0/2, one per reason a send can fail, so scripts can tell them apart. */
export const SEND_EXIT = { ok: 0, refused: 1, invalid: 2, auth: 3, unavailable: 4 } as const;

/**
 * `cli send --eml <file>`: sends to the letter's To and Cc and prints {messageId, accepted, rejected, response}.
 * Exit 0 when every recipient was accepted; 1 when any was refused (the JSON is still printed); 2 for bad input
 * or configuration; 3 when the login failed; 4 when the server is down, too slow (under 60 s) or refused the
 * message or sender. Every failure ends with one line on stderr.
 */
export const send: CliCommand = {
  summary: 'send a frozen .eml over SMTP and print the proof of delivery',
  async run(args, io) {
    let file: string | undefined;
    try {
      file = parseArgs({ args, options: { eml: { type: 'string' } }, strict: true }).values.eml;
    } catch (err) {
      io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
      return SEND_EXIT.invalid;
    }
    if (!file) {
      io.stderr.write(USAGE);
      return SEND_EXIT.invalid;
    }
    try {
      const settings = smtpSettingsFromEnv(io.env);
      if (!settings) throw new AppError('invalid_input', 'TAKEDOWN_SMTP_URL is not set');
      let raw: Buffer;
      try {
        if (statSync(file).size > MAX_EML_BYTES)
          throw new AppError('invalid_input', `${file} is larger than ${MAX_EML_BYTES / 1024 / 1024} MB`);
        raw = readFileSync(file);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError(
          'invalid_input',
          `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        );
      }
      const proof = await sendEml(await checkEml(raw), settings);
      const { messageId, accepted, rejected, response } = proof;
      io.stdout.write(`${JSON.stringify({ messageId, accepted, rejected, response })}\n`);
      if (rejected.length === 0) return SEND_EXIT.ok;
      const why = proof.refusals.map((r) => `${r.recipient}: ${r.response}`).join('; ') || response;
      io.stderr.write(
        `refused ${rejected.length} of ${rejected.length + accepted.length} recipients: ${why.split(/\r?\n/)[0]}\n`,
      );
      return SEND_EXIT.refused;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      io.stderr.write(`${err.message.split(/\r?\n/)[0]}\n`);
      if (err.kind === 'invalid_input') return SEND_EXIT.invalid;
      if (err.kind === 'unauthorized') return SEND_EXIT.auth;
      return SEND_EXIT.unavailable;
    }
  },
};
