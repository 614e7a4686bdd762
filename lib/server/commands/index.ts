import { bulk } from './bulk';
import { detect } from './detect';
import { draft } from './draft';
import { letter } from './letter';
import { lookup } from './lookup';
import { send } from './send';
import type { CliCommand } from './types';

/** One line per command; each command lives in its own file. */
export const COMMANDS: Record<string, CliCommand> = {
  bulk,
  detect,
  draft,
  letter,
  lookup,
  send,
};
