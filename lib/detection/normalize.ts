import { toSimplified } from './simplified';

/**
 * Text normalisation shared by titles, page text, URLs and catalog entries, so "星穹紀元", "星穹 纪元" and
 * "ＳＴＡＲ－Ｄｏｍｅ" compare equal to their catalog spellings.
 */

const NON_WORD = /[^\p{L}\p{N}]+/gu;
// Spaces next to a CJK character carry no meaning ("星穹 纪元" is "星穹纪元"), unlike between Latin words.
const CJK_SPACE =
  / (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]) /gu;

/** NFKC (full/half width), lower case, traditional→simplified (OpenCC), punctuation→one space, no spaces around CJK. */
export function normalize(input: string): string {
  return toSimplified(input.normalize('NFKC')).toLowerCase().replace(NON_WORD, ' ').replace(CJK_SPACE, '').trim();
}

/** A name without its spaces ("starvoyage"): how names are matched, so "Star Voyage" = "Starvoyage" = "Star-Voyage". */
export function compact(normalized: string): string {
  return normalized.replace(/ /g, '');
}

const ASCII_ALNUM = /[a-z0-9]/;
/** True for characters that continue a Latin word, so "dune" does not match inside "dunes". */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ASCII_ALNUM.test(ch);
}
