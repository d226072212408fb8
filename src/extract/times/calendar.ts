/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, UTC), with the ISO 8601
 * week rules TIMEX3 uses (weeks start on Monday; week 1 holds the year's first Thursday).
 */

const MS_PER_DAY = 86_400_000;

export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** True when y-m-d is a real date (no 31 April, no 29 February outside leap years). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return false;
  const back = fromDayNumber(dayNumber(y, m, d));
  return back.y === y && back.m === m && back.d === d;
}

/** Day number of an ISO date (YYYY-MM-DD, anything after is ignored), or null. */
export function parseDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  return isValidDate(y, mo, d) ? dayNumber(y, mo, d) : null;
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function weekdayOf(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - weekdayOf(n) + 4;
  const year = fromDayNumber(thursday).y;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** Day number of the Monday that starts ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - weekdayOf(jan4) + 1 + (week - 1) * 7;
}

export function daysInMonth(y: number, m: number): number {
  return fromDayNumber(dayNumber(y, m + 1, 1) - 1).d;
}

/** Year and month `k` months after y-m. */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const t = y * 12 + (m - 1) + k;
  return { y: Math.floor(t / 12), m: (((t % 12) + 12) % 12) + 1 };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatYear(y: number): string {
  return pad(y, 4);
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function formatDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function formatWeek(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Easter Sunday (Gregorian computus, anonymous algorithm). */
export function easter(y: number): number {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(y, month, day);
}

/** The n-th (1-based; -1 = last) given weekday of a month. */
export function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = dayNumber(y, m, 1);
    return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayNumber(y, m, daysInMonth(y, m));
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}
