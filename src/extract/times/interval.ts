import { addMonths, dayNumber, daysInMonth, formatDay, isoWeekStart, parseDay } from './calendar.js';

/** ACLED time precision: 1 a day, 2 within a week or so, 3 a month or vaguer. */
export type TimePrecision = 1 | 2 | 3;

/** A date interval, YYYY-MM-DD, both ends inclusive, with ACLED time precision. */
export interface DateInterval {
  start: string;
  end: string;
  precision: TimePrecision;
}

/** The precision ACLED would code for an interval of `days` days. */
export function precisionOf(days: number): TimePrecision {
  return days <= 1 ? 1 : days <= 7 ? 2 : 3;
}

function interval(first: number, last: number, precision?: TimePrecision): DateInterval {
  return { start: formatDay(first), end: formatDay(last), precision: precision ?? precisionOf(last - first + 1) };
}

const SEASON_MONTHS: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/**
 * The days a TIMEX3 DATE or TIME value covers: `2016-10-22` (precision 1), `2016-10-18TNI` (the day),
 * `2016-W42` and `2016-W42-WE` (precision 2), `2016-10`, `2016-Q3`, `2016-H2`, `2016-SU`, `2016`, `201`
 * (a decade), `20` (a century) (precision 3). Values with unknown parts (`XXXX-10-22`), durations, sets
 * and PAST_REF/PRESENT_REF/FUTURE_REF have no interval of their own: null.
 */
export function timexInterval(value: string): DateInterval | null {
  let m: RegExpExecArray | null;
  if (/^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.test(value)) {
    const n = parseDay(value);
    return n === null ? null : interval(n, n, 1);
  }
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    const monday = isoWeekStart(+m[1]!, +m[2]!);
    return m[3] ? interval(monday + 5, monday + 6, 2) : interval(monday, monday + 6, 2);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const y = +m[1]!, mo = +m[2]!;
    if (mo < 1 || mo > 12) return null;
    return interval(dayNumber(y, mo, 1), dayNumber(y, mo, daysInMonth(y, mo)), 3);
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const y = +m[1]!, first = (+m[2]! - 1) * 3 + 1;
    const end = addMonths(y, first, 3);
    return interval(dayNumber(y, first, 1), dayNumber(end.y, end.m, 1) - 1, 3);
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const y = +m[1]!, first = m[2] === '1' ? 1 : 7;
    return interval(dayNumber(y, first, 1), dayNumber(y, first + 5, daysInMonth(y, first + 5)), 3);
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const y = +m[1]!, first = SEASON_MONTHS[m[2]!]!;
    const end = addMonths(y, first, 3);
    return interval(dayNumber(y, first, 1), dayNumber(end.y, end.m, 1) - 1, 3);
  }
  if ((m = /^(\d{4})$/.exec(value))) return interval(dayNumber(+m[1]!, 1, 1), dayNumber(+m[1]!, 12, 31), 3);
  if ((m = /^(\d{3})$/.exec(value))) return interval(dayNumber(+m[1]! * 10, 1, 1), dayNumber(+m[1]! * 10 + 9, 12, 31), 3);
  if ((m = /^(\d{2})$/.exec(value))) return interval(dayNumber(+m[1]! * 100, 1, 1), dayNumber(+m[1]! * 100 + 99, 12, 31), 3);
  return null;
}

/**
 * The stretch a duration reaches back from a day: "the past month" (P1M) published 2016-11-12 is
 * 2016-10-12..2016-11-12. Vague durations (PXD) and times of day under a day give null.
 */
export function durationBefore(value: string, day: string): DateInterval | null {
  const end = parseDay(day);
  const m = /^P(\d+(?:\.\d+)?)(D|W|WE|M|Q|Y|DE|CE)$/.exec(value);
  if (end === null || !m) return null;
  const n = Math.round(+m[1]!);
  const unit = m[2]!;
  let start: number;
  if (unit === 'D') start = end - n;
  else if (unit === 'W') start = end - 7 * n;
  else if (unit === 'WE') start = end - 7 * n + 1;
  else {
    const months = unit === 'M' ? n : unit === 'Q' ? 3 * n : unit === 'Y' ? 12 * n : unit === 'DE' ? 120 * n : 1200 * n;
    const { y, m: mo, d } = { y: +day.slice(0, 4), m: +day.slice(5, 7), d: +day.slice(8, 10) };
    const back = addMonths(y, mo, -months);
    start = dayNumber(back.y, back.m, Math.min(d, daysInMonth(back.y, back.m)));
  }
  return interval(start, end);
}
