/**
 * Calendar arithmetic in an IANA time zone, Intl-based so it runs in the extension and in Node.
 * A business day is Monday–Friday and not in the holiday list (local 'YYYY-MM-DD' dates).
 * Statutory holiday calendars and China's weekend working days are data the caller supplies.
 */
export interface CalendarOptions {
  /** IANA zone of the party whose working days count (usually the recipient). Default 'UTC'. */
  timeZone?: string;
  /** Local dates that are not business days, 'YYYY-MM-DD'. */
  holidays?: readonly string[];
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function toLocal(instant: Date, timeZone = 'UTC'): LocalDateTime {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(instant))
    if (p.type in parts) parts[p.type as keyof typeof parts] = Number(p.value);
  return { ...parts, ms: instant.getUTCMilliseconds() };
}

function offsetMs(instant: number, timeZone: string): number {
  const l = toLocal(new Date(instant), timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.ms) - instant;
}

/**
 * The instant of a local wall-clock time. In a DST gap the time is pushed forward by the gap; in
 * an overlap the earlier instant wins.
 */
export function fromLocal(l: LocalDateTime, timeZone = 'UTC'): Date {
  const guess = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.ms);
  const day = 86_400_000;
  const before = guess - offsetMs(guess - day, timeZone);
  const after = guess - offsetMs(guess + day, timeZone);
  const valid = (t: number) => guess - offsetMs(t, timeZone) === t;
  if (valid(before) && valid(after)) return new Date(Math.min(before, after));
  if (valid(before)) return new Date(before);
  if (valid(after)) return new Date(after);
  // In a spring-forward gap: the pre-transition offset lands just past the gap.
  return new Date(before);
}

export function localDateKey(l: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

/** Day of week of a local calendar date, 0 = Sunday. */
function weekday(l: Pick<LocalDateTime, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay();
}

function shiftDate(l: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return { ...l, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isBusinessDay(instant: Date, opts: CalendarOptions = {}): boolean {
  const l = toLocal(instant, opts.timeZone);
  const wd = weekday(l);
  return wd !== 0 && wd !== 6 && !(opts.holidays ?? []).includes(localDateKey(l));
}

/**
 * The same local wall-clock time `n` business days later (the day of `from` does not count).
 * A notice received on Friday 17:00 in New York plus 1 business day is Monday 17:00 New York time.
 */
export function addBusinessDays(from: Date, n: number, opts: CalendarOptions = {}): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('business days must be a non-negative integer');
  const tz = opts.timeZone ?? 'UTC';
  const holidays = new Set(opts.holidays ?? []);
  let l = toLocal(from, tz);
  let left = n;
  while (left > 0) {
    l = shiftDate(l, 1);
    const wd = weekday(l);
    if (wd !== 0 && wd !== 6 && !holidays.has(localDateKey(l))) left--;
  }
  return fromLocal(l, tz);
}

/** The same local wall-clock time `n` calendar days later (DST-aware, unlike adding n × 24 h). */
export function addCalendarDays(from: Date, n: number, opts: Pick<CalendarOptions, 'timeZone'> = {}): Date {
  const tz = opts.timeZone ?? 'UTC';
  return fromLocal(shiftDate(toLocal(from, tz), n), tz);
}
