/**
 * What the models see of a word on its own: hashes of its form, lower-cased form, affixes and shape,
 * computed once per word and shared by every feature template that mentions the word.
 */
import { strHash } from './hash.js';

/** Hashes of the word's strings, as signed 32-bit integers (strHash's bits: see hash32 below). */
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

/**
 * A string's hash as a signed 32-bit integer: the same 32 bits as strHash, and the same feature keys (the
 * key functions read their values with Math.imul, which takes either form alike), but a small integer to
 * V8. Above 2^31 an unsigned hash is a heap number: each Lex field read and passed to a feature template
 * that was not inlined was boxed anew (the tagger's, recogniser's and parser's context features allocated
 * 6% of an analysis's bytes that way).
 */
const hash32 = (s: string): number => strHash(s) | 0;

export function lexOf(form: string): Lex {
  const hit = cache.get(form);
  if (hit) return hit;
  const lower = form.toLowerCase();
  const lex: Lex = {
    form: hash32(form),
    lower: hash32(lower),
    suf: [hash32(lower.slice(-1)), hash32(lower.slice(-2)), hash32(lower.slice(-3)), hash32(lower.slice(-4))],
    pre: [hash32(lower.slice(0, 1)), hash32(lower.slice(0, 2)), hash32(lower.slice(0, 3))],
    shape: hash32(shapeOf(form)),
    flags: flagsOf(form),
  };
  // Bounded: a long-running process reads unbounded vocabulary.
  if (cache.size > 200_000) cache.clear();
  cache.set(form, lex);
  return lex;
}

/** A word outside the sentence (before its start or after its end). */
const PAD_HASH = hash32('<pad>');
export const PAD: Lex = {
  form: PAD_HASH,
  lower: PAD_HASH,
  suf: [PAD_HASH, PAD_HASH, PAD_HASH, PAD_HASH],
  pre: [PAD_HASH, PAD_HASH, PAD_HASH],
  shape: PAD_HASH,
  flags: 0,
};
