import { describe, expect, it } from 'vitest';
import { dateAt, normalisePublished, wholeDate } from './date-parse.js';

describe('normalisePublished', () => {
  it('keeps ISO dates and timestamps, with the offset as written', () => {
    expect(normalisePublished('2016-11-12')).toBe('2016-11-12');
    expect(normalisePublished(' 2016-10-23T09:30:00+03:00 ')).toBe('2016-10-23T09:30:00+03:00');
    expect(normalisePublished('2016-10-23T06:30:00.000Z')).toBe('2016-10-23T06:30:00+00:00');
    expect(normalisePublished('2016-10-23 09:30')).toBe('2016-10-23T09:30:00');
    expect(normalisePublished('2016-10-23T09:30:00+0300')).toBe('2016-10-23T09:30:00+03:00');
  });
  it('reads RSS dates (RFC 822) keeping the local day, not converting to UTC', () => {
    // 01:30 in Baghdad on the 23rd is still the 22nd in UTC: the publication day is the 23rd.
    expect(normalisePublished('Sun, 23 Oct 2016 01:30:00 +0300')).toBe('2016-10-23T01:30:00+03:00');
    expect(normalisePublished('23 Oct 2016 14:10 GMT')).toBe('2016-10-23T14:10:00+00:00');
    expect(normalisePublished('Mon, 24 Oct 16 08:00:00 EST')).toBe('2016-10-24T08:00:00-05:00');
  });
  it('reads dates written out in words', () => {
    expect(normalisePublished('October 23, 2016')).toBe('2016-10-23');
    expect(normalisePublished('23 Oct. 2016')).toBe('2016-10-23');
    expect(normalisePublished('Sunday, Oct. 23, 2016 10:32 AM ET')).toBe('2016-10-23');
  });
  it('refuses what is not a real date', () => {
    expect(normalisePublished('2016-02-30')).toBeNull();
    expect(normalisePublished('2016-13-01')).toBeNull();
    expect(normalisePublished('2016-10-23T25:00')).toBeNull();
    expect(normalisePublished('yesterday')).toBeNull();
    expect(normalisePublished('October 2016')).toBeNull();
    expect(normalisePublished('')).toBeNull();
    expect(normalisePublished('1477200000')).toBeNull();
  });
});

describe('dateAt and wholeDate', () => {
  it('finds a date phrase at a position, with its extent', () => {
    const s = 'BAGHDAD, Oct. 23 (Reuters) -';
    expect(dateAt(s, 9)).toEqual({ year: null, month: 10, day: 23, start: 9, end: 16 });
    expect(dateAt('Sunday, 23 October 2016 at 10:04 GMT', 0)).toMatchObject({ year: 2016, month: 10, day: 23, end: 36 });
    expect(dateAt('OCT. 3', 0)).toMatchObject({ month: 10, day: 3 });
  });
  it('does not read a month name that is not followed by a day', () => {
    expect(dateAt('May 2016', 0)).toBeNull();
    expect(dateAt('March on the capital', 0)).toBeNull();
    expect(dateAt('Oct. 32', 0)).toBeNull();
  });
  it('wholeDate accepts a line that is only a date with a year', () => {
    expect(wholeDate('March 22, 2013')).toBe('2013-03-22');
    expect(wholeDate('Tuesday 22 March 2013.')).toBe('2013-03-22');
    expect(wholeDate('March 22')).toBeNull();
    expect(wholeDate('March 22, 2013, was a quiet day')).toBeNull();
  });
});
