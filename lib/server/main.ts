import path from 'node:path';
import { loadConfig } from './config';
import { installProcessGuards } from './process-guard';
import { startServer } from './serve';
import { buildServerApp, buildTimestampService } from './server-app';
import { imapSettingsFromEnv, type ImapSettings } from './mail/imap-settings';
import { MailService } from './mail/mail-service';
import { smtpSettingsFromEnv, type SmtpSettings } from './mail/smtp-settings';
import type { TimestampService } from './tsa/service';
import { buildTeamServer } from './team/team-server';
import { teamConfigFromEnv, type TeamConfig } from './team/team-config';

/** `npm run server`: env is validated first; a non-loopback bind without TAKEDOWN_TOKEN refuses to start. */
let config: ReturnType<typeof loadConfig>;
let smtp: SmtpSettings | undefined;
let imap: ImapSettings | undefined;
let timestamp: TimestampService | undefined;
let team: TeamConfig | undefined;
try {
  config = loadConfig(process.env);
  team = teamConfigFromEnv(process.env);
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
// Team mode (TAKEDOWN_DATABASE_URL + TAKEDOWN_REDIS_URL): state lives in PostgreSQL and Redis, not here.
// A database that cannot be reached or migrated, or a TAKEDOWN_BLOB_DIR that cannot be written, stops the start.
const built = team
  ? await buildTeamServer(config, team, { now, mail, timestamp }).catch((err: unknown) => {
      console.error(`Team server could not start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    })
  : null;
const single = built ? null : buildServerApp(config, now, mail, timestamp);
const app = built?.app ?? single!.app;

const served = await startServer(app.fetch, { host: config.host, port: config.port });
console.log(
  `Takedown backend listening on http://${served.address}:${served.port} (${built ? 'team mode: PostgreSQL and Redis' : `cache: ${config.cache}`})`,
);
console.log(
  `Load the extension: chrome://extensions → Developer mode → Load unpacked → ${path.resolve('.output/chrome-mv3')}`,
);
console.log(
  'Firefox: npm run build:firefox, then about:debugging → Load Temporary Add-on → .output/firefox-mv2/manifest.json',
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void served
      .close()
      .then(() => (built ? built.close() : single!.cache.close()))
      .then(() => process.exit(0));
  });
}
