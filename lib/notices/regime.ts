import type { LetterLang, RegimeId } from '../model/notice';
import type { NoticeCase } from './case';
import { ELEMENTS, type Check, type ElementId, type Localised } from './elements';
import type { MeasureId } from './measures';

/** One element a regime asks for, declared as data; the validator only iterates these. */
export interface RegimeElement {
  id: ElementId;
  citation: Localised;
  name: Localised;
  description: Localised;
  /** A missing required element makes the notice unsendable; a recommended one only warns. */
  required: boolean;
  /** The reference marks this point unverified; the UI should say so. */
  unverified?: boolean;
  /** Variant elements (e.g. link location for search engines) apply only to some recipients. */
  appliesTo?: (c: NoticeCase) => boolean;
  check: Check;
}

export interface StatementContext {
  /** The complaining party as named in the letter. */
  party: string;
  fairUseNote: string;
}

/** A statement printed in every notice of the regime; `verbatim` holds statutory words that must appear unchanged. */
export interface Statement {
  /** The element the statement satisfies, or a plain label for non-statutory wording. */
  id: ElementId | 'accuracy';
  verbatim?: string;
  when?: (c: NoticeCase) => boolean;
  text: { en: (s: StatementContext) => string; zh: (s: StatementContext) => string };
}

export interface Regime {
  id: RegimeId;
  name: Localised;
  defaultLang: LetterLang;
  /** 'us' writes "November 25, 2026"; 'intl' writes "25 November 2026". Chinese is always 2026年11月25日. */
  dateStyle: 'us' | 'intl';
  subject: Localised;
  /** The law the letter relies on, for this recipient. */
  legalBasis: (c: NoticeCase) => Localised;
  elements: RegimeElement[];
  statements: Statement[];
  /** Extra introductory paragraphs the regime expects (e.g. China: the service type relied on). */
  introNotes?: (c: NoticeCase) => Localised[];
  /** Regime-specific limits on what may be asked (e.g. Canada: forwarding only). */
  adjustMeasures?: (measures: MeasureId[], c: NoticeCase) => MeasureId[];
}

/** Builds a regime element from the shared catalogue (names, hints, checks) plus its citation. */
export function el(
  id: ElementId,
  citation: Localised | string,
  required: boolean,
  extra: Partial<Pick<RegimeElement, 'appliesTo' | 'unverified' | 'check'>> = {},
): RegimeElement {
  const info = ELEMENTS[id];
  const cite = typeof citation === 'string' ? { en: citation, zh: citation } : citation;
  return { id, citation: cite, name: info.name, description: info.hint, required, check: info.check, ...extra };
}
