/** POST /v1/send: the frozen .eml (message/rfc822 body, or JSON {eml}) out over SMTP; the answer is the proof. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError } from '../../errors';
import { apiError } from '../api-error';
import { checkEml, MAX_EML_BYTES } from '../mail/eml-check';
import type { MailService } from '../mail/mail-service';
import { sendEml } from '../mail/smtp-send';

export interface SendRouteDeps {
  mail: MailService;
  now: () => Date;
}

const JsonBody = z.object({ eml: z.string().min(1) });

const HTTP: Partial<Record<string, [ContentfulStatusCode, string]>> = {
  invalid_input: [400, 'invalid-input'],
  unauthorized: [502, 'smtp-auth-failed'],
  forbidden_sender: [502, 'smtp-sender-refused'],
  invalid_response: [502, 'smtp-message-refused'],
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
    if (!smtp) return apiError(c, 503, 'not-configured', 'SMTP is not configured on the backend (TAKEDOWN_SMTP_URL).');
    let raw: Buffer;
    if ((c.req.header('content-type') ?? '').startsWith('application/json')) {
      const parsed = JsonBody.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success)
        return apiError(c, 400, 'invalid-input', 'Send the .eml as message/rfc822, or JSON {"eml": "..."}.', 'eml');
      raw = Buffer.from(parsed.data.eml, 'utf8');
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
