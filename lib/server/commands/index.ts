import { bulk } from './bulk';
import { detect } from './detect';
import { draft } from './draft';
import { letter } from './letter';
import { lookup } from './lookup';
import { send } from './send';
import { team } from './team';
import { timestamp } from './timestamp';
import type { CliCommand } from './types';
import { verifyTimestamp } from './verify-timestamp';

/** One line per command; each command lives in its own file. */
export const COMMANDS: Record<string, CliCommand> = {
  bulk,
  detect,
  draft,
  letter,
  lookup,
  send,
  team,
  timestamp,
  'verify-timestamp': verifyTimestamp,
};
