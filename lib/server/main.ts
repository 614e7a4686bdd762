import path from 'node:path';
import { loadConfig } from './config';
import { installProcessGuards } from './process-guard';
import { startServer } from './serve';
import { buildServerApp, buildTimestampService } from './server-app';
import { imapSettingsFromEnv, type ImapSettings } from './mail/imap-settings';
import { MailService } from './mail/mail-service';
import { smtpSettingsFromEnv, type SmtpSettings } from './mail/smtp-settings';
import type { TimestampService } from './tsa/service';

/** `npm run server`: env is validated first; a non-loopback bind without TAKEDOWN_TOKEN refuses to start. */
let config: ReturnType<typeof loadConfig>;
let smtp: SmtpSettings | undefined;
let imap: ImapSettings | undefined;
let timestamp: TimestampService | undefined;
try {
  config = loadConfig(process.env);
  smtp = smtpSettingsFromEnv(process.env);
  imap = imapSettingsFromEnv(process.env);
  // A TSA CA file that is missing or holds no certificate stops the start, like any other bad setting.
  timestamp = buildTimestampService(config);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
installProcessGuards();

const now = () => new Date();
const mail = new MailService({ smtp, imap, now });
const { app, cache } = buildServerApp(config, now, mail, timestamp);

const served = await startServer(app.fetch, { host: config.host, port: config.port });
console.log(`Takedown backend listening on http://${served.address}:${served.port} (cache: ${config.cache})`);
console.log(
  `Load the extension: chrome://extensions → Developer mode → Load unpacked → ${path.resolve('.output/chrome-mv3')}`,
);
console.log(
  'Firefox: npm run build:firefox, then about:debugging → Load Temporary Add-on → .output/firefox-mv2/manifest.json',
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void served.close().then(() => {
      cache.close();
      process.exit(0);
    });
  });
}
