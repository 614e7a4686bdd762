import type { LetterLang, RegimeId } from '../model/notice';
import type { NoticeCase } from './case';
import { ELEMENTS, type Check, type ElementId, type Localised } from './elements';
import type { MeasureId } from './measures';

/** One element a regime asks for, declared as data; the validator only iterates these. */
export interface RegimeElement {
  id: ElementId;
  /** The statute; a function when it depends on the recipient (China: Regulations only for storage and links). */
  citation: Localised | ((c: NoticeCase) => Localised);
  name: Localised;
  /** What to add or fix; a function when the prompt depends on the case (EU: the member state's statute). */
  description: Localised | ((c: NoticeCase) => Localised);
  /** A missing required element makes the notice unsendable; a recommended one only warns. */
  required: boolean;
  /** The reference marks this point unverified; the UI should say so. */
  unverified?: boolean;
  /** Variant elements (e.g. link location for search engines) apply only to some recipients. */
  appliesTo?: (c: NoticeCase) => boolean;
  check: Check;
}

export interface StatementContext {
  /** The complaining party as named in the letter (the rights holder). */
  party: string;
  /** The natural person who signs. */
  signer: string;
  fairUseNote: string;
  case: NoticeCase;
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
  subject: Localised | ((c: NoticeCase) => Localised);
  /**
   * The law that makes a false or unauthorised statement in this regime's notice actionable; a
   * statement the user refused (confirmations.* === false) blocks sending and is named with it.
   */
  statementLaw: Localised;
  /** The law the letter relies on, for this recipient. */
  legalBasis: (c: NoticeCase) => Localised;
  elements: RegimeElement[];
  statements: Statement[];
  /** Paragraphs added after the explanation, e.g. the right infringed under national law. */
  explanationNotes?: (c: NoticeCase) => Localised[];
  /** Extra introductory paragraphs the regime expects (e.g. China: the service type relied on). */
  introNotes?: (c: NoticeCase) => Localised[];
  /**
   * Upstream transit providers: true where this regime gives a conduit a notice role (Canada,
   * s. 41.25(1)(a)); elsewhere the letter is a courtesy request (frames.ts).
   */
  conduitNotice?: boolean;
  /** The provision that shields a conduit, cited in a courtesy request (e.g. 17 U.S.C. § 512(a)). */
  conduitLaw?: Localised;
  /** Regime-specific limits on what may be asked (e.g. Canada: forwarding only). */
  adjustMeasures?: (measures: MeasureId[], c: NoticeCase) => MeasureId[];
}

/** Builds a regime element from the shared catalogue (names, hints, checks) plus its citation. */
export function el(
  id: ElementId,
  citation: Localised | string | ((c: NoticeCase) => Localised),
  required: boolean,
  extra: Partial<Pick<RegimeElement, 'appliesTo' | 'unverified' | 'check' | 'description'>> = {},
): RegimeElement {
  const info = ELEMENTS[id];
  const cite = typeof citation === 'string' ? { en: citation, zh: citation } : citation;
  return { id, citation: cite, name: info.name, description: info.hint, required, check: info.check, ...extra };
}

/** The citation of an element for this case. */
export const citationOf = (e: RegimeElement, c: NoticeCase): Localised =>
  typeof e.citation === 'function' ? e.citation(c) : e.citation;

/** The subject prefix of a regime's letter for this case. */
export const subjectOf = (r: Pick<Regime, 'subject'>, c: NoticeCase): Localised =>
  typeof r.subject === 'function' ? r.subject(c) : r.subject;

/** The prompt of an element for this case. */
export const descriptionOf = (e: RegimeElement, c: NoticeCase): Localised =>
  typeof e.description === 'function' ? e.description(c) : e.description;
