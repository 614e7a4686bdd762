import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
/** Looks up a UI string; entrypoints pass browser.i18n.getMessage, tests pass a fake. */
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/**
 * The language a page declares and formats dates in. The browser's UI language can disagree
 * with the message catalogue Chrome picked (seen with Chromium on Linux: zh_CN strings, en-US
 * getUILanguage()), which printed US dates between Chinese labels. The catalogue's own locale
 * (the `uiLocale` message) wins unless the UI language is the same language with a region.
 */
export function pageLanguage(uiLanguage: string, catalogLocale: string): string {
  const base = (l: string) => (l.split(/[-_]/)[0] ?? '').toLowerCase();
  if (!catalogLocale) return uiLanguage;
  return uiLanguage && base(uiLanguage) === base(catalogLocale) ? uiLanguage : catalogLocale;
}

/** The checklist's language for a page language: Chinese pages get the Chinese statutory names. */
export const checklistLangFor = (pageLang: string): 'en' | 'zh' =>
  pageLang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
