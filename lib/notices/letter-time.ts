/**
 * Instants as a letter writes them, without Intl so every runtime prints the same. A Chinese
 * letter gives Beijing time the Chinese way, 2026年2月20日9时15分（北京时间）: trusted-timestamp
 * authorities issue in UTC+8 and a court reads local time, never an ISO string (notice-review.md
 * D10). An English letter gives UTC, "20 February 2026, 01:15 UTC". Unparsable input is kept as given.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

export function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  // China has had no daylight saving since 1991: UTC+8 all year.
  const d = new Date(t + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日${d.getUTCHours()}时${pad(d.getUTCMinutes())}分（北京时间）`;
}

export function utcTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
