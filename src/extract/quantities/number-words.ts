import type { Tok } from './view.js';

/** A number as written: one token ("5,000", "5-7") or several ("twenty - one", "1.5 million", "a dozen"). */
export interface NumberReading {
  /** Token index just past the number. */
  end: number;
  low: number;
  high: number;
  /** Written in words ("three", "a dozen"), which needs a counted noun to be trusted as a count. */
  words: boolean;
  /** A vague plural ("dozens", "hundreds"), valued by ACLED's convention. */
  vague: boolean;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/**
 * Vague plurals and their values. ACLED codes "dozens" as 12 and "hundreds" as 100 (its fatality
 * convention: the smallest number the word can mean, as a single unit); the same reading is applied to
 * "scores" (20), "thousands" (1,000) and "tens/hundreds of thousands", "millions".
 */
export const VAGUE: Record<string, number> = { dozens: 12, scores: 20, hundreds: 100, thousands: 1000, millions: 1e6 };

const DIGITS = /^\d{1,3}(?:,\d{3})+$|^\d+$/;
const DECIMAL = /^\d+\.\d+$/;
const RANGE = /^(\d{1,3}(?:,\d{3})+|\d+)-(\d{1,3}(?:,\d{3})+|\d+)$/;

export function digitValue(s: string): number | null {
  return DIGITS.test(s) ? Number(s.replace(/,/g, '')) : null;
}

/** Reads number words starting at i ("twenty-one", "one hundred and twenty", "three"). */
function readWords(toks: Tok[], i: number): { value: number; end: number } | null {
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  while (j < toks.length) {
    const w = toks[j]!.low;
    if (w in UNITS) {
      current += UNITS[w]!;
    } else if (w in TENS) {
      current += TENS[w]!;
      // "twenty-one", "twenty one"
      const dash = toks[j + 1]?.low === '-' ? 1 : 0;
      const next = toks[j + 1 + dash]?.low;
      if (next && next in UNITS && UNITS[next]! < 10 && UNITS[next]! > 0) {
        current += UNITS[next]!;
        j += 1 + dash;
      }
    } else if (any && w in SCALES) {
      const scale = SCALES[w]!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (any && w === 'and' && (toks[j - 1]?.low ?? '') in SCALES && toks[j + 1] && (toks[j + 1]!.low in UNITS || toks[j + 1]!.low in TENS)) {
      // "one hundred and twenty" (after a scale only: "between eight and nine" is two numbers, not seventeen)
    } else break;
    any = true;
    j++;
  }
  if (!any) return null;
  return { value: total + current, end: j };
}

/**
 * Reads a number at token i: digits ("284", "5,000"), digit ranges in one token ("5-7"), digits with a
 * scale ("1.5 million"), number words, "a dozen", "half a dozen", "a hundred", and vague plurals.
 */
function scaleAt(toks: Tok[], j: number): number {
  const s = toks[j]?.low;
  return s && s in SCALES ? SCALES[s]! : 1;
}

/** Words that can start a number; anything else is skipped without further work. */
const STARTERS = new Set([...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(VAGUE), 'a', 'an', 'half', 'tens']);

/** Can token t start a number at all? A cheap test before readNumber. */
export function mayStartNumber(t: Tok): boolean {
  return t.type === 'number' || STARTERS.has(t.low) || (t.low.charCodeAt(0) >= 48 && t.low.charCodeAt(0) <= 57);
}

export function readNumber(toks: Tok[], i: number): NumberReading | null {
  const t = toks[i];
  if (!t || !mayStartNumber(t)) return null;
  const w = t.low;
  if (t.type === 'number' || /^\d/.test(w)) {
    const d = digitValue(w);
    if (d !== null) {
      const scale = scaleAt(toks, i + 1);
      return { end: i + (scale > 1 ? 2 : 1), low: d * scale, high: d * scale, words: false, vague: false };
    }
    if (DECIMAL.test(w)) {
      const scale = scaleAt(toks, i + 1);
      if (scale >= 1000) {
        const v = Math.round(Number(w) * scale);
        return { end: i + 2, low: v, high: v, words: false, vague: false };
      }
      return null;
    }
    const r = RANGE.exec(w.replace(/[–—]/g, '-'));
    if (r) {
      const a = Number(r[1]!.replace(/,/g, ''));
      const b = Number(r[2]!.replace(/,/g, ''));
      if (a < b) return { end: i + 1, low: a, high: b, words: false, vague: false };
    }
    return null;
  }
  if (w === 'a' || w === 'an') {
    const n = toks[i + 1]?.low;
    if (n === 'dozen') return { end: i + 2, low: 12, high: 12, words: true, vague: false };
    if (n === 'hundred' || n === 'thousand' || n === 'million') {
      const v = SCALES[n]!;
      return { end: i + 2, low: v, high: v, words: true, vague: false };
    }
    return null;
  }
  if (w === 'half' && toks[i + 1]?.low === 'a' && toks[i + 2]?.low === 'dozen') {
    return { end: i + 3, low: 6, high: 6, words: true, vague: false };
  }
  if (w in VAGUE) {
    // "tens of thousands", "hundreds of thousands"
    if ((w === 'hundreds' || w === 'tens') && toks[i + 1]?.low === 'of' && ['thousands', 'millions'].includes(toks[i + 2]?.low ?? '')) {
      const v = (w === 'tens' ? 10 : 100) * VAGUE[toks[i + 2]!.low]!;
      return { end: i + 3, low: v, high: v, words: true, vague: true };
    }
    return { end: i + 1, low: VAGUE[w]!, high: VAGUE[w]!, words: true, vague: true };
  }
  if (w === 'tens' && toks[i + 1]?.low === 'of' && ['thousands', 'millions'].includes(toks[i + 2]?.low ?? '')) {
    const v = 10 * VAGUE[toks[i + 2]!.low]!;
    return { end: i + 3, low: v, high: v, words: true, vague: true };
  }
  if (w === 'dozen' && toks[i - 1]?.low !== 'a') {
    // "a dozen" is read from its article; a bare "dozen" is rare ("two dozen" is read below).
    return null;
  }
  const words = readWords(toks, i);
  if (!words) return null;
  let { value, end } = words;
  if (toks[end]?.low === 'dozen') {
    value *= 12;
    end++;
  }
  return { end, low: value, high: value, words: true, vague: false };
}
