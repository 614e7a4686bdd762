/** POST /v1/send: the frozen .eml (message/rfc822 body, or JSON {eml}) out over SMTP; the answer is the proof. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError, type ErrorKind } from '../../errors';
import { apiError } from '../api-error';
import { readJsonBody } from '../json-body';
import { checkEml, MAX_EML_BYTES } from '../mail/eml-check';
import type { MailService } from '../mail/mail-service';
import { sendEml } from '../mail/smtp-send';

export interface SendRouteDeps {
  mail: MailService;
  now: () => Date;
}

/** The alternative to a message/rfc822 body. */
const JsonBody = z.object({ eml: z.string().min(1) });

/**
 * The SMTP failures as HTTP statuses and kinds: 502 because the backend is fine and the mail server behind it
 * refused; the SMTP kinds say which part to fix (login, sender, message).
 */
const HTTP: Partial<Record<ErrorKind, [ContentfulStatusCode, ErrorKind]>> = {
  invalid_input: [400, 'invalid_input'],
  unauthorized: [502, 'smtp_auth_failed'],
  forbidden_sender: [502, 'smtp_sender_refused'],
  invalid_response: [502, 'smtp_message_refused'],
  timeout: [504, 'timeout'],
  unavailable: [502, 'unavailable'],
};

export function sendRoutes(deps: SendRouteDeps) {
  const app = new Hono();
  // JSON doubles the size of binary-safe text at worst; the cap is checked again on the decoded .eml.
  const limit = bodyLimit({
    maxSize: MAX_EML_BYTES * 2,
    onError: (c) => apiError(c, 413, 'payload_too_large', 'The .eml is too large.'),
  });
  app.post('/', limit, async (c) => {
    const smtp = deps.mail.smtp;
    if (!smtp) return apiError(c, 503, 'not_configured', 'SMTP is not configured on the backend (TAKEDOWN_SMTP_URL).');
    let raw: Buffer;
    if ((c.req.header('content-type') ?? '').startsWith('application/json')) {
      const body = await readJsonBody(c, JsonBody);
      if (!body.ok) return body.response;
      raw = Buffer.from(body.value.eml, 'utf8');
    } else {
      raw = Buffer.from(await c.req.arrayBuffer());
    }
    try {
      const eml = await checkEml(raw, { now: deps.now });
      const proof = await sendEml(eml, smtp, deps.now);
      deps.mail.recordSent(proof);
      if (proof.rejected.length)
        deps.mail.status.failed(proof.time, 'smtp', `refused: ${proof.rejected.join(', ')}: ${proof.response}`);
      return c.json(proof);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const [status, kind] = HTTP[err.kind] ?? [502, 'unavailable'];
      if (err.kind !== 'invalid_input') deps.mail.status.failed(deps.now().toISOString(), 'smtp', err.message);
      return apiError(c, status, kind, err.message, err.kind === 'invalid_input' ? 'eml' : undefined);
    }
  });
  return app;
}
