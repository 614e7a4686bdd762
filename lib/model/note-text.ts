/**
 * Renders notes in English for the CLI and the backend's text output (pages use renderNote with their translator,
 * without this file, so the English catalogue is not bundled into them). The English words are the extension's own English messages, so the terminal and the report page never say different things.
 */
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import type { Translate } from '../i18n';
import { renderNote, type Note } from './note';

/** Substitutes $1…$9 the way browser.i18n.getMessage does for messages without named placeholders. */
export function substitute(message: string, args: readonly string[]): string {
  return message.replace(/\$(\d)/g, (_, d: string) => args[Number(d) - 1] ?? '');
}

const english: Translate = (key, subs) =>
  substitute(en[key].message, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);

/** A note in English, for the CLI table and logs. */
export const noteText = (n: Note): string => renderNote(n, english);
