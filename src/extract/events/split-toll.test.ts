import { describe, expect, it } from 'vitest';
import { dayWays, notedWays, placeWays, splitToll } from './split-toll.js';

// Sentences written for these tests.
describe('split-toll: the ways ACLED would divide a toll', () => {
  it('reads days of activity, not a window', () => {
    expect(dayWays('Two villages clashed over three days near Kessaba.')).toBe(3);
    expect(dayWays('Troops ended a two-day operation in the forest.')).toBe(2);
    expect(dayWays('Three days of clashes between herders and farmers.')).toBe(3);
    expect(dayWays('On 14-15 June, gunmen raided Murvey.')).toBe(2);
    expect(dayWays('Fighting in the region 5-10 July.')).toBe(1);
    expect(dayWays('Gunmen raided Murvey on 14 June.')).toBe(1);
  });
  it('reads a list of places after a place word, skipping actors and times', () => {
    expect(placeWays('Gunmen raided Kessaba, Murvey and Oltanu villages.', [])).toBe(1);
    expect(placeWays('Gunmen raided the villages of Kessaba, Murvey and Oltanu.', [])).toBe(3);
    expect(placeWays('Troops fought in Kessaba and Murvey districts.', [])).toBe(2);
    expect(placeWays('Rallies were held in March and April.', [])).toBe(1);
    const s = 'Fighting in Kessaba and the Red Hand.';
    expect(placeWays(s, [{ start: s.indexOf('the Red'), end: s.length - 1 }])).toBe(1);
  });
  it('reads a coding note, and divides rounding to the nearest', () => {
    expect(notedWays('Fatalities split between four events.')).toBe(4);
    expect(notedWays('Two events coded at Kessaba and Murvey.')).toBe(2);
    expect(splitToll({ low: 35, best: 35, high: 35 }, 3)).toEqual({ low: 12, best: 12, high: 12 });
    expect(splitToll({ low: 3, best: 3, high: null }, 2)).toEqual({ low: 2, best: 2, high: null });
  });
});
