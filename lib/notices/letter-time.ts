import { MONTHS } from './letter-date';

/**
 * Instants as a letter writes them, without Intl so every runtime prints the same. A Chinese
 * letter gives Beijing time the Chinese way, 2026年2月20日9时15分（北京时间）: trusted-timestamp
 * authorities issue in UTC+8 and a court reads local time, never an ISO string (docs/notice-decisions.md
 * §8). An English letter gives UTC, "20 February 2026, 01:15 UTC". A bare date (no "T") stays a
 * date, without a clock. Unparsable input is kept as given. Notices and follow-up letters share it.
 */
const pad = (n: number) => String(n).padStart(2, '0');
// China has had no daylight saving since 1991: UTC+8 all year, so a fixed offset is exact.
const BEIJING_OFFSET_MS = 8 * 3600_000;

export function beijingTime(iso: string, withClock = true): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + BEIJING_OFFSET_MS);
  const day = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  if (!withClock || !iso.includes('T')) return day;
  return `${day}${d.getUTCHours()}时${pad(d.getUTCMinutes())}分（北京时间）`;
}

/** "2 March 2026, 09:00 UTC" (or "March 2, 2026, 09:00 UTC" in US style); a bare date gets no clock. */
export function englishTime(iso: string, style: 'us' | 'intl' = 'intl'): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = MONTHS[d.getUTCMonth()] ?? '';
  const day = d.getUTCDate();
  const date = style === 'us' ? `${m} ${day}, ${y}` : `${day} ${m} ${y}`;
  if (!iso.includes('T')) return date;
  return `${date}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** The notice's form: international date order, UTC. */
export const utcTime = (iso: string): string => englishTime(iso, 'intl');
