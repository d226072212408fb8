import type { Tok } from './view.js';

const PARTS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10,
};
const NUMERATORS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, nine: 9 };

export interface FractionReading {
  start: number;
  end: number;
  value: number;
}

/**
 * A share of a group: "two-thirds of them", "a third of the residents", "half of the fighters". Only when
 * followed by "of", so "a third attack" (an ordinal) is never read as a fraction.
 */
export function readFraction(toks: Tok[], i: number): FractionReading | null {
  const a = toks[i]?.low;
  if (!a) return null;
  if (a === 'half' && toks[i + 1]?.low === 'of') return { start: i, end: i + 1, value: 0.5 };
  if (!(a in NUMERATORS)) return null;
  let j = i + 1;
  if (toks[j]?.low === '-' && toks[j]!.start === toks[i]!.end) j++;
  const d = toks[j]?.low;
  if (!d || !(d in PARTS)) return null;
  if (toks[j + 1]?.low !== 'of') return null;
  const num = NUMERATORS[a]!;
  // "one third" and "a third" are singular parts; "two-thirds" needs the plural.
  if (num > 1 && !/s$/.test(d)) return null;
  return { start: i, end: j + 1, value: Math.round((num / PARTS[d]!) * 1000) / 1000 };
}
