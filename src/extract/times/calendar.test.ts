import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, easter, formatDay, formatWeek, isoWeek, isoWeekStart, isValidDate, nthWeekday, parseDay, weekdayOf } from './calendar.js';

describe('calendar', () => {
  it('round-trips days and knows weekdays (ISO: Monday 1, Sunday 7)', () => {
    expect(formatDay(dayNumber(2016, 10, 23))).toBe('2016-10-23');
    expect(weekdayOf(dayNumber(2016, 10, 23))).toBe(7);
    expect(weekdayOf(dayNumber(2020, 3, 21))).toBe(6);
    expect(weekdayOf(dayNumber(1969, 12, 29))).toBe(1);
  });

  it('numbers weeks as ISO 8601 does, across year ends', () => {
    expect(formatWeek(dayNumber(2016, 10, 23))).toBe('2016-W42');
    expect(isoWeek(dayNumber(2021, 1, 3))).toEqual({ year: 2020, week: 53 });
    expect(isoWeek(dayNumber(2019, 12, 30))).toEqual({ year: 2020, week: 1 });
    expect(formatDay(isoWeekStart(2016, 42))).toBe('2016-10-17');
  });

  it('refuses impossible dates', () => {
    expect(isValidDate(2019, 2, 29)).toBe(false);
    expect(isValidDate(2020, 2, 29)).toBe(true);
    expect(isValidDate(2020, 4, 31)).toBe(false);
    expect(parseDay('2020-13-01')).toBeNull();
    expect(parseDay('2016-10-23T09:30:00+03:00')).toBe(dayNumber(2016, 10, 23));
  });

  it('adds months across years and finds movable days', () => {
    expect(addMonths(2020, 11, 3)).toEqual({ y: 2021, m: 2 });
    expect(addMonths(2020, 1, -1)).toEqual({ y: 2019, m: 12 });
    expect(formatDay(easter(2016))).toBe('2016-03-27');
    expect(formatDay(easter(2000))).toBe('2000-04-23');
    expect(formatDay(nthWeekday(1998, 11, 4, 4))).toBe('1998-11-26');
    expect(formatDay(nthWeekday(2020, 5, 1, -1))).toBe('2020-05-25');
  });
});
