import { describe, expect, it } from 'vitest';
import { durationValue, unitOf } from './duration-value.js';

describe('durationValue', () => {
  it('writes TIMEX3 durations', () => {
    expect(durationValue(2, 'year')).toBe('P2Y');
    expect(durationValue(1, 'month')).toBe('P1M');
    expect(durationValue(24, 'hour')).toBe('PT24H');
    expect(durationValue(null, 'day')).toBe('PXD');
    expect(durationValue(null, 'hour')).toBe('PTXH');
    expect(durationValue(2, 'decade')).toBe('P20Y');
    expect(durationValue(null, 'decade')).toBe('PXDE');
    expect(durationValue(1, 'fortnight')).toBe('P2W');
  });

  it('writes halves in the next smaller unit', () => {
    expect(durationValue(2.5, 'year')).toBe('P2Y6M');
    expect(durationValue(1.5, 'minute')).toBe('PT1M30S');
    expect(durationValue(0.5, 'hour')).toBe('PT30M');
    expect(durationValue(1.5, 'day')).toBe('P1DT12H');
  });

  it('knows unit words and refuses others', () => {
    expect(unitOf('Centuries')).toBe('century');
    expect(unitOf('weeks')).toBe('week');
    expect(unitOf('kilometres')).toBeNull();
  });
});
