/**
 * When do claims about one quantity disagree? Each claim allows an interval of values given its hedge:
 * "up to 5,000" allows 0..5,000, "over 50,000" allows anything above 50,000, "about 900" allows 900 give
 * or take the rounding a speaker means by "about", a bare "7,000" allows 7,000. Claims from different
 * sources are contested when their intervals share no value.
 */
export interface ClaimValue {
  low: number | null;
  high: number | null;
  best: number | null;
  approx: boolean;
  /** "more than 40" excludes 40; "fewer than 10" excludes 10. */
  lowExclusive?: boolean;
  highExclusive?: boolean;
}

export interface ValueRange {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/**
 * How far "about", "some", "around", "nearly" reach either side of a number: the rounding the number
 * shows (half a unit of its last significant digit: "about 48,000" is rounded to the thousand), but at
 * least 2 % and at most 10 % of it. So "about 900" allows 850–950 and "about 48,000" about 47,000–49,000.
 */
export function approxReach(n: number): number {
  if (!(n > 0)) return 0;
  let unit = 1;
  while (n % (unit * 10) === 0 && unit < 1e12) unit *= 10;
  return Math.min(Math.max(unit / 2, n * 0.02), n * 0.1);
}

/**
 * "Up to 5,000", "as many as 7,000": an estimate whose top end is given. Read as the top quarter below
 * the bound, since a speaker who expects far fewer does not say "as many as"; so "as many as 7,000" and
 * "3,000 to 5,000" disagree, while "up to 5,000" and "about 4,000" do not.
 */
export const UPPER_BOUND_SHARE = 0.25;

export function claimRange(c: ClaimValue): ValueRange | null {
  let lo: number;
  let hi: number;
  let loOpen = false;
  let hiOpen = false;
  if (c.low != null && c.high != null) {
    lo = c.low;
    hi = c.high;
    loOpen = !!c.lowExclusive;
    hiOpen = !!c.highExclusive;
  } else if (c.low != null) {
    lo = c.low;
    hi = Infinity;
    loOpen = !!c.lowExclusive;
  } else if (c.high != null) {
    lo = c.high * (1 - UPPER_BOUND_SHARE);
    hi = c.high;
    hiOpen = !!c.highExclusive;
  } else if (c.best != null) {
    lo = c.best;
    hi = c.best;
  } else return null;
  if (c.approx) {
    // An approximate bound loosens outward and stops being strict.
    const r = approxReach(c.best ?? c.high ?? c.low ?? 0);
    if (Number.isFinite(lo) && lo > 0) {
      lo = Math.max(0, lo - r);
      loOpen = false;
    }
    if (Number.isFinite(hi)) {
      hi = hi + r;
      hiOpen = false;
    }
  }
  return { lo, hi, loOpen, hiOpen };
}

/** Do the two ranges share at least one value? */
export function rangesMeet(a: ValueRange, b: ValueRange): boolean {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (lo < hi) return true;
  if (lo > hi) return false;
  // Touching at one point p: both ranges must include it.
  const includes = (r: ValueRange, p: number) =>
    (r.lo < p || (r.lo === p && !r.loOpen)) && (r.hi > p || (r.hi === p && !r.hiOpen));
  return includes(a, lo) && includes(b, lo);
}

// Which hedge words make a bound strict is read at analysis time (src/extract/figures/read.ts).
export { exclusivity } from '../extract/figures/read.js';

/**
 * Are the claims contested? Only claims from different sources count against each other (one source
 * revising its own count is an update, not a dispute); vague claims ("thousands") never do.
 */
export function isContested(claims: readonly (ClaimValue & { sourceKey: string; vague?: boolean })[]): boolean {
  const ranged = claims.filter((c) => !c.vague).map((c) => ({ c, r: claimRange(c) })).filter((x) => x.r);
  for (let i = 0; i < ranged.length; i++) {
    for (let j = i + 1; j < ranged.length; j++) {
      if (ranged[i]!.c.sourceKey === ranged[j]!.c.sourceKey) continue;
      if (!rangesMeet(ranged[i]!.r!, ranged[j]!.r!)) return true;
    }
  }
  return false;
}
