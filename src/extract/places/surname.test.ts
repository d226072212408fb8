import { describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import { exactKey } from '../../gazetteer/fold.js';
import { surnameInDoc, surnameInDocByPattern } from './guards.js';

// A gazetteer that knows one two-word place, so the "Fort Worth" rule is exercised too.
const places = new Set([exactKey('Glen Earle')]);
const gaz = { lookupExact: (k: string) => (places.has(k) ? [{ id: 1, alternate: false }] : []) } as unknown as Gazetteer;

/** mulberry32: the same cases on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces that meet at the edges the fast path steps over: space of every kind, periods, capitals,
// lower-case and astral letters, emoji, quotes, names glued to letters.
const PIECES = [
  'Earle', 'Earle', 'Earle', 'Dana', 'Sen.', 'Glen', 'Troy.', 'the', 'Fort', 'Mc', 'Donald', 'É', 'ébert', 'Åsa', 'x', 'A', 'Earles',
  'Dana ', 'Ann Earle', ' Earle', ' Earle', 'Sen. ', 'Mr. ', ' Åsa', ' É', ' Ⅻ', '𝐀𝐚 ', 'Ébert ',
  ' ', ' ', ' ', '  ', '\n', '\u00a0', '\u2028', '\t', '.', ',', '"', '“', '(', ':', '-', '𝐀', '𝐚', '😀', '\ud835', 'Ⅻ', 'ǅ', '1',
];

describe('surnameInDoc', () => {
  it('finds a first name or a title before the name, as the pattern does', () => {
    expect(surnameInDoc('The court heard Dana Earle on Monday.', 'Earle', gaz)).toBe(true);
    expect(surnameInDoc('Officials met Sen. Earle in Earle.', 'Earle', gaz)).toBe(true);
    expect(surnameInDoc('He drove to Earle. Earle is small.', 'Earle', gaz)).toBe(false);
    expect(surnameInDoc('They live in Glen Earle now.', 'Earle', gaz)).toBe(false);
    expect(surnameInDoc('the town of Earle', 'Earle', gaz)).toBe(false);
  });

  it('gives the answer of the pattern on 20,000 generated texts', () => {
    const next = rng(14);
    const names = ['Earle', 'Dana', 'É', 'Åsa', 'Ⅻ', 'ǅ'];
    for (let n = 0; n < 20_000; n++) {
      const len = 2 + Math.floor(next() * 14);
      let text = '';
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      const name = names[Math.floor(next() * names.length)]!;
      const want = surnameInDocByPattern(text, name, gaz);
      if (surnameInDoc(text, name, gaz) !== want) expect({ text, name, got: !want }).toEqual({ text, name, got: want });
    }
  });
});
