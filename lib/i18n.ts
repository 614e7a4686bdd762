import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
/** Looks up a UI string; entrypoints pass browser.i18n.getMessage, tests pass a fake. */
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;
