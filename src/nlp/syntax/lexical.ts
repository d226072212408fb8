/**
 * What the models see of a word on its own: hashes of its form, lower-cased form, affixes and shape,
 * computed once per word and shared by every feature template that mentions the word.
 */
import { strHash } from './hash.js';

export interface Lex {
  form: number;
  lower: number;
  /** Lower-cased suffixes of 1..4 characters and prefixes of 1..3. */
  suf: [number, number, number, number];
  pre: [number, number, number];
  shape: number;
  /** Bit set of WORD_FLAGS. */
  flags: number;
}

export const F_DIGIT = 1;
export const F_HYPHEN = 2;
export const F_UPPER_FIRST = 4;
export const F_ALL_CAPS = 8;
export const F_NO_LETTER = 16;
export const F_MIXED = 32;

/** "Kabul" → "Xxxx", "2016" → "dddd", "U.N." → "X.X.", "al-Shabaab" → "xx-Xxxx": runs capped at 4. */
export function shapeOf(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    if (c === last) {
      run++;
      if (run >= 4) continue;
    } else {
      last = c;
      run = 0;
    }
    out += c;
  }
  return out;
}

export function flagsOf(w: string): number {
  let f = 0;
  let letters = 0;
  let uppers = 0;
  for (const ch of w) {
    if (ch >= '0' && ch <= '9') f |= F_DIGIT;
    else if (ch === '-') f |= F_HYPHEN;
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++;
      if (ch !== ch.toLowerCase()) uppers++;
    }
  }
  const first = w[0] ?? '';
  if (first !== first.toLowerCase()) f |= F_UPPER_FIRST;
  if (letters === 0) f |= F_NO_LETTER;
  else if (uppers === letters && letters > 1) f |= F_ALL_CAPS;
  else if (uppers > 1) f |= F_MIXED;
  return f;
}

const cache = new Map<string, Lex>();

export function lexOf(form: string): Lex {
  const hit = cache.get(form);
  if (hit) return hit;
  const lower = form.toLowerCase();
  const lex: Lex = {
    form: strHash(form),
    lower: strHash(lower),
    suf: [1, 2, 3, 4].map((n) => strHash(lower.slice(-n))) as Lex['suf'],
    pre: [1, 2, 3].map((n) => strHash(lower.slice(0, n))) as Lex['pre'],
    shape: strHash(shapeOf(form)),
    flags: flagsOf(form),
  };
  // Bounded: a long-running process reads unbounded vocabulary.
  if (cache.size > 200_000) cache.clear();
  cache.set(form, lex);
  return lex;
}

/** A word outside the sentence (before its start or after its end). */
export const PAD: Lex = {
  form: strHash('<pad>'),
  lower: strHash('<pad>'),
  suf: [0, 0, 0, 0].map(() => strHash('<pad>')) as Lex['suf'],
  pre: [0, 0, 0].map(() => strHash('<pad>')) as Lex['pre'],
  shape: strHash('<pad>'),
  flags: 0,
};
