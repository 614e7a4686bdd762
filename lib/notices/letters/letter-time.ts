/**
 * Times as a letter states them. A Chinese letter gives Beijing time written the Chinese way
 * (2026年2月20日9时15分（北京时间）), never an ISO stamp; an English letter gives the UTC time.
 * Beijing has no daylight saving, so a fixed +8 h offset is exact and needs no Intl data.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const MONTHS = [
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

export function beijingTime(iso: string, withClock = true): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + BEIJING_OFFSET_MS);
  const day = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  if (!withClock || !iso.includes('T')) return day;
  return `${day}${d.getUTCHours()}时${String(d.getUTCMinutes()).padStart(2, '0')}分（北京时间）`;
}

/** "2 March 2026, 09:00 UTC" (or "March 2, 2026" in US style); a bare date gets no clock. */
export function englishTime(iso: string, style: 'us' | 'intl' = 'intl'): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = MONTHS[d.getUTCMonth()];
  const day = d.getUTCDate();
  const date = style === 'us' ? `${m} ${day}, ${y}` : `${day} ${m} ${y}`;
  if (!iso.includes('T')) return date;
  return `${date}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`;
}
