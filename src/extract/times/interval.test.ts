import { describe, expect, it } from 'vitest';
import { durationBefore, precisionOf, timexInterval } from './interval.js';

describe('timexInterval', () => {
  it('gives the days a value covers, with ACLED precision', () => {
    expect(timexInterval('2016-10-22')).toEqual({ start: '2016-10-22', end: '2016-10-22', precision: 1 });
    expect(timexInterval('2016-10-18TNI')).toEqual({ start: '2016-10-18', end: '2016-10-18', precision: 1 });
    expect(timexInterval('2016-W42-WE')).toEqual({ start: '2016-10-22', end: '2016-10-23', precision: 2 });
    expect(timexInterval('2016-W42')).toEqual({ start: '2016-10-17', end: '2016-10-23', precision: 2 });
    expect(timexInterval('2016-10')).toEqual({ start: '2016-10-01', end: '2016-10-31', precision: 3 });
    expect(timexInterval('2020-02')).toEqual({ start: '2020-02-01', end: '2020-02-29', precision: 3 });
    expect(timexInterval('1989-Q3')).toEqual({ start: '1989-07-01', end: '1989-09-30', precision: 3 });
    expect(timexInterval('1989-Q4')).toEqual({ start: '1989-10-01', end: '1989-12-31', precision: 3 });
    expect(timexInterval('2014')).toEqual({ start: '2014-01-01', end: '2014-12-31', precision: 3 });
    expect(timexInterval('199')).toEqual({ start: '1990-01-01', end: '1999-12-31', precision: 3 });
    expect(timexInterval('2016-WI')).toEqual({ start: '2016-12-01', end: '2017-02-28', precision: 3 });
  });

  it('has no interval for what the words leave open', () => {
    for (const v of ['XXXX-10-22', 'XXXX-WXX-5', 'P2Y', 'PXD', 'PRESENT_REF', 'PAST_REF', '2016-13', '']) expect(timexInterval(v)).toBeNull();
  });
});

describe('durationBefore', () => {
  it('reaches back from a day', () => {
    expect(durationBefore('P1M', '2016-11-12')).toEqual({ start: '2016-10-12', end: '2016-11-12', precision: 3 });
    expect(durationBefore('P3D', '2016-11-12')).toEqual({ start: '2016-11-09', end: '2016-11-12', precision: 2 });
    expect(durationBefore('P1M', '2016-03-31')?.start).toBe('2016-02-29');
  });

  it('gives nothing for vague or sub-day durations', () => {
    expect(durationBefore('PXD', '2016-11-12')).toBeNull();
    expect(durationBefore('PT3H', '2016-11-12')).toBeNull();
  });

  it('maps lengths to precision', () => {
    expect([precisionOf(1), precisionOf(2), precisionOf(7), precisionOf(8)]).toEqual([1, 2, 2, 3]);
  });
});
