import { ConverterFactory } from 'opencc-js/core';
import * as Locale from 'opencc-js/preset/t2cn';

/**
 * Traditional → Simplified Chinese with OpenCC's own dictionaries (opencc-js): Taiwan and Hong Kong
 * variant forms first, then OpenCC's phrase and character tables, so a rare character in a title or an
 * author's name (鬱壘, 龍驤, 顧濯纓) folds like a common one. Only the t2s preset is imported (~100 KB of
 * dictionary data, not the 1 MB s2t phrase table), and the trie is built on first use (~40 ms once): pages
 * are scored in the background, so the content script never loads it.
 */
let converter: ((text: string) => string) | null = null;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\u{20000}-\u{3134f}]/u;

export function toSimplified(text: string): string {
  // Latin-only text (most of the web) skips the trie walk.
  if (!HAN.test(text)) return text;
  converter ??= ConverterFactory(Locale.from.tw ?? [], Locale.from.hk ?? [], Locale.to.cn ?? []);
  return converter(text);
}
