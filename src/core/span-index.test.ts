import { describe, expect, it } from 'vitest';
import { indexHolding, someHolding, within } from './span-index.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('span index: the answers of a scan, by binary search', () => {
  it('within, someHolding and indexHolding agree with filter, some and findIndex on random layers', () => {
    const r = rng(5);
    for (let n = 0; n < 300; n++) {
      const items = Array.from({ length: Math.floor(r() * 40) }, () => {
        const start = Math.floor(r() * 500);
        return { start, end: start + Math.floor(r() * 30), id: n };
      }).sort((a, b) => a.start - b.start);
      const s = Math.floor(r() * 500);
      const e = s + Math.floor(r() * 80);
      expect(within(items, s, e)).toEqual(items.filter((x) => x.start >= s && x.end <= e));
      const test = (x: { end: number; start: number }) => x.end - x.start > 3;
      expect(someHolding(items, s, s + 2, test)).toBe(items.some((x) => x.start <= s && s + 2 <= x.end && test(x)));
      // Sentences: sorted and disjoint.
      const sents: { start: number; end: number }[] = [];
      for (let at = 0; at < 500; ) {
        const len = 1 + Math.floor(r() * 40);
        sents.push({ start: at, end: at + len });
        at += len + Math.floor(r() * 3);
      }
      expect(indexHolding(sents, s)).toBe(sents.findIndex((x) => x.start <= s && s < x.end));
    }
  });
});
