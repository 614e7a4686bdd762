/**
 * GET /v1/replies/:id/attachments/:index: an attachment's bytes, re-read from the mailbox and checked against its hash.
 * GET /v1/replies?since=<ISO time>[&poll=1]: replies read over IMAP with the Message-IDs they answer and a suggested
 * classification; polls first when the last poll is stale (or poll=1). GET /v1/mail/status: what the options page
 * shows (configured, last send, last poll, last error); host names only, never credentials.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors';
import { apiError } from '../api-error';
import type { MailService } from '../mail/mail-service';

const Query = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
  poll: z.enum(['0', '1']).optional(),
});

export function repliesRoutes(mail: MailService) {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = Query.safeParse(c.req.query());
    if (!q.success)
      return apiError(
        c,
        400,
        'invalid_input',
        'since must be an ISO 8601 time, e.g. 2026-12-02T09:00:00Z; poll 0 or 1.',
        String(q.error.issues[0]?.path[0] ?? 'since'),
      );
    if (!mail.status.snapshot().imap.configured)
      return apiError(c, 503, 'not_configured', 'IMAP is not configured on the backend (TAKEDOWN_IMAP_URL).');
    return c.json(await mail.replies(q.data.since ? new Date(q.data.since) : null, q.data.poll === '1'));
  });
  // Always a download (octet-stream), never rendered: a reply's HTML attachment must not run in the browser.
  app.get('/:id/attachments/:index', async (c) => {
    const index = Number(c.req.param('index'));
    if (!Number.isInteger(index) || index < 0)
      return apiError(c, 400, 'invalid_input', 'index must be a whole number.', 'index');
    try {
      const a = await mail.attachment(c.req.param('id'), index);
      return c.body(new Uint8Array(a.bytes), 200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        'x-content-sha256': a.sha256,
        'x-content-type-original': a.mimeType.replace(/[^\x20-\x7e]/g, ''),
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.kind === 'not_found') return apiError(c, 404, 'not_found', err.message);
      if (err.kind === 'invalid_response') return apiError(c, 409, 'changed', err.message);
      return apiError(c, 502, 'unavailable', err.message);
    }
  });
  return app;
}

export function mailStatusRoutes(mail: MailService) {
  const app = new Hono();
  app.get('/', (c) => c.json(mail.status.snapshot()));
  return app;
}
