import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { lookup } from './core';
import { buildLookupDeps } from './deps';
import { createLookupService } from './lookup-service';
import { imapSettingsFromEnv, type ImapSettings } from './mail/imap-settings';
import { MailService } from './mail/mail-service';
import { smtpSettingsFromEnv, type SmtpSettings } from './mail/smtp-settings';

/** `npm run server`: env is validated first; a non-loopback bind without TAKEDOWN_TOKEN refuses to start. */
let config: ReturnType<typeof loadConfig>;
let smtp: SmtpSettings | undefined;
let imap: ImapSettings | undefined;
try {
  config = loadConfig(process.env);
  smtp = smtpSettingsFromEnv(process.env);
  imap = imapSettingsFromEnv(process.env);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}

const now = () => new Date();
const { deps, cache } = buildLookupDeps(config, now);
const service = createLookupService({ lookup, deps, store: cache });
const mail = new MailService({ smtp, imap, now });
const app = createApp({ now, lookup: service, token: config.token, corsOrigins: config.corsOrigins, rateLimitPerMinute: config.rateLimitPerMinute, mail });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  console.log(`Takedown backend listening on http://${info.address}:${info.port} (cache: ${config.cache})`);
  console.log(`Load the extension: chrome://extensions → Developer mode → Load unpacked → ${path.resolve('.output/chrome-mv3')}`);
  console.log('Firefox: npm run build:firefox, then about:debugging → Load Temporary Add-on → .output/firefox-mv2/manifest.json');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => {
      cache.close();
      process.exit(0);
    });
  });
}
