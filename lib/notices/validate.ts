import type { LetterLang, RegimeId } from '../model/notice';
import type { NoticeCase } from './case';
import { ELEMENTS, type ElementId, type ElementStatus } from './elements';
import { regimeForCase } from './frames';
import { citationOf, descriptionOf } from './regime';
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
  const regime = regimeForCase(c, regimeId);
  const l = checklistLang(lang ?? c.lang ?? regime.defaultLang);
  const items: ComplianceItem[] = [];
  for (const e of regime.elements) {
    if (e.appliesTo && !e.appliesTo(c)) continue;
    const status = e.check(c);
    items.push({
      id: e.id,
      citation: citationOf(e, c)[l],
      name: e.name[l],
      required: e.required,
      unverified: e.unverified === true,
      status,
      message: status === 'ok' ? '' : descriptionOf(e, c)[l],
    });
  }
  // A statement the user refused is never signed, in any regime (docs/notice-decisions.md §2): each
  // refusal blocks, named with the law that makes a false statement actionable, unless an element
  // the regime declares already reports it.
  for (const r of REFUSALS) {
    if (c.confirmations[r.key] !== false) continue;
    const declared = items.find((i) => i.status === 'missing' && r.coveredBy.includes(i.id));
    if (declared) {
      // A statement the form only recommends (Australia) still may not be signed once refused.
      declared.required = true;
      continue;
    }
    const info = ELEMENTS[r.id];
    items.push({
      id: r.id,
      citation: regime.statementLaw[l],
      name: info.name[l],
      required: true,
      unverified: false,
      status: 'missing',
      message: info.hint[l],
    });
  }
  return { regime: regimeId, lang: l, sendable: !items.some((i) => i.required && i.status === 'missing'), items };
}

const REFUSALS: { key: 'goodFaith' | 'accuracy' | 'authority'; id: ElementId; coveredBy: ElementId[] }[] = [
  { key: 'goodFaith', id: 'stmt_good_faith', coveredBy: ['stmt_good_faith', 'stmt_bona_fide_accurate_complete'] },
  {
    key: 'accuracy',
    id: 'stmt_accuracy',
    coveredBy: [
      'stmt_accuracy',
      'stmt_accuracy_perjury',
      'stmt_bona_fide_accurate_complete',
      'stmt_truthfulness_cn',
      'stmt_truth_jp',
    ],
  },
  { key: 'authority', id: 'stmt_authority', coveredBy: ['stmt_authority', 'stmt_accuracy_perjury'] },
];

/** Required elements that are missing, e.g. for an error line per element. */
export function missingRequired(result: ComplianceResult): ComplianceItem[] {
  return result.items.filter((i) => i.required && i.status === 'missing');
}
