import type { LetterLang, RegimeId } from '../model/notice';
import type { NoticeCase } from './case';
import type { ElementId, ElementStatus } from './elements';
import { REGIMES } from './regimes';
import { suggestRegime } from './suggest';

export interface ComplianceItem {
  id: ElementId;
  /** The statute, in the checklist's language. */
  citation: string;
  /** The element's statutory name, in the checklist's language. */
  name: string;
  required: boolean;
  unverified: boolean;
  status: ElementStatus;
  /** What to add or fix; empty when the element is satisfied. */
  message: string;
}

export interface ComplianceResult {
  regime: RegimeId;
  lang: 'en' | 'zh';
  /** False while any required element is missing. */
  sendable: boolean;
  items: ComplianceItem[];
}

/** The regime a case is drafted under: its explicit choice, else the suggestion from the recipient. */
export function regimeOf(c: NoticeCase): RegimeId {
  return c.regime ?? suggestRegime(c.recipient).regime;
}

/** Checklist language: a bilingual letter gets a Chinese checklist (the letter's first language). */
export const checklistLang = (lang: LetterLang): 'en' | 'zh' => (lang === 'en' ? 'en' : 'zh');

/** Every element the regime declares for this recipient, with its status; never throws on a parsed case. */
export function checkCompliance(c: NoticeCase, regimeId: RegimeId = regimeOf(c), lang?: LetterLang): ComplianceResult {
  const regime = REGIMES[regimeId];
  const l = checklistLang(lang ?? c.lang ?? regime.defaultLang);
  const items: ComplianceItem[] = [];
  for (const e of regime.elements) {
    if (e.appliesTo && !e.appliesTo(c)) continue;
    const status = e.check(c);
    items.push({
      id: e.id,
      citation: e.citation[l],
      name: e.name[l],
      required: e.required,
      unverified: e.unverified === true,
      status,
      message: status === 'ok' ? '' : e.description[l],
    });
  }
  return { regime: regimeId, lang: l, sendable: !items.some((i) => i.required && i.status === 'missing'), items };
}

/** Required elements that are missing, e.g. for an error line per element. */
export function missingRequired(result: ComplianceResult): ComplianceItem[] {
  return result.items.filter((i) => i.required && i.status === 'missing');
}
