import { describe, expect, it } from 'vitest';
import { km } from './geo.js';

describe('km', () => {
  it('measures great-circle distances', () => {
    // Mosul to Erbil: about 80 km; London to Paris: about 344 km; a quarter of the equator: about 10,008 km.
    expect(km(36.34, 43.13, 36.19, 44.01)).toBeGreaterThan(75);
    expect(km(36.34, 43.13, 36.19, 44.01)).toBeLessThan(85);
    expect(Math.round(km(51.507, -0.128, 48.857, 2.352))).toBeGreaterThan(338);
    expect(Math.round(km(51.507, -0.128, 48.857, 2.352))).toBeLessThan(350);
    expect(km(0, 0, 0, 90)).toBeCloseTo(10_007.5, 0);
  });
  it('is zero for one point, symmetric, and never NaN at antipodes', () => {
    expect(km(10, 20, 10, 20)).toBe(0);
    expect(km(1, 2, 3, 4)).toBeCloseTo(km(3, 4, 1, 2), 9);
    expect(Number.isNaN(km(0, 0, 0, 180))).toBe(false);
  });
});
