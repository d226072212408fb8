import { describe, expect, it } from 'vitest';
import { approxReach, claimRange, exclusivity, isContested, rangesMeet, type ClaimValue } from './contested.js';

const claim = (c: Partial<ClaimValue>, sourceKey: string, text = '') => ({ low: null, high: null, best: null, approx: false, ...exclusivity(text), ...c, sourceKey });

describe('contested figures', () => {
  it('contests an upper bound against a larger count', () => {
    expect(isContested([claim({ high: 5000 }, 'a', 'up to'), claim({ best: 7000 }, 'b')])).toBe(true);
  });

  it('contests "as many as 48,000" against "over 50,000"', () => {
    expect(isContested([claim({ high: 48000 }, 'a', 'as many as'), claim({ low: 50000 }, 'b', 'over')])).toBe(true);
  });

  it('does not contest "about 900" and "900"', () => {
    expect(isContested([claim({ best: 900, approx: true }, 'a'), claim({ best: 900 }, 'b')])).toBe(false);
  });

  it('does not contest a lower bound and a larger approximate count', () => {
    expect(isContested([claim({ low: 50 }, 'a', 'at least'), claim({ best: 200, approx: true }, 'b')])).toBe(false);
  });

  it('lets "about" reach as far as the number is rounded', () => {
    expect(isContested([claim({ best: 900, approx: true }, 'a'), claim({ best: 950 }, 'b')])).toBe(false);
    expect(isContested([claim({ best: 900, approx: true }, 'a'), claim({ best: 1000 }, 'b')])).toBe(true);
    expect(isContested([claim({ best: 48000, approx: true }, 'a'), claim({ low: 50000 }, 'b', 'more than')])).toBe(true);
    expect(isContested([claim({ best: 100000, approx: true }, 'a'), claim({ best: 95000 }, 'b')])).toBe(false);
    expect(approxReach(48000)).toBe(960);
    expect(approxReach(900)).toBe(50);
    expect(approxReach(100000)).toBe(10000);
  });

  it('reads an upper bound as an estimate at its top end', () => {
    expect(isContested([claim({ high: 7000 }, 'a', 'as many as'), claim({ low: 3000, high: 5000 }, 'b')])).toBe(true);
    expect(isContested([claim({ high: 5000 }, 'a', 'up to'), claim({ best: 4000, approx: true }, 'b')])).toBe(false);
    expect(isContested([claim({ high: 5000 }, 'a', 'up to'), claim({ best: 2000 }, 'b')])).toBe(true);
  });

  it('treats strict bounds as strict: "more than 40" and "up to 40" cannot both hold, "at least 40" and "up to 40" can', () => {
    expect(isContested([claim({ low: 40 }, 'a', 'more than'), claim({ high: 40 }, 'b', 'up to')])).toBe(true);
    expect(isContested([claim({ low: 40 }, 'a', 'at least'), claim({ high: 40 }, 'b', 'up to')])).toBe(false);
  });

  it('never contests a source against itself', () => {
    expect(isContested([claim({ best: 12 }, 'a'), claim({ best: 20 }, 'a')])).toBe(false);
  });

  it('ignores vague claims', () => {
    expect(isContested([{ ...claim({ best: 100, approx: true }, 'a'), vague: true }, claim({ best: 5000 }, 'b')])).toBe(false);
  });

  it('gives ranges from hedges', () => {
    expect(claimRange({ low: 10, high: 15, best: null, approx: false })).toEqual({ lo: 10, hi: 15, loOpen: false, hiOpen: false });
    expect(claimRange({ low: null, high: null, best: null, approx: false })).toBeNull();
    expect(rangesMeet({ lo: 0, hi: 5, loOpen: false, hiOpen: false }, { lo: 5, hi: 9, loOpen: true, hiOpen: false })).toBe(false);
    expect(rangesMeet({ lo: 0, hi: 5, loOpen: false, hiOpen: false }, { lo: 5, hi: 9, loOpen: false, hiOpen: false })).toBe(true);
  });
});
