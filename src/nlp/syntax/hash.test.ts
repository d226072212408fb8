import { describe, expect, it } from 'vitest';
import { key1, key2, key3, strHash } from './hash.js';
import { KeyIndex } from './key-index.js';

describe('feature hashing', () => {
  it('is stable across runs (weight files name features by these keys)', () => {
    // Fixed values: if these change, every shipped model silently stops matching its features.
    expect(strHash('kabul')).toBe(2585612188);
    expect(key2(7, strHash('kabul'), 3) >>> 0).toBe(4001066358);
    // Keys are signed (small integers in V8), the same 32 bits as the unsigned key a weight file stores.
    expect(key2(7, strHash('kabul'), 3)).toBe(4001066358 | 0);
  });

  it('separates templates and argument orders, and never yields 0', () => {
    const a = strHash('a');
    const b = strHash('b');
    expect(key1(1, a)).not.toBe(key1(2, a));
    expect(key2(1, a, b)).not.toBe(key2(1, b, a));
    expect(key3(1, a, b, 0)).not.toBe(key2(1, a, b));
    for (let i = 0; i < 10_000; i++) expect(key1(i, i)).not.toBe(0);
  });

  it('spreads keys: no collisions among 100,000 distinct features', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(key2(5, strHash(`w${i}`), i % 17));
    expect(seen.size).toBeGreaterThan(99_990);
  });
});

describe('KeyIndex', () => {
  it('maps keys to dense rows and survives growth', () => {
    const ix = new KeyIndex(4);
    const keys = Array.from({ length: 5000 }, (_, i) => key1(9, i));
    keys.forEach((k, i) => expect(ix.getOrAdd(k)).toBe(i));
    keys.forEach((k, i) => expect(ix.get(k)).toBe(i));
    expect(ix.getOrAdd(keys[42]!)).toBe(42);
    expect(ix.size).toBe(5000);
    expect(ix.get(key1(10, 1))).toBe(-1);
    // A key read back from a Uint32Array (unsigned) finds the row of the same key given signed.
    const big = keys.findIndex((k) => k < 0);
    expect(ix.get(keys[big]! >>> 0)).toBe(big);
    const seen: number[] = [];
    ix.forEach((_, row) => seen.push(row));
    expect(seen.sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
  });
});
