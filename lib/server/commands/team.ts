import { parseArgs } from 'node:util';
import pg from 'pg';
import { RoleSchema } from '../../team/schema';
import { audit } from '../team/audit';
import { migrate } from '../team/migrate';
import { teamConfigFromEnv } from '../team/team-config';
import { addUser } from '../team/users';
import type { CliCommand } from './types';

const USAGE = 'usage: cli team add-user <name> --role admin|analyst|viewer [--label <text>]\n';

/**
 * `cli team add-user <name> --role …`: creates the user (the first admin has to come from somewhere) and prints
 * {user, token, tokenId} once; the database keeps only the token's hash. Reads TAKEDOWN_DATABASE_URL (and needs
 * TAKEDOWN_REDIS_URL like the server, so one env file serves both). Exit 0 done; 2 bad input or configuration;
 * 1 the database could not be reached.
 */
export const team: CliCommand = {
  summary: 'manage team-server users (add-user)',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: { role: { type: 'string' }, label: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const [sub, name] = parsed.positionals;
    const role = RoleSchema.safeParse(parsed.values.role);
    if (sub !== 'add-user' || !name?.trim() || parsed.positionals.length !== 2 || !role.success) {
      io.stderr.write(USAGE);
      return 2;
    }
    let cfg;
    try {
      cfg = teamConfigFromEnv(io.env);
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n`);
      return 2;
    }
    if (!cfg) {
      io.stderr.write('Set TAKEDOWN_DATABASE_URL and TAKEDOWN_REDIS_URL (team mode) first.\n');
      return 2;
    }
    const db = new pg.Pool({ connectionString: cfg.databaseUrl, connectionTimeoutMillis: 5000 });
    try {
      await migrate(cfg.databaseUrl);
      const made = await addUser(db, name.trim(), role.data, parsed.values.label ?? 'cli');
      await audit(db, {
        userId: null,
        action: 'users.add',
        target: made.user.name,
        outcome: 'ok',
        detail: { via: 'cli', role: made.user.role, tokenId: made.tokenId },
      });
      io.stdout.write(`${JSON.stringify(made)}\n`);
      return 0;
    } catch (err) {
      io.stderr.write(`The team database could not be reached or updated: ${(err as Error).message}\n`);
      return 1;
    } finally {
      await db.end();
    }
  },
};
