import type { Tok } from './view.js';

/** What a hedge says about the figure it precedes: a floor, a ceiling, an approximation, or a mix. */
export interface Hedge {
  /** Token index where the hedge starts. */
  start: number;
  bound: 'low' | 'high' | null;
  approx: boolean;
}

interface HedgeRule {
  words: string[];
  bound: 'low' | 'high' | null;
  approx: boolean;
}

// Longer phrases first so "no more than" wins over "more than".
const BEFORE: HedgeRule[] = [
  { words: ['in', 'excess', 'of'], bound: 'low', approx: false },
  { words: ['no', 'fewer', 'than'], bound: 'low', approx: false },
  { words: ['no', 'less', 'than'], bound: 'low', approx: false },
  { words: ['not', 'less', 'than'], bound: 'low', approx: false },
  { words: ['a', 'minimum', 'of'], bound: 'low', approx: false },
  { words: ['no', 'more', 'than'], bound: 'high', approx: false },
  { words: ['not', 'more', 'than'], bound: 'high', approx: false },
  { words: ['a', 'maximum', 'of'], bound: 'high', approx: false },
  { words: ['as', 'many', 'as'], bound: 'high', approx: false },
  { words: ['as', 'much', 'as'], bound: 'high', approx: false },
  { words: ['more', 'or', 'less'], bound: null, approx: true },
  { words: ['at', 'least'], bound: 'low', approx: false },
  { words: ['at', 'leat'], bound: 'low', approx: false },
  { words: ['more', 'than'], bound: 'low', approx: false },
  { words: ['upwards', 'of'], bound: 'low', approx: false },
  { words: ['well', 'over'], bound: 'low', approx: false },
  { words: ['just', 'over'], bound: 'low', approx: false },
  { words: ['up', 'to'], bound: 'high', approx: false },
  { words: ['at', 'most'], bound: 'high', approx: false },
  { words: ['fewer', 'than'], bound: 'high', approx: false },
  { words: ['less', 'than'], bound: 'high', approx: false },
  { words: ['just', 'under'], bound: 'high', approx: false },
  { words: ['close', 'to'], bound: 'high', approx: true },
  { words: ['an', 'estimated'], bound: null, approx: true },
  { words: ['over'], bound: 'low', approx: false },
  { words: ['under'], bound: 'high', approx: false },
  { words: ['nearly'], bound: 'high', approx: true },
  { words: ['almost'], bound: 'high', approx: true },
  { words: ['about'], bound: null, approx: true },
  { words: ['around'], bound: null, approx: true },
  { words: ['some'], bound: null, approx: true },
  { words: ['approximately'], bound: null, approx: true },
  { words: ['approx'], bound: null, approx: true },
  { words: ['roughly'], bound: null, approx: true },
  { words: ['estimated'], bound: null, approx: true },
  { words: ['circa'], bound: null, approx: true },
  { words: ['~'], bound: null, approx: true },
];

function matchBefore(toks: Tok[], end: number): HedgeRule | null {
  for (const r of BEFORE) {
    const s = end - r.words.length;
    if (s < 0) continue;
    let ok = true;
    for (let k = 0; k < r.words.length && ok; k++) ok = toks[s + k]!.low === r.words[k];
    if (ok) return r;
  }
  return null;
}

/**
 * The hedge written just before the figure starting at token i. Two hedges may stack ("more than around
 * 100,000": a floor that is itself approximate).
 */
export function hedgeBefore(toks: Tok[], i: number): Hedge | null {
  const first = matchBefore(toks, i);
  if (!first) return null;
  let start = i - first.words.length;
  let bound = first.bound;
  let approx = first.approx;
  const second = matchBefore(toks, start);
  if (second && (second.bound === null) !== (first.bound === null)) {
    start -= second.words.length;
    bound = bound ?? second.bound;
    approx = approx || second.approx;
  }
  return { start, bound, approx };
}

/** A hedge written after the figure: "50 or so", "50 or more", "50-plus". Returns tokens consumed. */
export function hedgeAfter(toks: Tok[], i: number): { n: number; bound: 'low' | null; approx: boolean } | null {
  const a = toks[i]?.low;
  const b = toks[i + 1]?.low;
  if (a === 'or' && b === 'so') return { n: 2, bound: null, approx: true };
  if (a === 'or' && b === 'more') return { n: 2, bound: 'low', approx: false };
  if (a === 'plus' || (a === '-' && b === 'plus')) return { n: a === '-' ? 2 : 1, bound: 'low', approx: false };
  return null;
}
