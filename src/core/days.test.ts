import { describe, expect, it } from 'vitest';
import { addDays, durationDays, gapDays, interval, intersect, overlap, timexInterval } from './days.js';

describe('day intervals', () => {
  it('overlap and intersect inclusively', () => {
    const a = interval('2016-10-20', '2016-10-21')!;
    expect(overlap(a, interval('2016-10-21', '2016-10-25')!)).toBe(true);
    expect(overlap(a, interval('2016-10-22', null)!)).toBe(false);
    expect(intersect(a, interval('2016-10-21', '2016-10-30')!)).toEqual({ start: '2016-10-21', end: '2016-10-21' });
    expect(intersect(a, interval('2016-11-12', null)!)).toBeNull();
    expect(gapDays(a, interval('2016-10-25', null)!)).toBe(4);
  });

  it('refuses invalid or reversed days', () => {
    expect(interval('2016-13-01', null)).toBeNull();
    expect(interval('2016-10-22', '2016-10-01')).toBeNull();
    expect(interval(null, '2016-10-01')).toBeNull();
  });

  it('reads TIMEX3 date values as intervals', () => {
    expect(timexInterval('2016-10-22')).toEqual({ start: '2016-10-22', end: '2016-10-22' });
    expect(timexInterval('2016-10-18TNI')).toEqual({ start: '2016-10-18', end: '2016-10-18' });
    expect(timexInterval('2016-W42')).toEqual({ start: '2016-10-17', end: '2016-10-23' });
    expect(timexInterval('2016-W42-WE')).toEqual({ start: '2016-10-22', end: '2016-10-23' });
    expect(timexInterval('2016-02')).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    expect(timexInterval('2016')).toEqual({ start: '2016-01-01', end: '2016-12-31' });
    expect(timexInterval('XXXX-XX-XX')).toBeNull();
    expect(timexInterval('PRESENT_REF')).toBeNull();
  });

  it('reads durations in days and adds days across months', () => {
    expect(durationDays('P1M')).toBe(30);
    expect(durationDays('P2Y')).toBe(730);
    expect(durationDays('PXD')).toBeNull();
    expect(addDays('2016-10-30', 3)).toBe('2016-11-02');
  });
});
