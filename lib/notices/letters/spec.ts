import type { SectionId } from '../draft';
import type { Localised } from '../elements';
import type { LetterElement } from './checklist';
import type { FactsOf, LetterKind } from './schema';

/** One part of a letter before rendering; titles and text are already in the letter's language. */
export interface LetterSectionInput {
  id: SectionId;
  title: string;
  paragraphs: string[];
  items?: string[];
}

/** What a letter is written from besides its facts. */
export interface WriteContext {
  lang: 'en' | 'zh';
  /** The complaining party as named in the letter. */
  party: string;
  /** Picks the letter's language from a pair. */
  tr: (en: string, zh: string) => string;
  /** An instant as the letter states it (Beijing time in Chinese, UTC in English). */
  time: (iso: string) => string;
  /** A date as the letter states it. */
  day: (iso: string) => string;
}

/** One kind of letter, declared as data: its elements, the law it relies on and its text. */
export interface LetterSpec<K extends LetterKind> {
  kind: K;
  /** 'us' dates read "March 2, 2026"; 'intl' read "2 March 2026". */
  dateStyle: 'us' | 'intl';
  elements: LetterElement<FactsOf<K>>[];
  /** The provisions the letter cites, for the page and the tests. */
  law: (f: FactsOf<K>) => Localised[];
  subject: (f: FactsOf<K>, w: WriteContext) => string;
  /** Body sections without the signature (draft-letter.ts adds it in the letter's convention). */
  sections: (f: FactsOf<K>, w: WriteContext) => LetterSectionInput[];
  /** Chinese letters close with 特此通知 (or 特此举报) before the annexes. */
  closingZh?: string;
}
