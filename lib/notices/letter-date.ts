import type { LetterLang } from '../model/notice';

/** English month names; the letter date and the letter times both use them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The letter's date in the recipient's convention, without Intl so output is identical in every
 * runtime: US "November 25, 2026", elsewhere "25 November 2026", Chinese "2026年11月25日".
 * `ymd` is YYYY-MM-DD.
 */
export function formatLetterDate(ymd: string, lang: LetterLang, style: 'us' | 'intl'): string {
  const [y = 0, m = 1, d = 0] = ymd.split('-').map(Number);
  const zh = `${y}年${m}月${d}日`;
  const en = style === 'us' ? `${MONTHS[m - 1]} ${d}, ${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
  return lang === 'en' ? en : lang === 'zh' ? zh : `${zh} / ${en}`;
}

/** The UTC calendar date of an instant, as YYYY-MM-DD. */
export const utcYmd = (d: Date) => d.toISOString().slice(0, 10);
