/**
 * Date intervals over whole days (ISO YYYY-MM-DD, inclusive at both ends). Everything the merge compares
 * in time goes through here, so "can these dates overlap?" has one answer.
 */
export interface DayInterval {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;

export function isDay(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s + 'T00:00:00Z'));
}

export function dayNumber(day: string): number {
  return Math.floor(Date.parse(day + 'T00:00:00Z') / DAY_MS);
}

export function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayFromNumber(dayNumber(day) + n);
}

/** An interval from a start and end day; null if either is not a valid day or they are reversed. */
export function interval(start: string | null | undefined, end: string | null | undefined): DayInterval | null {
  if (!isDay(start)) return null;
  const e = isDay(end) ? end : start;
  return start <= e ? { start, end: e } : null;
}

export function overlap(a: DayInterval, b: DayInterval): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function intersect(a: DayInterval, b: DayInterval): DayInterval | null {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { start, end } : null;
}

export function widen(a: DayInterval, days: number): DayInterval {
  return { start: addDays(a.start, -days), end: addDays(a.end, days) };
}

/** Days between the intervals (0 when they overlap). */
export function gapDays(a: DayInterval, b: DayInterval): number {
  if (overlap(a, b)) return 0;
  return a.end < b.start ? dayNumber(b.start) - dayNumber(a.end) : dayNumber(a.start) - dayNumber(b.end);
}

export function lengthDays(a: DayInterval): number {
  return dayNumber(a.end) - dayNumber(a.start) + 1;
}

export function formatInterval(a: DayInterval): string {
  return a.start === a.end ? a.start : `${a.start}..${a.end}`;
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The days a TIMEX3 DATE value covers: 2016-10-22, 2016-10, 2016, 2016-W42, 2016-W42-WE. Returns null for
 * values with unknown parts (XXXX-XX-XX), durations, references and times of day are cut to their day.
 */
export function timexInterval(value: string): DayInterval | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (m) return interval(`${m[1]}-${m[2]}-${m[3]}`, null);
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    // ISO week: the week with the year's first Thursday is week 1; weeks start on Monday.
    const y = Number(m[1]);
    const jan4 = Date.UTC(y, 0, 4);
    const jan4Dow = (new Date(jan4).getUTCDay() + 6) % 7;
    const monday = Math.floor(jan4 / DAY_MS) - jan4Dow + (Number(m[2]) - 1) * 7;
    return m[3] ? { start: dayFromNumber(monday + 5), end: dayFromNumber(monday + 6) } : { start: dayFromNumber(monday), end: dayFromNumber(monday + 6) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${String(lastDayOfMonth(y, mo)).padStart(2, '0')}` };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  return null;
}

/** Days in a TIMEX3 duration value (P1M, P2W, P3D, P2Y); null when unknown (PXD). */
export function durationDays(value: string): number | null {
  const m = /^P(\d+(?:\.\d+)?)([DWMY])$/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  return Math.round(n * { D: 1, W: 7, M: 30, Y: 365 }[m[2] as 'D' | 'W' | 'M' | 'Y']);
}
